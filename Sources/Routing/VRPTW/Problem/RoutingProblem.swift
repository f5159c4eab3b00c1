/// A vehicle routing problem with time windows, in the general form the week planner needs:
/// several depots, vehicles with their own start, end, shift, capacity and travel mode, clients
/// that may be left out at a price, clients allowed only on some vehicles, a price per
/// (client, vehicle) pair and a penalty on unbalanced loads between groups of vehicles.
///
/// Nodes `0..<depotCount` are depots and the rest are clients. The Solomon benchmark is the special
/// case of one depot, one matrix, identical vehicles and nothing else.
public struct RoutingProblem: Sendable {
    public let depotCount: Int
    public let nodes: [RoutingNode]
    public let matrices: [TravelMatrix]
    public let vehicles: [RoutingVehicle]
    /// Per client (indexed by `node - depotCount`): the price of leaving it unserved, or `nil` when
    /// every client must be served.
    public let dropPenalty: [Int]?
    /// Per client: the vehicles allowed to serve it, or `nil` when any vehicle may.
    public let allowedVehicles: [[Int]]?
    /// Row-major `clientCount × vehicles.count` price of serving a client with a vehicle (the
    /// penalty for a carrier other than the reader's own), or `nil` for none.
    public let assignmentCost: [Int]?
    public let balance: LoadBalance?

    public var clientCount: Int { nodes.count - depotCount }
    public var clients: Range<Int> { depotCount..<nodes.count }

    public init(
        depotCount: Int = 1, nodes: [RoutingNode], matrices: [TravelMatrix], vehicles: [RoutingVehicle], dropPenalty: [Int]? = nil,
        allowedVehicles: [[Int]]? = nil, assignmentCost: [Int]? = nil, balance: LoadBalance? = nil
    ) throws(RoutingProblemError) {
        self.depotCount = depotCount
        self.nodes = nodes
        self.matrices = matrices
        self.vehicles = vehicles
        self.dropPenalty = dropPenalty
        self.allowedVehicles = allowedVehicles
        self.assignmentCost = assignmentCost
        self.balance = balance
        try validate()
    }

    private func validate() throws(RoutingProblemError) {
        guard depotCount >= 1, depotCount <= nodes.count else { throw .invalid("depotCount", "must be between 1 and the node count") }
        guard !matrices.isEmpty else { throw .invalid("matrices", "at least one travel matrix is needed") }
        for (m, matrix) in matrices.enumerated() {
            guard matrix.size == nodes.count else { throw .invalid("matrices[\(m)]", "has size \(matrix.size), expected \(nodes.count)") }
            guard !matrix.values.contains(where: { $0 < 0 }) else { throw .invalid("matrices[\(m)]", "has a negative travel time") }
        }
        for (i, node) in nodes.enumerated() {
            guard node.windowEnd >= node.windowStart else {
                throw .invalid("nodes[\(i)].windowEnd", "\(node.windowEnd) is before the window's start \(node.windowStart)")
            }
            guard node.serviceTime >= 0, node.demand >= 0 else { throw .invalid("nodes[\(i)]", "service time and demand must not be negative") }
        }
        guard !vehicles.isEmpty else { throw .invalid("vehicles", "at least one vehicle is needed") }
        for (v, vehicle) in vehicles.enumerated() {
            guard (0..<depotCount).contains(vehicle.startDepot), (0..<depotCount).contains(vehicle.endDepot) else {
                throw .invalid("vehicles[\(v)]", "start and end must be depots")
            }
            guard vehicle.shiftEnd >= vehicle.shiftStart else {
                throw .invalid("vehicles[\(v)].shiftEnd", "\(vehicle.shiftEnd) is before the shift's start \(vehicle.shiftStart)")
            }
            guard matrices.indices.contains(vehicle.profile) else { throw .invalid("vehicles[\(v)].profile", "no matrix \(vehicle.profile)") }
            guard vehicle.capacity >= 0 else { throw .invalid("vehicles[\(v)].capacity", "must not be negative") }
        }
        if let dropPenalty, dropPenalty.count != clientCount { throw .invalid("dropPenalty", "needs one value per client") }
        if let allowedVehicles {
            guard allowedVehicles.count == clientCount else { throw .invalid("allowedVehicles", "needs one list per client") }
            for (c, list) in allowedVehicles.enumerated() where list.contains(where: { !vehicles.indices.contains($0) }) {
                throw .invalid("allowedVehicles[\(c)]", "names a vehicle that does not exist")
            }
        }
        if let assignmentCost, assignmentCost.count != clientCount * vehicles.count {
            throw .invalid("assignmentCost", "needs clientCount × vehicleCount values")
        }
        if let balance {
            guard balance.load.count == clientCount else { throw .invalid("balance.load", "needs one value per client") }
            guard vehicles.allSatisfy({ $0.group < balance.target.count }) else { throw .invalid("balance.target", "needs one value per group") }
        }
    }
}

/// A quadratic penalty on how far each group's load (a carrier's minutes at the door over the
/// week) is from its target: `weight × Σ (load − target)²`. A sum of squares, because moving one
/// client between two groups then changes the penalty by an amount computed in O(1), and the
/// squares make two small deviations cheaper than one large one.
public struct LoadBalance: Sendable, Equatable {
    /// Per client, its contribution to its group's load.
    public var load: [Int]
    /// Per group, the load it should have.
    public var target: [Double]
    public var weight: Double

    public init(load: [Int], target: [Double], weight: Double) {
        self.load = load
        self.target = target
        self.weight = weight
    }
}

/// A field of the problem that makes no sense, named so that a form can show it next to the field.
public enum RoutingProblemError: Error, Equatable, CustomStringConvertible {
    case invalid(_ field: String, _ reason: String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        }
    }
}
