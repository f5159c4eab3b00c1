/// A route under construction while a move is priced: a prefix of an existing route followed by
/// some nodes, closed by a suffix. Only the time segment, the travel and the last node are kept,
/// so pricing a move costs a handful of `TimeSegment.then` calls.
struct Partial {
    var segment: TimeSegment
    var travel: Int
    var last: Int
}

extension LocalSearch {
    /// Positions `0...p` of route `r`.
    @inline(__always) func prefix(_ r: Int, through p: Int) -> Partial {
        let i = r * stride + p
        return Partial(segment: forward[i], travel: cumTravel[i], last: Int(nodes[i]))
    }

    @inline(__always) func append(_ x: inout Partial, _ node: Int, _ offset: Int) {
        let d = t.time(offset, x.last, node)
        x.segment = x.segment.then(t.nodeSegment[node], travel: d)
        x.travel += d
        x.last = node
    }

    /// Appends the clients at positions `a...b` of route `s` (nothing when `a > b`).
    @inline(__always) func append(_ x: inout Partial, route s: Int, from a: Int, to b: Int, _ offset: Int) {
        var p = a
        while p <= b {
            append(&x, Int(nodes[s * stride + p]), offset)
            p += 1
        }
    }

    /// Closes with route `r`'s own suffix from position `p` (same matrix and end depot as `r`).
    @inline(__always) func close(_ x: Partial, route r: Int, from p: Int, _ offset: Int) -> (travel: Int, warp: Int) {
        let i = r * stride + p
        let d = t.time(offset, x.last, Int(nodes[i]))
        let segment = x.segment.then(backward[i], travel: d)
        return (x.travel + d + routeTravel[r] - cumTravel[i], segment.timeWarp)
    }

    /// Closes at vehicle `v`'s end depot.
    @inline(__always) func closeAtEnd(_ x: Partial, vehicle v: Int, _ offset: Int) -> (travel: Int, warp: Int) {
        let d = t.time(offset, x.last, t.endDepot[v])
        return (x.travel + d, x.segment.then(t.endSegment[v], travel: d).timeWarp)
    }

    /// The change in assignment prices and balance penalty when the clients at positions
    /// `a..<a+na` of route `r` move to vehicle `s` and those at `b..<b+nb` of `s` move to `r`, or
    /// nil when a client is not allowed on its new vehicle.
    @inline(__always) func extrasDelta(_ r: Int, _ a: Int, _ na: Int, _ s: Int, _ b: Int, _ nb: Int) -> Double? {
        var delta = 0.0
        var shifted = 0
        for k in 0..<na {
            let node = Int(nodes[r * stride + a + k])
            if !t.isAllowed(node, on: s) { return nil }
            delta += Double(t.assignmentCost(node, s) - t.assignmentCost(node, r))
            shifted += t.balanceLoad[node]
        }
        for k in 0..<nb {
            let node = Int(nodes[s * stride + b + k])
            if !t.isAllowed(node, on: r) { return nil }
            delta += Double(t.assignmentCost(node, r) - t.assignmentCost(node, s))
            shifted -= t.balanceLoad[node]
        }
        if t.hasBalance { delta += balanceDelta(t.group[r], t.group[s], shifted) }
        return delta
    }

    /// The change of the balance penalty when `amount` of load goes from group `from` to `to`.
    @inline(__always) func balanceDelta(_ from: Int, _ to: Int, _ amount: Int) -> Double {
        guard from != to, amount != 0 else { return 0 }
        var d = 0.0
        if from >= 0 {
            let old = Double(groupLoad[from]) - t.balanceTarget[from]
            d += (old - Double(amount)) * (old - Double(amount)) - old * old
        }
        if to >= 0 {
            let old = Double(groupLoad[to]) - t.balanceTarget[to]
            d += (old + Double(amount)) * (old + Double(amount)) - old * old
        }
        return t.balanceWeight * d
    }

    @inline(__always) func excess(_ load: Int, _ r: Int) -> Double { weights[0] * Double(max(0, load - t.capacity[r])) }
}
