/// The local search loop: first improvement over the granular neighbourhood until no move helps.
///
/// As in HGS, a pair (U, V) is tried again only when one of their routes changed since U was last
/// tested, which makes the later passes cheap.
extension LocalSearch {
    /// Improves the loaded solution in place with the given penalty weights; `everything` tests
    /// settled routes too (after a change of penalties).
    func run(penalty: PenaltyWeights, everything: Bool = false) {
        weights[0] = penalty.load
        weights[1] = penalty.timeWarp
        rng.shuffle(&clientOrder)
        shuffleNeighbours()
        for u in clientOrder where routeOf[u] < 0 { insert(u, everywhere: true) }
        for node in 0..<t.nodeCount { lastTested[node] = everything ? -2 : 0 }
        var improved = true
        while improved {
            improved = false
            for u in clientOrder {
                if routeOf[u] < 0 {
                    if insert(u, everywhere: false) { improved = true }
                    continue
                }
                if !t.required[u] && removeIfCheaper(u) {
                    improved = true
                    continue
                }
                let testedBefore = lastTested[u]
                lastTested[u] = counter.pointee
                for k in 0..<neighbourCount {
                    let v = Int(neighbours[u * neighbourCount + k])
                    if v < 0 { break }
                    let s = routeOf[v]
                    if s < 0 { continue }
                    let r = routeOf[u]
                    if lastModified[r] <= testedBefore && lastModified[s] <= testedBefore { continue }
                    if nodeMoves(u, v) {
                        improved = true
                        if routeOf[u] < 0 { break }
                    }
                }
                if routeOf[u] >= 0 && lastModified[routeOf[u]] > testedBefore && emptyRouteMoves(u) { improved = true }
            }
        }
    }

    /// The moves between client `u` and its neighbour `v`; true when one was applied.
    @inline(__always) private func nodeMoves(_ u: Int, _ v: Int) -> Bool {
        let r = routeOf[u]
        let i = position[u]
        let s = routeOf[v]
        let j = position[v]
        if exchange(r, i, 1, s, j, 0) { return true }
        if exchange(r, i, 1, s, j - 1, 0) { return true }
        if exchange(r, i, 2, s, j, 0) { return true }
        if exchange(r, i, 3, s, j, 0) { return true }
        if exchange(r, i, 1, s, j, 1) { return true }
        if exchange(r, i, 2, s, j, 1) { return true }
        if exchange(r, i, 2, s, j, 2) { return true }
        if r != s {
            if swapTails(r, i, s, j) { return true }
            if swapTails(r, i, s, j - 1) { return true }
        }
        return false
    }

    /// Moving `u` to an empty vehicle: the only way to open a route.
    private func emptyRouteMoves(_ u: Int) -> Bool {
        let r = routeOf[u]
        guard length[r] > 1 || t.vehicleCount > 1 else { return false }
        for e in firstEmptyRoutes() where e != r {
            if exchange(r, position[u], 1, e, 0, 0) { return true }
        }
        return false
    }

    /// A new random order of each node's neighbours per run, so that ties between equally good
    /// moves are broken differently from one run to the next, as in HGS.
    private func shuffleNeighbours() {
        guard neighbourCount > 1 else { return }
        for node in 0..<t.nodeCount {
            let row = neighbours + node * neighbourCount
            var count = 0
            while count < neighbourCount && row[count] >= 0 { count += 1 }
            var k = count - 1
            while k > 0 {
                let other = rng.below(k + 1)
                let keep = row[k]
                row[k] = row[other]
                row[other] = keep
                k -= 1
            }
        }
    }
}
