/// Checks a solution against a problem without any of the solver's code: it walks every route
/// from its depot, leaving as early as the shift allows (waiting is free, so no later departure
/// can be feasible when this one is not), and recomputes arrival times, windows, load, the return
/// by the end of the shift, eligibility and the travel total from the problem's own fields.
///
/// The tests run it on every result, so a bug in the solver's O(1) bookkeeping cannot hide.
public enum FeasibilityChecker {
    public struct Report: Sendable, Equatable {
        /// One line per broken rule; empty when the solution is feasible.
        public var violations: [String]
        public var travel: Int

        public var isFeasible: Bool { violations.isEmpty }
    }

    /// `routes[v]` are vehicle `v`'s client nodes in order; `unserved` are the clients on no route.
    public static func check(_ problem: RoutingProblem, routes: [[Int]], unserved: [Int] = []) -> Report {
        var violations: [String] = []
        var travel = 0
        var seen = [Int](repeating: 0, count: problem.nodes.count)
        if routes.count > problem.vehicles.count { violations.append("\(routes.count) routes for \(problem.vehicles.count) vehicles") }
        for (v, route) in routes.enumerated() where v < problem.vehicles.count && !route.isEmpty {
            let vehicle = problem.vehicles[v]
            let matrix = problem.matrices[vehicle.profile]
            var here = vehicle.startDepot
            var clock = max(vehicle.shiftStart, problem.nodes[here].windowStart)
            var load = 0
            for node in route {
                guard problem.clients.contains(node) else {
                    violations.append("vehicle \(v): node \(node) is not a client")
                    continue
                }
                seen[node] += 1
                if let allowed = problem.allowedVehicles?[node - problem.depotCount], !allowed.contains(v) {
                    violations.append("vehicle \(v): client \(node) is not allowed on it")
                }
                let leg = matrix[here, node]
                travel += leg
                clock += leg
                let window = problem.nodes[node]
                if clock > window.windowEnd { violations.append("vehicle \(v): client \(node) reached at \(clock), after \(window.windowEnd)") }
                clock = max(clock, window.windowStart) + window.serviceTime
                load += window.demand
                here = node
            }
            let back = matrix[here, vehicle.endDepot]
            travel += back
            clock += back
            let due = min(vehicle.shiftEnd, problem.nodes[vehicle.endDepot].windowEnd)
            if clock > due { violations.append("vehicle \(v): back at \(clock), after \(due)") }
            if load > vehicle.capacity { violations.append("vehicle \(v): load \(load) over capacity \(vehicle.capacity)") }
        }
        for node in unserved where problem.clients.contains(node) { seen[node] += 1 }
        for node in problem.clients where seen[node] != 1 {
            violations.append(seen[node] == 0 ? "client \(node) is missing" : "client \(node) appears \(seen[node]) times")
        }
        if problem.dropPenalty == nil && !unserved.isEmpty { violations.append("clients left unserved: \(unserved)") }
        return Report(violations: violations, travel: travel)
    }
}
