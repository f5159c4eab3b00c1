/// The granular neighbourhood: for each client, the `count` clients it is most worth moving next
/// to (Toth and Vigo's granular search, as used by HGS).
///
/// Closeness is travel time plus penalties for the waiting and the time warp that visiting one
/// right after the other would force (PyVRP's weights: 0.2 per unit of waiting, 1 per unit of
/// warp), taken in the better direction. Two clients whose windows make them incompatible are then
/// far apart even when they are next door, so the search does not waste moves on them.
enum Neighbourhood {
    static func build(_ t: ProblemTables, count: Int, waitWeight: Double = 0.2, warpWeight: Double = 1) -> [[Int32]] {
        let clients = Array(t.depotCount..<t.nodeCount)
        var result = [[Int32]](repeating: [], count: t.nodeCount)
        guard clients.count > 1 else { return result }
        func proximity(_ i: Int, _ j: Int) -> Double {
            let d = t.time(0, i, j)
            let a = t.nodeSegment[i]
            let b = t.nodeSegment[j]
            let wait = max(b.early - d - a.duration - a.late, 0)
            let warp = max(a.early + a.duration + d - b.late, 0)
            return Double(d) + waitWeight * Double(wait) + warpWeight * Double(warp)
        }
        for i in clients {
            var scored: [(Double, Int)] = []
            scored.reserveCapacity(clients.count - 1)
            for j in clients where j != i {
                // Clients that share no vehicle can never be neighbours on a route.
                if t.hasEligibility && !(0..<t.vehicleCount).contains(where: { t.isAllowed(i, on: $0) && t.isAllowed(j, on: $0) }) { continue }
                scored.append((min(proximity(i, j), proximity(j, i)), j))
            }
            scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            result[i] = scored.prefix(count).map { Int32($0.1) }
        }
        return result
    }
}
