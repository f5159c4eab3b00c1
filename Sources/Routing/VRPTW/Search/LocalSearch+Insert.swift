/// Putting clients on routes and taking optional ones off.
///
/// The crossover leaves some clients out and the week may have visits that fit nowhere; these
/// moves bring them back at the cheapest place, and drop an optional client only when serving it
/// costs more than its prize.
extension LocalSearch {
    /// The change in penalised cost of inserting `u` after position `j` of route `s`, or nil when
    /// `u` may not ride vehicle `s`.
    @inline(__always) func insertionDelta(_ u: Int, _ s: Int, _ j: Int) -> Double? {
        guard t.isAllowed(u, on: s) else { return nil }
        let off = t.matrixOffset[s]
        var x = prefix(s, through: j)
        append(&x, u, off)
        let new = close(x, route: s, from: j + 1, off)
        var delta = routeCost(travel: new.travel, load: routeLoad[s] + t.demand[u], warp: new.warp, vehicle: s) - currentCost(s)
        if t.hasAssignment { delta += Double(t.assignmentCost(u, s)) }
        if t.hasBalance { delta += balanceDelta(-1, t.group[s], t.balanceLoad[u]) }
        return delta
    }

    /// Inserts an unrouted client at the cheapest place found: every position of every route when
    /// `everywhere`, else next to its granular neighbours and in empty routes. An optional client
    /// goes in only when that costs less than its prize. Returns true when inserted.
    @discardableResult func insert(_ u: Int, everywhere: Bool) -> Bool {
        var best = Double.infinity
        var bestRoute = -1
        var bestPosition = 0
        func consider(_ s: Int, _ j: Int) {
            if let d = insertionDelta(u, s, j), d < best {
                best = d
                bestRoute = s
                bestPosition = j
            }
        }
        if everywhere {
            for s in 0..<t.vehicleCount {
                for j in 0...length[s] { consider(s, j) }
            }
        } else {
            for k in 0..<neighbourCount {
                let v = Int(neighbours[u * neighbourCount + k])
                if v < 0 { break }
                let s = routeOf[v]
                if s < 0 { continue }
                consider(s, position[v])
                consider(s, position[v] - 1)
            }
            for s in firstEmptyRoutes() { consider(s, 0) }
        }
        guard bestRoute >= 0, t.required[u] || best - Double(t.prize[u]) < -1e-5 else { return false }
        var route = clients(of: bestRoute)
        route.insert(Int32(u), at: bestPosition)
        touched()
        setRoute(bestRoute, route)
        return true
    }

    /// Takes optional client `u` off its route when its prize is less than what serving it costs.
    func removeIfCheaper(_ u: Int) -> Bool {
        let r = routeOf[u]
        let i = position[u]
        let off = t.matrixOffset[r]
        let new = close(prefix(r, through: i - 1), route: r, from: i + 1, off)
        var delta = routeCost(travel: new.travel, load: routeLoad[r] - t.demand[u], warp: new.warp, vehicle: r) - currentCost(r)
        if t.hasAssignment { delta -= Double(t.assignmentCost(u, r)) }
        if t.hasBalance { delta += balanceDelta(t.group[r], -1, t.balanceLoad[u]) }
        guard delta + Double(t.prize[u]) < -1e-5 else { return false }
        var route = clients(of: r)
        route.remove(at: i - 1)
        touched()
        setRoute(r, route)
        return true
    }

    /// The first empty route of each vehicle type: empty vehicles of one type are interchangeable,
    /// so trying one of them is enough.
    func firstEmptyRoutes() -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for r in 0..<t.vehicleCount where length[r] == 0 && seen.insert(t.vehicleType[r]).inserted { result.append(r) }
        return result
    }
}
