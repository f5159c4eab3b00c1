/// Checks a CVRPLIB solution of a Solomon instance under the DIMACS convention straight from the
/// instance's numbers (its own distance code, not the solver's matrix): each customer once, at
/// most the given number of routes, capacity, service starting by each due date, every route back
/// at the depot by its due date. Returns the violations and the recomputed cost in tenths.
public enum SolomonChecker {
    public static func check(_ instance: SolomonInstance, _ solution: CVRPLIBSolution) -> (violations: [String], costTenths: Int) {
        var violations: [String] = []
        let customers = instance.customers
        func distance(_ a: Int, _ b: Int) -> Int {
            let dx = customers[a].x - customers[b].x
            let dy = customers[a].y - customers[b].y
            var d = Int((100 * (dx * dx + dy * dy)).squareRoot())
            // Correct the floating-point square root to the exact floor for whole coordinates.
            let square = 100 * (dx * dx + dy * dy)
            while Double(d * d) > square { d -= 1 }
            while Double((d + 1) * (d + 1)) <= square { d += 1 }
            return d
        }
        func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }
        var seen = Set<Int>()
        var cost = 0
        if solution.routes.count > instance.vehicleCount {
            violations.append("\(solution.routes.count) routes, only \(instance.vehicleCount) vehicles")
        }
        for (k, route) in solution.routes.enumerated() {
            var here = 0
            var clock = tenths(customers[0].readyTime)
            var load = 0
            for c in route {
                guard c > 0, c < customers.count else {
                    violations.append("route \(k + 1): no customer \(c)")
                    continue
                }
                if !seen.insert(c).inserted { violations.append("customer \(c) visited twice") }
                cost += distance(here, c)
                clock += distance(here, c)
                if clock > tenths(customers[c].dueDate) {
                    violations.append("route \(k + 1): customer \(c) reached at \(clock) tenths, due \(customers[c].dueDate)")
                }
                clock = max(clock, tenths(customers[c].readyTime)) + tenths(customers[c].serviceTime)
                load += customers[c].demand
                here = c
            }
            cost += distance(here, 0)
            clock += distance(here, 0)
            if clock > tenths(customers[0].dueDate) { violations.append("route \(k + 1): back at the depot at \(clock) tenths") }
            if load > instance.capacity { violations.append("route \(k + 1): load \(load) over \(instance.capacity)") }
        }
        for c in 1..<customers.count where !seen.contains(c) { violations.append("customer \(c) not visited") }
        return (violations, cost)
    }
}
