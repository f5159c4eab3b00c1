/// The DIMACS/CVRPLIB convention for Solomon instances: Euclidean distances truncated to one
/// decimal, travel time equal to distance, total distance as the objective, at most the given
/// number of vehicles. Everything is kept in tenths as integers, so truncation is exact and no
/// rounding error can make a tight window look open.
extension SolomonInstance {
    /// A distance in tenths, truncated: `⌊10·√(dx² + dy²)⌋`, exactly, with an integer square
    /// root when the coordinates are whole numbers.
    public static func tenths(_ a: Customer, _ b: Customer) -> Int {
        let dx = a.x - b.x
        let dy = a.y - b.y
        if dx == dx.rounded(), dy == dy.rounded(), abs(dx) < 1e6, abs(dy) < 1e6 {
            return integerSquareRoot(100 * (Int(dx) * Int(dx) + Int(dy) * Int(dy)))
        }
        return Int((10 * (dx * dx + dy * dy).squareRoot()).rounded(.down))
    }

    /// Times given in the file, in tenths.
    static func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }

    static func integerSquareRoot(_ n: Int) -> Int {
        var r = Int(Double(n).squareRoot())
        while r * r > n { r -= 1 }
        while (r + 1) * (r + 1) <= n { r += 1 }
        return r
    }

    /// The routing problem in tenths: one depot, one matrix, `vehicleCount` identical vehicles
    /// whose shift is the depot's window, so that every route is back by the depot's due date.
    public func routingProblem() throws(RoutingProblemError) -> RoutingProblem {
        let nodes = customers.map {
            RoutingNode(
                x: $0.x, y: $0.y, demand: $0.demand, windowStart: Self.tenths($0.readyTime), windowEnd: Self.tenths($0.dueDate),
                serviceTime: Self.tenths($0.serviceTime))
        }
        let matrix = TravelMatrix(size: customers.count) { Self.tenths(customers[$0], customers[$1]) }
        let vehicle = RoutingVehicle(capacity: capacity, shiftStart: nodes[0].windowStart, shiftEnd: nodes[0].windowEnd)
        return try RoutingProblem(nodes: nodes, matrices: [matrix], vehicles: Array(repeating: vehicle, count: vehicleCount))
    }
}
