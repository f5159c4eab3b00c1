/// 2-opt* (SwapTails): route `r` keeps positions `1...i` and takes the clients of `s` after `j`,
/// and `s` keeps `1...j` and takes those of `r` after `i`. It untangles two crossing routes, the
/// move that relocations alone cannot make.
extension LocalSearch {
    func swapTails(_ r: Int, _ i: Int, _ s: Int, _ j: Int) -> Bool {
        let lr = length[r]
        let ls = length[s]
        if i == lr && j == ls { return false }
        if i == 0 && j == 0 && t.vehicleType[r] == t.vehicleType[s] { return false }
        let br = r * stride
        let bs = s * stride
        if t.hasEligibility && t.masksUsable {
            if (suffixMask[br + i + 1] >> UInt64(s)) & 1 == 0 || (suffixMask[bs + j + 1] >> UInt64(r)) & 1 == 0 { return false }
        }
        let w = weights[1]
        let newLoadR = cumLoad[br + i] + routeLoad[s] - cumLoad[bs + j]
        let newLoadS = cumLoad[bs + j] + routeLoad[r] - cumLoad[br + i]
        var delta = excess(newLoadR, r) + excess(newLoadS, s) - excess(routeLoad[r], r) - excess(routeLoad[s], s)
        let oldWarp = w * Double(routeWarp[r] + routeWarp[s])
        let offR = t.matrixOffset[r]
        let offS = t.matrixOffset[s]
        let u = Int(nodes[br + i])
        let nU = Int(nodes[br + i + 1])
        let v = Int(nodes[bs + j])
        let nV = Int(nodes[bs + j + 1])
        if t.tailClass[r] == t.tailClass[s] {
            // The cached suffixes price the same on either vehicle: O(1).
            if t.hasExtras {
                guard let extra = extrasDelta(r, i + 1, lr - i, s, j + 1, ls - j) else { return false }
                delta += extra
            }
            let travelDelta = t.time(offR, u, nV) + t.time(offR, v, nU) - t.time(offR, u, nU) - t.time(offR, v, nV)
            if Double(travelDelta) + delta - oldWarp >= 0 { return false }
            let warpR = forward[br + i].then(backward[bs + j + 1], travel: t.time(offR, u, nV)).timeWarp
            let warpS = forward[bs + j].then(backward[br + i + 1], travel: t.time(offR, v, nU)).timeWarp
            return commitTails(r, i, s, j, delta + Double(travelDelta) + w * Double(warpR + warpS) - oldWarp)
        }
        // Different end depots, hours or travel modes. First a bound in O(1): exact travel and
        // balance, and assignment prices at best all gone; only then the walk along both tails.
        let newTravelR = cumTravel[br + i] + tailTravel(s, j + 1, r, from: u)
        let newTravelS = cumTravel[bs + j] + tailTravel(r, i + 1, s, from: v)
        let travelDelta = newTravelR + newTravelS - routeTravel[r] - routeTravel[s]
        var bound = delta + Double(travelDelta) - oldWarp
        if t.hasBalance { bound += balanceDelta(t.group[r], t.group[s], suffixBalance[br + i + 1] - suffixBalance[bs + j + 1]) }
        if t.hasAssignment { bound -= Double(suffixAssignment[br + i + 1] + suffixAssignment[bs + j + 1]) }
        if bound >= 0 { return false }
        if t.hasExtras {
            guard let extra = extrasDelta(r, i + 1, lr - i, s, j + 1, ls - j) else { return false }
            delta += extra
        }
        var xr = prefix(r, through: i)
        append(&xr, route: s, from: j + 1, to: ls, offR)
        let newR = closeAtEnd(xr, vehicle: r, offR)
        var xs = prefix(s, through: j)
        append(&xs, route: r, from: i + 1, to: lr, offS)
        let newS = closeAtEnd(xs, vehicle: s, offS)
        delta += Double(newR.travel + newS.travel - routeTravel[r] - routeTravel[s]) + w * Double(newR.warp + newS.warp) - oldWarp
        return commitTails(r, i, s, j, delta)
    }

    /// Travel from node `from` through the clients of route `source` from position `p` on, to the
    /// end depot of vehicle `target`, with the target's matrix, in O(1).
    @inline(__always) private func tailTravel(_ source: Int, _ p: Int, _ target: Int, from: Int) -> Int {
        let off = t.matrixOffset[target]
        let base = source * stride
        let last = length[source]
        if p > last { return t.time(off, from, t.endDepot[target]) }
        let profile = off / (t.nodeCount * t.nodeCount)
        let inner: Int
        if t.profileCount == 1 {
            inner = cumTravel[base + last] - cumTravel[base + p]
        } else {
            let row = clientTravel + profile * t.vehicleCount * stride + base
            inner = row[last] - row[p]
        }
        return t.time(off, from, Int(nodes[base + p])) + inner + t.time(off, Int(nodes[base + last]), t.endDepot[target])
    }

    private func commitTails(_ r: Int, _ i: Int, _ s: Int, _ j: Int, _ delta: Double) -> Bool {
        guard delta < -1e-5 else { return false }
        let routeR = clients(of: r)
        let routeS = clients(of: s)
        touched()
        setRoute(r, Array(routeR[0..<i] + routeS[j...]))
        setRoute(s, Array(routeS[0..<j] + routeR[i...]))
        return true
    }
}
