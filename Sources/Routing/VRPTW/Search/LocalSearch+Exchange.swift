/// Exchange(n, m): the segment of `n` clients starting at position `i` of route `r` trades places
/// with the `m` clients starting at position `j` of route `s`; with `m = 0` the segment is moved
/// after position `j` instead. (1, 0) is relocate, (2, 0) and (3, 0) or-opt, (1, 1) swap, (2, 1)
/// and (2, 2) segment swaps, as in HGS and PyVRP.
///
/// Travel is priced first and compared with the largest saving the time warp could bring, so most
/// candidates are rejected before any time segment is computed.
extension LocalSearch {
    /// Applies the move and returns true when it lowers the penalised cost.
    func exchange(_ r: Int, _ i: Int, _ n: Int, _ s: Int, _ j: Int, _ m: Int) -> Bool {
        guard i >= 1, i + n - 1 <= length[r] else { return false }
        if m > 0 { guard j >= 1, j + m - 1 <= length[s] else { return false } }
        return r == s ? exchangeWithin(r, i, n, j, m) : exchangeBetween(r, i, n, s, j, m)
    }

    private func exchangeBetween(_ r: Int, _ i: Int, _ n: Int, _ s: Int, _ j: Int, _ m: Int) -> Bool {
        let br = r * stride
        let bs = s * stride
        let offR = t.matrixOffset[r]
        let offS = t.matrixOffset[s]
        let w = weights[1]
        let segLoadU = cumLoad[br + i + n - 1] - cumLoad[br + i - 1]
        let segLoadV = m == 0 ? 0 : cumLoad[bs + j + m - 1] - cumLoad[bs + j - 1]
        let newLoadR = routeLoad[r] - segLoadU + segLoadV
        let newLoadS = routeLoad[s] + segLoadU - segLoadV
        var delta = excess(newLoadR, r) + excess(newLoadS, s) - excess(routeLoad[r], r) - excess(routeLoad[s], s)
        if t.hasExtras {
            guard let extra = extrasDelta(r, i, n, s, j, m) else { return false }
            delta += extra
        }
        let oldWarp = w * Double(routeWarp[r] + routeWarp[s])
        let pU = Int(nodes[br + i - 1])
        let u = Int(nodes[br + i])
        let uEnd = Int(nodes[br + i + n - 1])
        let nU = Int(nodes[br + i + n])
        var travelDelta = -t.time(offR, pU, u) - t.time(offR, uEnd, nU)
        if m == 0 {
            let v = Int(nodes[bs + j])
            let nV = Int(nodes[bs + j + 1])
            travelDelta += t.time(offR, pU, nU) + t.time(offS, v, u) + t.time(offS, uEnd, nV) - t.time(offS, v, nV)
        } else {
            let pV = Int(nodes[bs + j - 1])
            let v = Int(nodes[bs + j])
            let vEnd = Int(nodes[bs + j + m - 1])
            let nV = Int(nodes[bs + j + m])
            travelDelta += t.time(offR, pU, v) + t.time(offR, vEnd, nU)
            travelDelta += t.time(offS, pV, u) + t.time(offS, uEnd, nV) - t.time(offS, pV, v) - t.time(offS, vEnd, nV)
        }
        if offR != offS {
            // The moved segments' inner legs change matrix too.
            travelDelta += inner(r, i, n, offS) - inner(r, i, n, offR) + inner(s, j, m, offR) - inner(s, j, m, offS)
        }
        if Double(travelDelta) + delta - oldWarp >= 0 { return false }
        var xr = prefix(r, through: i - 1)
        append(&xr, route: s, from: j, to: j + m - 1, offR)
        let newR = close(xr, route: r, from: i + n, offR)
        var xs = prefix(s, through: m == 0 ? j : j - 1)
        append(&xs, route: r, from: i, to: i + n - 1, offS)
        let newS = close(xs, route: s, from: m == 0 ? j + 1 : j + m, offS)
        delta += Double(newR.travel + newS.travel - routeTravel[r] - routeTravel[s]) + w * Double(newR.warp + newS.warp) - oldWarp
        guard delta < -1e-5 else { return false }
        var routeR = clients(of: r)
        var routeS = clients(of: s)
        let moving = Array(routeR[(i - 1)..<(i - 1 + n)])
        let coming = m == 0 ? [] : Array(routeS[(j - 1)..<(j - 1 + m)])
        routeR.replaceSubrange((i - 1)..<(i - 1 + n), with: coming)
        if m == 0 { routeS.insert(contentsOf: moving, at: j) } else { routeS.replaceSubrange((j - 1)..<(j - 1 + m), with: moving) }
        touched()
        setRoute(r, routeR)
        setRoute(s, routeS)
        return true
    }

    /// Travel between the `count` consecutive clients from position `from` of route `r`, with the
    /// matrix at `offset`.
    @inline(__always) private func inner(_ r: Int, _ from: Int, _ count: Int, _ offset: Int) -> Int {
        var total = 0
        var p = r * stride + from
        let last = p + count - 1
        while p < last {
            total += t.time(offset, Int(nodes[p]), Int(nodes[p + 1]))
            p += 1
        }
        return total
    }

    private func exchangeWithin(_ r: Int, _ i: Int, _ n: Int, _ j: Int, _ m: Int) -> Bool {
        let b = r * stride
        let off = t.matrixOffset[r]
        let pU = Int(nodes[b + i - 1])
        let u = Int(nodes[b + i])
        let uEnd = Int(nodes[b + i + n - 1])
        let nU = Int(nodes[b + i + n])
        var travelDelta: Int
        var plan: IntraPlan
        if m == 0 {
            guard j < i - 1 || j > i + n - 1 else { return false }
            let v = Int(nodes[b + j])
            let nV = Int(nodes[b + j + 1])
            travelDelta = t.time(off, pU, nU) - t.time(off, pU, u) - t.time(off, uEnd, nU)
            travelDelta += t.time(off, v, u) + t.time(off, uEnd, nV) - t.time(off, v, nV)
            plan =
                j > i
                ? IntraPlan(prefixEnd: i - 1, ranges: ((i + n, j), (i, i + n - 1), (1, 0)), suffixStart: j + 1)
                : IntraPlan(prefixEnd: j, ranges: ((i, i + n - 1), (j + 1, i - 1), (1, 0)), suffixStart: i + n)
        } else {
            guard j + m <= i - 1 || j >= i + n + 1 else { return false }
            let pV = Int(nodes[b + j - 1])
            let v = Int(nodes[b + j])
            let vEnd = Int(nodes[b + j + m - 1])
            let nV = Int(nodes[b + j + m])
            travelDelta = t.time(off, pU, v) + t.time(off, vEnd, nU) - t.time(off, pU, u) - t.time(off, uEnd, nU)
            travelDelta += t.time(off, pV, u) + t.time(off, uEnd, nV) - t.time(off, pV, v) - t.time(off, vEnd, nV)
            plan =
                j > i
                ? IntraPlan(prefixEnd: i - 1, ranges: ((j, j + m - 1), (i + n, j - 1), (i, i + n - 1)), suffixStart: j + m)
                : IntraPlan(prefixEnd: j - 1, ranges: ((i, i + n - 1), (j + m, i - 1), (j, j + m - 1)), suffixStart: i + n)
        }
        let w = weights[1]
        if Double(travelDelta) - w * Double(routeWarp[r]) >= 0 { return false }
        return applyIfBetter(r, plan)
    }

    /// Prices a reordering of route `r` and applies it when it lowers the penalised cost.
    func applyIfBetter(_ r: Int, _ plan: IntraPlan) -> Bool {
        let off = t.matrixOffset[r]
        var x = prefix(r, through: plan.prefixEnd)
        append(&x, route: r, from: plan.ranges.0.0, to: plan.ranges.0.1, off)
        append(&x, route: r, from: plan.ranges.1.0, to: plan.ranges.1.1, off)
        append(&x, route: r, from: plan.ranges.2.0, to: plan.ranges.2.1, off)
        let result = close(x, route: r, from: plan.suffixStart, off)
        let delta = Double(result.travel - routeTravel[r]) + weights[1] * Double(result.warp - routeWarp[r])
        guard delta < -1e-5 else { return false }
        let b = r * stride
        var route: [Int32] = []
        route.reserveCapacity(length[r])
        let ranges = [(1, plan.prefixEnd), plan.ranges.0, plan.ranges.1, plan.ranges.2, (plan.suffixStart, length[r])]
        for (a, z) in ranges where a <= z { route.append(contentsOf: (a...z).map { nodes[b + $0] }) }
        touched()
        setRoute(r, route)
        return true
    }
}

/// A new order for one route: its positions `1...prefixEnd`, then the position ranges in order,
/// then `suffixStart...` to the end. Ranges with start past end are empty; a tuple, not an array,
/// because a plan is built for every candidate that survives the travel bound.
struct IntraPlan {
    var prefixEnd: Int
    var ranges: ((Int, Int), (Int, Int), (Int, Int))
    var suffixStart: Int
}
