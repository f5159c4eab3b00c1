/// One complete solution in the population: a route per vehicle and the measures the genetic
/// search ranks it by.
///
/// The cost parts are kept apart (travel, excess load, time warp, the rest) because the penalty
/// weights change during the search and the penalised cost must be recomputed with the new ones.
struct Individual {
    /// Client nodes in visiting order, one array per vehicle (empty when the vehicle stays home).
    var routes: [[Int32]]
    var travel = 0
    var loadExcess = 0
    var timeWarp = 0
    /// Assignment prices, the balance penalty and the prizes of clients left out.
    var extra = 0.0
    /// Per node, the next and previous node on its route, with every depot as -1 and -2 for "not
    /// served": what the broken-pairs distance compares.
    var successor: [Int32] = []
    var predecessor: [Int32] = []
    var routeCount = 0

    var isFeasible: Bool { loadExcess == 0 && timeWarp == 0 }
    var objective: Double { Double(travel) + extra }

    func penalisedCost(_ penalty: PenaltyWeights) -> Double {
        objective + penalty.load * Double(loadExcess) + penalty.timeWarp * Double(timeWarp)
    }

    init(routes: [[Int32]], tables t: ProblemTables) {
        self.routes = routes
        successor = Array(repeating: -2, count: t.nodeCount)
        predecessor = Array(repeating: -2, count: t.nodeCount)
        var groupLoad = [Int](repeating: 0, count: t.groupCount)
        for (v, route) in routes.enumerated() where !route.isEmpty {
            routeCount += 1
            let offset = t.matrixOffset[v]
            var segment = t.startSegment[v]
            var previous = t.startDepot[v]
            var load = 0
            for (k, node32) in route.enumerated() {
                let node = Int(node32)
                travel += t.time(offset, previous, node)
                segment = segment.then(t.nodeSegment[node], travel: t.time(offset, previous, node))
                load += t.demand[node]
                extra += Double(t.assignmentCost(node, v))
                if t.group[v] >= 0 { groupLoad[t.group[v]] += t.balanceLoad[node] }
                predecessor[node] = k == 0 ? -1 : route[k - 1]
                successor[node] = k == route.count - 1 ? -1 : route[k + 1]
                previous = node
            }
            travel += t.time(offset, previous, t.endDepot[v])
            segment = segment.then(t.endSegment[v], travel: t.time(offset, previous, t.endDepot[v]))
            timeWarp += segment.timeWarp
            loadExcess += max(0, load - t.capacity[v])
        }
        if t.hasBalance {
            for g in 0..<t.groupCount {
                let d = Double(groupLoad[g]) - t.balanceTarget[g]
                extra += t.balanceWeight * d * d
            }
        }
        for node in t.depotCount..<t.nodeCount where predecessor[node] == -2 { extra += Double(t.prize[node]) }
    }

    /// Clients on no route.
    func unrouted(_ t: ProblemTables) -> [Int] { (t.depotCount..<t.nodeCount).filter { predecessor[$0] == -2 } }

    /// The share of clients whose neighbours differ between two solutions (Prins' broken pairs):
    /// 0 for the same routes, 1 for nothing in common. It keeps the population diverse.
    func brokenPairs(_ other: Individual, _ t: ProblemTables) -> Double {
        var differences = 0
        for node in t.depotCount..<t.nodeCount {
            let s = successor[node]
            let p = predecessor[node]
            if s != other.successor[node] && s != other.predecessor[node] { differences += 1 }
            if p == -1 && other.predecessor[node] != -1 && other.successor[node] != -1 { differences += 1 }
        }
        return Double(differences) / Double(max(1, t.nodeCount - t.depotCount))
    }
}

/// The prices per unit of excess load and of time warp. They change as the search goes so that
/// about a fifth of new solutions are feasible (see `PenaltyManager`).
struct PenaltyWeights {
    var load: Double
    var timeWarp: Double

    func boosted(_ factor: Double) -> PenaltyWeights { PenaltyWeights(load: load * factor, timeWarp: timeWarp * factor) }
}
