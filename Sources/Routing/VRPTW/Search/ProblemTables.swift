/// The problem copied into flat, manually allocated buffers for the hot loops.
///
/// The local search reads these billions of times; `let` pointers in a final class cost neither
/// reference counting nor the dynamic exclusivity checks that array properties of a class would.
/// One instance lives for one solve, on one thread.
final class ProblemTables {
    let nodeCount: Int
    let profileCount: Int
    let depotCount: Int
    let vehicleCount: Int
    /// Positions per route in the search's flat route arrays: every client plus two depots.
    let stride: Int
    /// All matrices, one after another; a vehicle's matrix starts at `matrixOffset[v]`.
    let travel: UnsafeMutablePointer<Int32>
    let nodeSegment: UnsafeMutablePointer<TimeSegment>
    let demand: UnsafeMutablePointer<Int>
    let prize: UnsafeMutablePointer<Int>
    let required: UnsafeMutablePointer<Bool>
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
    let startDepot: UnsafeMutablePointer<Int>
    let endDepot: UnsafeMutablePointer<Int>
    let capacity: UnsafeMutablePointer<Int>
    let matrixOffset: UnsafeMutablePointer<Int>
    let group: UnsafeMutablePointer<Int>
    let startSegment: UnsafeMutablePointer<TimeSegment>
    let endSegment: UnsafeMutablePointer<TimeSegment>
    /// Vehicles with equal attributes get the same type; the search only tries one empty route per type.
    let vehicleType: UnsafeMutablePointer<Int>
    /// Vehicles with the same end depot, end window and matrix share a tail class: a route's
    /// cached suffix then prices the same on either.
    let tailClass: UnsafeMutablePointer<Int>
    let typeCount: Int
    /// `nodeCount × vehicleCount`; all true when every client may ride any vehicle.
    let allowed: UnsafeMutablePointer<Bool>
    /// Per node, bit `v` set when vehicle `v` may serve it; only when there are at most 64
    /// vehicles (`masksUsable`), which covers a branch's week. Lets 2-opt* reject a tail that
    /// cannot change vehicle in O(1).
    let allowedMask: UnsafeMutablePointer<UInt64>
    let masksUsable: Bool
    let assignment: UnsafeMutablePointer<Int>
    let balanceLoad: UnsafeMutablePointer<Int>
    let balanceTarget: UnsafeMutablePointer<Double>
    let groupCount: Int
    let balanceWeight: Double
    let hasEligibility: Bool
    let hasAssignment: Bool
    let hasBalance: Bool
    /// Any of the three above: moves between routes must then price or check their clients.
    let hasExtras: Bool
    /// True when every vehicle ends at the same depot with the same matrix, so a route's tail can be
    /// moved to another route without recomputing it.
    let uniformTails: Bool
    let centreX: Double
    let centreY: Double
    let problem: RoutingProblem

    init(_ problem: RoutingProblem) {
        self.problem = problem
        let n = problem.nodes.count
        let v = problem.vehicles.count
        nodeCount = n
        profileCount = problem.matrices.count
        depotCount = problem.depotCount
        vehicleCount = v
        stride = problem.clientCount + 2
        travel = .allocate(capacity: n * n * problem.matrices.count)
        for (m, matrix) in problem.matrices.enumerated() {
            for k in 0..<(n * n) { travel[m * n * n + k] = matrix.values[k] }
        }
        nodeSegment = .allocate(capacity: n)
        demand = .allocate(capacity: n)
        prize = .allocate(capacity: n)
        required = .allocate(capacity: n)
        x = .allocate(capacity: n)
        y = .allocate(capacity: n)
        balanceLoad = .allocate(capacity: n)
        for (i, node) in problem.nodes.enumerated() {
            nodeSegment[i] = TimeSegment(service: node.serviceTime, early: node.windowStart, late: node.windowEnd)
            demand[i] = node.demand
            x[i] = node.x
            y[i] = node.y
            let client = i - problem.depotCount
            prize[i] = client >= 0 ? problem.dropPenalty?[client] ?? 0 : 0
            required[i] = client >= 0 && problem.dropPenalty == nil
            balanceLoad[i] = client >= 0 ? problem.balance?.load[client] ?? 0 : 0
        }
        let clients = problem.nodes[problem.depotCount...]
        centreX = clients.isEmpty ? 0 : clients.reduce(0) { $0 + $1.x } / Double(clients.count)
        centreY = clients.isEmpty ? 0 : clients.reduce(0) { $0 + $1.y } / Double(clients.count)
        startDepot = .allocate(capacity: v)
        endDepot = .allocate(capacity: v)
        capacity = .allocate(capacity: v)
        matrixOffset = .allocate(capacity: v)
        group = .allocate(capacity: v)
        startSegment = .allocate(capacity: v)
        endSegment = .allocate(capacity: v)
        vehicleType = .allocate(capacity: v)
        tailClass = .allocate(capacity: v)
        var tails: [[Int]: Int] = [:]
        var types: [RoutingVehicle: Int] = [:]
        for (k, vehicle) in problem.vehicles.enumerated() {
            startDepot[k] = vehicle.startDepot
            endDepot[k] = vehicle.endDepot
            capacity[k] = vehicle.capacity
            matrixOffset[k] = vehicle.profile * n * n
            group[k] = vehicle.group
            let s = problem.nodes[vehicle.startDepot]
            let e = problem.nodes[vehicle.endDepot]
            startSegment[k] = TimeSegment(
                service: 0, early: max(vehicle.shiftStart, s.windowStart), late: min(vehicle.shiftEnd, s.windowEnd))
            endSegment[k] = TimeSegment(service: 0, early: max(vehicle.shiftStart, e.windowStart), late: min(vehicle.shiftEnd, e.windowEnd))
            if types[vehicle] == nil { types[vehicle] = types.count }
            vehicleType[k] = types[vehicle]!
            let tail = [vehicle.endDepot, vehicle.profile, endSegment[k].early, endSegment[k].late]
            if tails[tail] == nil { tails[tail] = tails.count }
            tailClass[k] = tails[tail]!
        }
        typeCount = types.count
        uniformTails = problem.vehicles.allSatisfy { $0.endDepot == problem.vehicles[0].endDepot && $0.profile == problem.vehicles[0].profile }
        allowed = .allocate(capacity: n * v)
        allowed.initialize(repeating: problem.allowedVehicles == nil, count: n * v)
        if let lists = problem.allowedVehicles {
            for (c, list) in lists.enumerated() {
                for k in list { allowed[(c + problem.depotCount) * v + k] = true }
            }
        }
        hasEligibility = problem.allowedVehicles != nil
        masksUsable = v <= 64
        allowedMask = .allocate(capacity: n)
        for node in 0..<n {
            var mask: UInt64 = 0
            for k in 0..<min(v, 64) where allowed[node * v + k] { mask |= 1 << UInt64(k) }
            allowedMask[node] = mask
        }
        assignment = .allocate(capacity: n * v)
        assignment.initialize(repeating: 0, count: n * v)
        if let costs = problem.assignmentCost {
            for c in 0..<problem.clientCount {
                for k in 0..<v { assignment[(c + problem.depotCount) * v + k] = costs[c * v + k] }
            }
        }
        hasAssignment = problem.assignmentCost != nil
        hasBalance = problem.balance != nil && problem.balance!.weight > 0
        hasExtras = hasEligibility || hasAssignment || hasBalance
        let targets = problem.balance?.target ?? []
        groupCount = targets.count
        balanceTarget = .allocate(capacity: max(1, targets.count))
        for (g, target) in targets.enumerated() { balanceTarget[g] = target }
        balanceWeight = problem.balance?.weight ?? 0
    }

    deinit {
        for p in [travel] as [UnsafeMutablePointer<Int32>] { p.deallocate() }
        nodeSegment.deallocate()
        startSegment.deallocate()
        endSegment.deallocate()
        for p in [demand, prize, startDepot, endDepot, capacity, matrixOffset, group, vehicleType, tailClass, assignment, balanceLoad] {
            p.deallocate()
        }
        required.deallocate()
        allowed.deallocate()
        allowedMask.deallocate()
        x.deallocate()
        balanceTarget.deallocate()
        y.deallocate()
    }

    /// Travel time from `a` to `b` with the matrix starting at `offset`.
    @inline(__always) func time(_ offset: Int, _ a: Int, _ b: Int) -> Int { Int(travel[offset + a * nodeCount + b]) }

    @inline(__always) func isAllowed(_ node: Int, on vehicle: Int) -> Bool { allowed[node * vehicleCount + vehicle] }

    @inline(__always) func assignmentCost(_ node: Int, _ vehicle: Int) -> Int { assignment[node * vehicleCount + vehicle] }
}
