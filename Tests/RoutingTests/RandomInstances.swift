import Routing

/// A seeded generator of small random routing problems for the property tests: one or two
/// depots, vehicles with their own shifts, capacities and travel modes, windows from wide to
/// tight, and sometimes optional clients and eligibility lists.
struct InstanceRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) < p * 10_000 }
}

enum RandomInstances {
    /// A problem with `clients` clients; `general` adds a second depot, a second travel matrix,
    /// optional clients, eligibility, assignment prices and a balance penalty.
    static func make(seed: UInt64, clients: Int, general: Bool) throws -> RoutingProblem {
        var rng = InstanceRandom(state: seed)
        let depots = general ? 2 : 1
        let horizon = 1000
        var nodes: [RoutingNode] = []
        for _ in 0..<depots {
            nodes.append(RoutingNode(x: Double(rng.int(40...60)), y: Double(rng.int(40...60)), windowStart: 0, windowEnd: horizon))
        }
        for _ in 0..<clients {
            let x = Double(rng.int(0...100))
            let y = Double(rng.int(0...100))
            let start = rng.int(0...800)
            let width = rng.chance(0.3) ? horizon : rng.int(30...200)
            nodes.append(
                RoutingNode(
                    x: x, y: y, demand: rng.int(1...20), windowStart: rng.chance(0.3) ? 0 : start, windowEnd: min(horizon, start + width),
                    serviceTime: rng.int(0...20)))
        }
        func euclid(_ a: Int, _ b: Int) -> Int {
            let dx = nodes[a].x - nodes[b].x
            let dy = nodes[a].y - nodes[b].y
            return Int((dx * dx + dy * dy).squareRoot())
        }
        var matrices = [TravelMatrix(size: nodes.count, time: euclid)]
        if general { matrices.append(TravelMatrix(size: nodes.count) { euclid($0, $1) * 2 }) }
        let vehicleCount = general ? rng.int(3...6) : rng.int(2...5)
        let vehicles = (0..<vehicleCount).map { k in
            RoutingVehicle(
                startDepot: k % depots, endDepot: (k + 1) % depots, capacity: rng.int(60...150), shiftStart: rng.chance(0.5) ? 0 : rng.int(0...200),
                shiftEnd: horizon - (rng.chance(0.5) ? 0 : rng.int(0...200)), profile: general ? k % 2 : 0, group: general ? k % 2 : -1)
        }
        guard general else { return try RoutingProblem(nodes: nodes, matrices: matrices, vehicles: vehicles) }
        let allowed: [[Int]] = (0..<clients).map { _ in
            rng.chance(0.5) ? Array(0..<vehicleCount) : (0..<vehicleCount).filter { _ in rng.chance(0.6) }
        }
        let prices = (0..<(clients * vehicleCount)).map { _ in rng.chance(0.3) ? rng.int(0...50) : 0 }
        return try RoutingProblem(
            depotCount: depots, nodes: nodes, matrices: matrices, vehicles: vehicles, dropPenalty: (0..<clients).map { _ in rng.int(100...5000) },
            allowedVehicles: allowed, assignmentCost: prices,
            balance: LoadBalance(load: (0..<clients).map { _ in rng.int(1...5) }, target: [20, 20], weight: 0.5))
    }
}
