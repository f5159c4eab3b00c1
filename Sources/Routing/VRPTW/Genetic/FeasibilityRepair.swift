/// Turns the best infeasible solution into a feasible plan with some clients left out, for when
/// the search never found a feasible one (a week with more visits than hours).
///
/// The service must get the best plan it can plus the list of what did not fit, never an
/// impossible plan: so from each violating route the client whose removal cuts the violation most
/// is taken off until the route is feasible, and then every removed or unserved client is put back
/// wherever it still fits feasibly, cheapest first. The same last step runs on the best feasible
/// plan, in case a short search left out a visit that fits somewhere as it is.
enum FeasibilityRepair {
    static func repair(_ solution: Individual?, search: LocalSearch, tables t: ProblemTables) -> Individual {
        var routes = solution?.routes ?? Array(repeating: [], count: t.vehicleCount)
        var removed: [Int32] = (solution?.unrouted(t) ?? Array(t.depotCount..<t.nodeCount)).map { Int32($0) }
        for v in routes.indices {
            while violation(routes[v], v, t) > 0 {
                var bestIndex = 0
                var bestViolation = Int.max
                for k in routes[v].indices {
                    var shorter = routes[v]
                    shorter.remove(at: k)
                    let left = violation(shorter, v, t)
                    if left < bestViolation {
                        bestViolation = left
                        bestIndex = k
                    }
                }
                removed.append(routes[v].remove(at: bestIndex))
            }
        }
        for client in removed {
            var best: (cost: Int, vehicle: Int, position: Int)?
            for v in routes.indices where t.isAllowed(Int(client), on: v) {
                let base = measure(routes[v], v, t).travel
                for p in 0...routes[v].count {
                    var longer = routes[v]
                    longer.insert(client, at: p)
                    let m = measure(longer, v, t)
                    if m.warp == 0 && m.excess == 0 && (best == nil || m.travel - base < best!.cost) { best = (m.travel - base, v, p) }
                }
            }
            if let best { routes[best.vehicle].insert(client, at: best.position) }
        }
        return Individual(routes: routes, tables: t)
    }

    /// Time warp plus excess load of one route.
    static func violation(_ route: [Int32], _ v: Int, _ t: ProblemTables) -> Int {
        let m = measure(route, v, t)
        return m.warp + m.excess
    }

    static func measure(_ route: [Int32], _ v: Int, _ t: ProblemTables) -> (travel: Int, warp: Int, excess: Int) {
        guard !route.isEmpty else { return (0, 0, 0) }
        let offset = t.matrixOffset[v]
        var segment = t.startSegment[v]
        var previous = t.startDepot[v]
        var travel = 0
        var load = 0
        for c in route {
            let node = Int(c)
            let d = t.time(offset, previous, node)
            segment = segment.then(t.nodeSegment[node], travel: d)
            travel += d
            load += t.demand[node]
            previous = node
        }
        let d = t.time(offset, previous, t.endDepot[v])
        segment = segment.then(t.endSegment[v], travel: d)
        return (travel + d, segment.timeWarp, max(0, load - t.capacity[v]))
    }
}
