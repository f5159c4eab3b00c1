import Routing
import Testing

/// Every solver result on random instances is checked by `FeasibilityChecker`, which shares no
/// code with the solver.
@Suite struct SolverPropertyTests {
    static let budget = SolverOptions(seed: 7, iterationLimit: 15, neighbours: 15, minimumPopulation: 4, generationSize: 6)

    @Test(arguments: 0..<12) func plainInstancesGiveCheckedSolutions(seed: UInt64) throws {
        let problem = try RandomInstances.make(seed: 1000 + seed, clients: 12 + Int(seed % 4) * 4, general: false)
        let solution = HybridGeneticSearch.solve(problem, options: Self.budget)
        let report = FeasibilityChecker.check(problem, routes: solution.routes, unserved: solution.unserved)
        if solution.isFeasible && solution.unserved.isEmpty {
            #expect(report.violations == [])
            #expect(report.travel == solution.travel)
        } else {
            // Random windows can make an instance impossible; then the plan still never breaks a
            // rule, it leaves clients out, and says so.
            #expect(!solution.unserved.isEmpty)
            #expect(report.violations.allSatisfy { $0.hasPrefix("clients left unserved") })
        }
    }

    @Test(arguments: 0..<12) func generalInstancesGiveCheckedSolutions(seed: UInt64) throws {
        let problem = try RandomInstances.make(seed: 2000 + seed, clients: 10 + Int(seed % 3) * 5, general: true)
        let solution = HybridGeneticSearch.solve(problem, options: Self.budget)
        let report = FeasibilityChecker.check(problem, routes: solution.routes, unserved: solution.unserved)
        #expect(solution.isFeasible)
        #expect(report.violations == [])
        #expect(report.travel == solution.travel)
        // Every client is either on a route or listed as unserved, exactly once.
        let listed = solution.routes.flatMap { $0 } + solution.unserved
        #expect(listed.sorted() == Array(problem.clients))
    }

    @Test func sameSeedAndIterationsGiveTheSamePlan() throws {
        let problem = try RandomInstances.make(seed: 42, clients: 25, general: true)
        let first = HybridGeneticSearch.solve(problem, options: Self.budget)
        let second = HybridGeneticSearch.solve(problem, options: Self.budget)
        #expect(first.routes == second.routes)
        #expect(first.objective == second.objective)
    }

    @Test func wideWindowsAreAlwaysServed() throws {
        // One vehicle per client fits any client alone, so nothing may be left out.
        var rng = InstanceRandom(state: 3)
        let nodes =
            [RoutingNode(x: 50, y: 50, windowStart: 0, windowEnd: 10_000)]
            + (0..<15).map { _ in
                RoutingNode(x: Double(rng.int(0...100)), y: Double(rng.int(0...100)), demand: 5, windowStart: 0, windowEnd: 5_000, serviceTime: 10)
            }
        let matrix = TravelMatrix(size: nodes.count) { a, b in
            Int(((nodes[a].x - nodes[b].x) * (nodes[a].x - nodes[b].x) + (nodes[a].y - nodes[b].y) * (nodes[a].y - nodes[b].y)).squareRoot())
        }
        let problem = try RoutingProblem(
            nodes: nodes, matrices: [matrix], vehicles: Array(repeating: RoutingVehicle(capacity: 30, shiftStart: 0, shiftEnd: 10_000), count: 15))
        let solution = HybridGeneticSearch.solve(problem, options: Self.budget)
        #expect(solution.isFeasible && solution.unserved.isEmpty)
        #expect(FeasibilityChecker.check(problem, routes: solution.routes).isFeasible)
        #expect(solution.routes.allSatisfy { $0.count <= 6 })
    }

    @Test func invalidWindowsAreRejected() {
        let nodes = [RoutingNode(windowStart: 0, windowEnd: 100), RoutingNode(windowStart: 50, windowEnd: 40)]
        #expect(throws: RoutingProblemError.invalid("nodes[1].windowEnd", "40 is before the window's start 50")) {
            try RoutingProblem(
                nodes: nodes, matrices: [TravelMatrix(size: 2) { _, _ in 1 }], vehicles: [RoutingVehicle(capacity: 1, shiftStart: 0, shiftEnd: 9)])
        }
        let ok = [RoutingNode(windowStart: 0, windowEnd: 100), RoutingNode(windowStart: 0, windowEnd: 40)]
        #expect(throws: RoutingProblemError.self) {
            try RoutingProblem(
                nodes: ok, matrices: [TravelMatrix(size: 2) { _, _ in 1 }], vehicles: [RoutingVehicle(capacity: 1, shiftStart: 9, shiftEnd: 0)])
        }
    }
}
