/// Plans a branch's week: which carrier serves each visit, on which allowed day, in what order.
///
/// The solver core does the work (see `WeekProblemBuilder` for how the week becomes vehicles);
/// this turns its answer back into carriers, days, times and the list of visits that could not be
/// placed, each with its reason. Nothing is dropped silently: every visit is either on a route or
/// in `unplaced`.
public enum WeekPlanner {
    public static func plan(
        carriers: [WeekCarrier], visits: [WeekVisit], settings: WeekSettings = WeekSettings(), options: SolverOptions = .week()
    ) throws(WeekPlanError) -> WeekPlan {
        let clock = ContinuousClock()
        let started = clock.now
        let builder = try WeekProblemBuilder(carriers: carriers, visits: visits, settings: settings)
        guard !builder.vehicles.isEmpty, !visits.isEmpty else {
            let unplaced = visits.map { WeekPlan.Unplaced(visitID: $0.id, reason: .noCarrierOnAllowedDays) }
            return WeekPlan(
                routes: [], unplaced: unplaced, travelSeconds: 0, continuityBreaks: 0, doorMinutes: [:], objective: 0, iterations: 0, seconds: 0)
        }
        let problem = try builder.build()
        // The budget covers the whole call: building the matrices and turning the answer back
        // into routes come out of it (the last iteration may overrun by a few milliseconds).
        var budget = options
        if let limit = options.timeLimit {
            let spent = clock.now - started
            let seconds = Double(spent.components.seconds) + Double(spent.components.attoseconds) / 1e18
            budget.timeLimit = max(0.001, limit - seconds - 0.02)
        }
        let solution = HybridGeneticSearch.solve(problem, options: budget)
        return assemble(solution, problem, builder)
    }

    static func assemble(_ solution: RoutingSolution, _ problem: RoutingProblem, _ builder: WeekProblemBuilder) -> WeekPlan {
        let carriers = builder.carriers
        let visits = builder.visits
        var routes: [WeekPlan.Route] = []
        var breaks = 0
        var door = Dictionary(uniqueKeysWithValues: carriers.map { ($0.id, 0) })
        for (k, route) in solution.routes.enumerated() where !route.isEmpty {
            let (c, d) = builder.vehicles[k]
            let carrier = carriers[c]
            let vehicle = problem.vehicles[k]
            let matrix = problem.matrices[vehicle.profile]
            // Leave just in time for the first window: waiting at home beats waiting on a doorstep,
            // and no later service time changes.
            let first = route[0]
            var clock = max(vehicle.shiftStart, problem.nodes[first].windowStart - matrix[vehicle.startDepot, first])
            let departure = clock
            var here = vehicle.startDepot
            var stops: [WeekPlan.Stop] = []
            var travel = 0
            for node in route {
                let visit = visits[node - problem.depotCount]
                travel += matrix[here, node]
                clock += matrix[here, node]
                let start = max(clock, problem.nodes[node].windowStart)
                stops.append(WeekPlan.Stop(visitID: visit.id, arrival: clock, serviceStart: start))
                clock = start + problem.nodes[node].serviceTime
                here = node
                door[carrier.id, default: 0] += visit.serviceMinutes
                if let preferred = visit.preferredCarrier, preferred != carrier.id { breaks += 1 }
            }
            travel += matrix[here, vehicle.endDepot]
            clock += matrix[here, vehicle.endDepot]
            routes.append(WeekPlan.Route(carrierID: carrier.id, day: d, stops: stops, departure: departure, returnTime: clock, travelSeconds: travel))
        }
        let unplaced = solution.unserved.sorted().map { node in
            WeekPlan.Unplaced(visitID: visits[node - problem.depotCount].id, reason: reason(node, problem))
        }
        return WeekPlan(
            routes: routes, unplaced: unplaced, travelSeconds: solution.travel, continuityBreaks: breaks, doorMinutes: door,
            objective: solution.objective - Double(WeekProblemBuilder.dropPrize * unplaced.count), iterations: solution.iterations,
            seconds: solution.seconds)
    }

    /// Why client `node` is on no route, from the narrowest cause to the widest.
    static func reason(_ node: Int, _ problem: RoutingProblem) -> UnplacedReason {
        let allowed = problem.allowedVehicles?[node - problem.depotCount] ?? Array(problem.vehicles.indices)
        if allowed.isEmpty { return .noCarrierOnAllowedDays }
        let big = allowed.filter { problem.vehicles[$0].capacity >= problem.nodes[node].demand }
        if big.isEmpty { return .moreItemsThanAnyBag }
        let reachable = big.contains { k in
            let vehicle = problem.vehicles[k]
            let matrix = problem.matrices[vehicle.profile]
            let arrival = vehicle.shiftStart + matrix[vehicle.startDepot, node]
            let back = max(arrival, problem.nodes[node].windowStart) + problem.nodes[node].serviceTime + matrix[node, vehicle.endDepot]
            return arrival <= problem.nodes[node].windowEnd && back <= vehicle.shiftEnd
        }
        return reachable ? .noTimeLeft : .windowOutsideCarrierHours
    }
}
