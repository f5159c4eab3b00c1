/// The local search that improves every new solution, on flat route arrays.
///
/// Route `r` belongs to vehicle `r`; its positions are `0` (start depot), `1...length[r]` (clients)
/// and `length[r] + 1` (end depot), stored at `r * stride + position`. For every position the
/// route keeps the time segment, travel and load from the start up to it and the time segment from
/// it to the end, so that a move is priced in O(1) from a prefix, the moved nodes and a suffix
/// (see `TimeSegment`). All buffers are allocated once per solve.
final class LocalSearch {
    let t: ProblemTables
    let stride: Int
    let nodes: UnsafeMutablePointer<Int32>
    let forward: UnsafeMutablePointer<TimeSegment>
    let backward: UnsafeMutablePointer<TimeSegment>
    let cumTravel: UnsafeMutablePointer<Int>
    let cumLoad: UnsafeMutablePointer<Int>
    /// Per matrix and position, the travel from the first client to the client there, with that
    /// matrix (`profile * vehicleCount * stride + r * stride + position`): a tail's travel on
    /// another carrier's travel mode in O(1).
    let clientTravel: UnsafeMutablePointer<Int>
    /// Per position, the sums from there to the end of the route of the clients' assignment
    /// prices on this vehicle and of their balance loads.
    let suffixAssignment: UnsafeMutablePointer<Int>
    let suffixBalance: UnsafeMutablePointer<Int>
    /// Per position, the vehicles allowed for every client from there to the end of the route.
    let suffixMask: UnsafeMutablePointer<UInt64>
    let length: UnsafeMutablePointer<Int>
    let routeLoad: UnsafeMutablePointer<Int>
    let routeTravel: UnsafeMutablePointer<Int>
    let routeWarp: UnsafeMutablePointer<Int>
    let lastModified: UnsafeMutablePointer<Int>
    let routeOf: UnsafeMutablePointer<Int>
    let position: UnsafeMutablePointer<Int>
    let lastTested: UnsafeMutablePointer<Int>
    let groupLoad: UnsafeMutablePointer<Int>
    /// `[load, time warp]` penalty weights; a pointer so that hot code reads them without the
    /// exclusivity checks of a class's `var`.
    let weights: UnsafeMutablePointer<Double>
    /// The granular neighbourhood: `neighbourCount` nearest clients per node, row by row.
    let neighbours: UnsafeMutablePointer<Int32>
    let neighbourCount: Int
    let counter: UnsafeMutablePointer<Int>
    var rng: SplitMix
    var clientOrder: [Int]

    init(tables: ProblemTables, neighbours list: [[Int32]], seed: UInt64) {
        t = tables
        stride = tables.stride
        let size = tables.vehicleCount * stride
        nodes = .allocate(capacity: size)
        forward = .allocate(capacity: size)
        backward = .allocate(capacity: size)
        cumTravel = .allocate(capacity: size)
        cumLoad = .allocate(capacity: size)
        suffixMask = .allocate(capacity: size)
        clientTravel = .allocate(capacity: size * tables.profileCount)
        suffixAssignment = .allocate(capacity: size)
        suffixBalance = .allocate(capacity: size)
        let v = tables.vehicleCount
        length = .allocate(capacity: v)
        routeLoad = .allocate(capacity: v)
        routeTravel = .allocate(capacity: v)
        routeWarp = .allocate(capacity: v)
        lastModified = .allocate(capacity: v)
        lastModified.initialize(repeating: 0, count: v)
        length.initialize(repeating: 0, count: v)
        routeOf = .allocate(capacity: tables.nodeCount)
        position = .allocate(capacity: tables.nodeCount)
        lastTested = .allocate(capacity: tables.nodeCount)
        groupLoad = .allocate(capacity: max(1, tables.groupCount))
        weights = .allocate(capacity: 2)
        neighbourCount = list.map(\.count).max() ?? 0
        neighbours = .allocate(capacity: max(1, tables.nodeCount * neighbourCount))
        neighbours.initialize(repeating: -1, count: max(1, tables.nodeCount * neighbourCount))
        for (i, row) in list.enumerated() {
            for (k, j) in row.enumerated() { neighbours[i * neighbourCount + k] = j }
        }
        counter = .allocate(capacity: 1)
        counter.pointee = 1
        rng = SplitMix(seed: seed)
        clientOrder = Array(tables.depotCount..<tables.nodeCount)
    }

    deinit {
        nodes.deallocate()
        forward.deallocate()
        backward.deallocate()
        suffixMask.deallocate()
        clientTravel.deallocate()
        suffixAssignment.deallocate()
        suffixBalance.deallocate()
        for p in [cumTravel, cumLoad, length, routeLoad, routeTravel, routeWarp, lastModified, routeOf, position, lastTested, groupLoad, counter] {
            p.deallocate()
        }
        weights.deallocate()
        neighbours.deallocate()
    }

    /// Loads a solution; clients on no route are inserted by `run` when required. Routes marked
    /// `settled` come unchanged from a locally optimal parent, so `run` does not test pairs of them
    /// against each other again: a child of the crossover differs from its parent in a few routes,
    /// and only moves touching those can have become improving.
    func load(_ routes: [[Int32]], penalty: PenaltyWeights, settled: [Bool] = []) {
        weights[0] = penalty.load
        weights[1] = penalty.timeWarp
        for node in 0..<t.nodeCount {
            routeOf[node] = -1
            lastTested[node] = -1
        }
        for g in 0..<t.groupCount { groupLoad[g] = 0 }
        for r in 0..<t.vehicleCount {
            length[r] = 0
            setRoute(r, r < routes.count ? routes[r] : [])
            if r < settled.count && settled[r] { lastModified[r] = -1 }
        }
    }

    /// The current routes, one per vehicle.
    func exportRoutes() -> [[Int32]] { (0..<t.vehicleCount).map { clients(of: $0) } }

    func clients(of r: Int) -> [Int32] {
        let base = r * stride
        return (0..<length[r]).map { nodes[base + 1 + $0] }
    }

    /// Replaces route `r`'s clients and recomputes its prefix and suffix data in O(length).
    func setRoute(_ r: Int, _ route: [Int32]) {
        let base = r * stride
        // Every old client was counted in this vehicle's group; a client already given to another
        // route keeps that route.
        for p in 0..<length[r] {
            let node = Int(nodes[base + 1 + p])
            if t.hasBalance, t.group[r] >= 0 { groupLoad[t.group[r]] -= t.balanceLoad[node] }
            if routeOf[node] == r { routeOf[node] = -1 }
        }
        length[r] = route.count
        nodes[base] = Int32(t.startDepot[r])
        for (k, node) in route.enumerated() {
            nodes[base + 1 + k] = node
            routeOf[Int(node)] = r
            position[Int(node)] = k + 1
            if t.hasBalance, t.group[r] >= 0 { groupLoad[t.group[r]] += t.balanceLoad[Int(node)] }
        }
        nodes[base + route.count + 1] = Int32(t.endDepot[r])
        update(r)
    }

    /// Recomputes route `r`'s cached data from its node list.
    func update(_ r: Int) {
        let base = r * stride
        let end = length[r] + 1
        let offset = t.matrixOffset[r]
        forward[base] = t.startSegment[r]
        cumTravel[base] = 0
        cumLoad[base] = 0
        for p in 1...end {
            let previous = Int(nodes[base + p - 1])
            let node = Int(nodes[base + p])
            let travel = t.time(offset, previous, node)
            let segment = p == end ? t.endSegment[r] : t.nodeSegment[node]
            forward[base + p] = forward[base + p - 1].then(segment, travel: travel)
            cumTravel[base + p] = cumTravel[base + p - 1] + travel
            cumLoad[base + p] = cumLoad[base + p - 1] + (p == end ? 0 : t.demand[node])
        }
        backward[base + end] = t.endSegment[r]
        suffixMask[base + end] = UInt64.max
        suffixAssignment[base + end] = 0
        suffixBalance[base + end] = 0
        var p = end - 1
        while p >= 0 {
            let node = Int(nodes[base + p])
            let segment = p == 0 ? t.startSegment[r] : t.nodeSegment[node]
            backward[base + p] = segment.then(backward[base + p + 1], travel: t.time(offset, node, Int(nodes[base + p + 1])))
            suffixMask[base + p] = p == 0 ? suffixMask[base + 1] : suffixMask[base + p + 1] & t.allowedMask[node]
            suffixAssignment[base + p] = suffixAssignment[base + p + 1] + (p == 0 ? 0 : t.assignmentCost(node, r))
            suffixBalance[base + p] = suffixBalance[base + p + 1] + (p == 0 ? 0 : t.balanceLoad[node])
            p -= 1
        }
        if t.profileCount > 1 {
            for profile in 0..<t.profileCount {
                let row = clientTravel + profile * t.vehicleCount * stride + base
                let matrix = profile * t.nodeCount * t.nodeCount
                row[1] = 0
                var q = 2
                while q < end {
                    row[q] = row[q - 1] + t.time(matrix, Int(nodes[base + q - 1]), Int(nodes[base + q]))
                    q += 1
                }
            }
        }
        routeLoad[r] = cumLoad[base + end]
        routeTravel[r] = cumTravel[base + end]
        routeWarp[r] = forward[base + end].timeWarp
        lastModified[r] = counter.pointee
    }

    /// The penalised cost of a route with these measures (travel and penalties, no extras).
    @inline(__always) func routeCost(travel: Int, load: Int, warp: Int, vehicle r: Int) -> Double {
        Double(travel) + weights[0] * Double(max(0, load - t.capacity[r])) + weights[1] * Double(warp)
    }

    @inline(__always) func currentCost(_ r: Int) -> Double {
        routeCost(travel: routeTravel[r], load: routeLoad[r], warp: routeWarp[r], vehicle: r)
    }

    /// Marks a change so that pairs of routes are tested again.
    @inline(__always) func touched() { counter.pointee += 1 }
}
