/// Selective route exchange (SREX, Nagata and Kobayashi 2010), the crossover PyVRP uses: a run of
/// routes of parent A, taken in polar order, is replaced by the run of parent B's routes that
/// overlaps it most.
///
/// It works on routes rather than a giant tour, so it needs no split procedure and keeps each
/// route on its own vehicle, which is what a fleet of different carriers and days needs. Clients
/// left out by the exchange (or put on a vehicle not allowed for them) are reinserted by the
/// local search.
enum SelectiveRouteExchange {
    /// Two children: one takes B's routes whole and removes their clients elsewhere, the other keeps
    /// A's remaining routes whole and keeps only the clients of B's routes that A's run also had.
    static func children(_ a: Individual, _ b: Individual, _ t: ProblemTables, _ rng: inout SplitMix) -> [[[Int32]]] {
        if t.typeCount > 1 { return vehicleChildren(a, b, t, &rng) }
        let routesA = polarOrder(a, t)
        let routesB = polarOrder(b, t)
        let nA = routesA.count
        let nB = routesB.count
        guard nA > 0, nB > 0 else { return [a.routes] }
        var startA = rng.below(nA)
        var startB = rng.below(nB)
        let moved = 1 + rng.below(min(nA, nB))
        var inA = [Bool](repeating: false, count: t.nodeCount)
        var inB = [Bool](repeating: false, count: t.nodeCount)
        func mark(_ marks: inout [Bool], _ route: [Int32], _ value: Bool) { for c in route { marks[Int(c)] = value } }
        for k in 0..<moved {
            mark(&inA, a.routes[routesA[(startA + k) % nA]], true)
            mark(&inB, b.routes[routesB[(startB + k) % nB]], true)
        }
        func count(_ route: [Int32], _ test: (Int) -> Bool) -> Int { route.reduce(0) { $0 + (test(Int($1)) ? 1 : 0) } }
        // Slide either run by one route while that shrinks the clients of A's run missing from B's.
        while true {
            let ra = { (k: Int) in a.routes[routesA[((k % nA) + nA) % nA]] }
            let rb = { (k: Int) in b.routes[routesB[((k % nB) + nB) % nB]] }
            let aLeft = count(ra(startA - 1)) { !inB[$0] } - count(ra(startA + moved - 1)) { !inB[$0] }
            let aRight = count(ra(startA + moved)) { !inB[$0] } - count(ra(startA)) { !inB[$0] }
            let bLeft = count(rb(startB - 1 + moved)) { inA[$0] } - count(rb(startB - 1)) { inA[$0] }
            let bRight = count(rb(startB)) { inA[$0] } - count(rb(startB + moved)) { inA[$0] }
            let best = min(aLeft, aRight, bLeft, bRight)
            if best >= 0 { break }
            if best == aLeft {
                mark(&inA, ra(startA + moved - 1), false)
                startA = (startA - 1 + nA) % nA
                mark(&inA, ra(startA), true)
            } else if best == aRight {
                mark(&inA, ra(startA), false)
                startA = (startA + 1) % nA
                mark(&inA, ra(startA + moved - 1), true)
            } else if best == bLeft {
                mark(&inB, rb(startB + moved - 1), false)
                startB = (startB - 1 + nB) % nB
                mark(&inB, rb(startB), true)
            } else {
                mark(&inB, rb(startB), false)
                startB = (startB + 1) % nB
                mark(&inB, rb(startB + moved - 1), true)
            }
        }
        var first = a.routes
        var second = a.routes
        for k in 0..<moved {
            let vehicle = routesA[(startA + k) % nA]
            let incoming = b.routes[routesB[(startB + k) % nB]]
            first[vehicle] = incoming
            second[vehicle] = incoming.filter { !inB[Int($0)] || inA[Int($0)] }
        }
        for k in moved..<nA {
            let vehicle = routesA[(startA + k) % nA]
            first[vehicle] = a.routes[vehicle].filter { !(inB[Int($0)] && !inA[Int($0)]) }
        }
        if t.hasEligibility {
            for v in first.indices {
                first[v].removeAll { !t.isAllowed(Int($0), on: v) }
                second[v].removeAll { !t.isAllowed(Int($0), on: v) }
            }
        }
        return [first, second]
    }

    /// SREX for a fleet whose vehicles differ (a carrier on a given day): B's routes come on the
    /// same vehicles they had in B, since on another vehicle most of their clients would not be
    /// allowed. The vehicles exchanged are a run of A's routes in polar order, as above.
    static func vehicleChildren(_ a: Individual, _ b: Individual, _ t: ProblemTables, _ rng: inout SplitMix) -> [[[Int32]]] {
        let order = polarOrder(a, t)
        guard !order.isEmpty else { return [b.routes] }
        let start = rng.below(order.count)
        let moved = 1 + rng.below(max(1, order.count / 2))
        var chosen = [Bool](repeating: false, count: t.vehicleCount)
        for k in 0..<moved { chosen[order[(start + k) % order.count]] = true }
        // Also B's non-empty routes on vehicles A leaves empty in that sector would be lost; the
        // run is over A's routes, so an empty vehicle of A is never chosen, which is fine.
        var inA = [Bool](repeating: false, count: t.nodeCount)
        var inB = [Bool](repeating: false, count: t.nodeCount)
        for v in 0..<t.vehicleCount where chosen[v] {
            for c in a.routes[v] { inA[Int(c)] = true }
            for c in b.routes[v] { inB[Int(c)] = true }
        }
        var first = a.routes
        var second = a.routes
        for v in 0..<t.vehicleCount {
            if chosen[v] {
                first[v] = b.routes[v]
                second[v] = b.routes[v].filter { inA[Int($0)] }
            } else {
                first[v] = a.routes[v].filter { !(inB[Int($0)] && !inA[Int($0)]) }
            }
        }
        return [first, second]
    }

    /// The vehicles with a route, ordered by the polar angle of the route's centroid around the
    /// centre of all clients (a pseudo-angle, monotone in the true one and cheaper).
    static func polarOrder(_ s: Individual, _ t: ProblemTables) -> [Int] {
        var keyed: [(Double, Int)] = []
        for (v, route) in s.routes.enumerated() where !route.isEmpty {
            var cx = 0.0
            var cy = 0.0
            for c in route {
                cx += t.x[Int(c)]
                cy += t.y[Int(c)]
            }
            let dx = cx / Double(route.count) - t.centreX
            let dy = cy / Double(route.count) - t.centreY
            let scale = abs(dx) + abs(dy)
            let angle = scale == 0 ? 0 : (dy >= 0 ? 1 - dx / scale : -(1 - dx / scale))
            keyed.append((angle, v))
        }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return keyed.map(\.1)
    }
}
