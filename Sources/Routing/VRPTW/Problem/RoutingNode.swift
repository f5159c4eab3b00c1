/// A depot or a client of a routing problem.
///
/// Times and quantities are plain integers in a unit the caller picks (tenths of a unit for the
/// Solomon benchmark, seconds for the service's week): integer arithmetic keeps the solver exact and
/// deterministic, and a fixed-point unit is enough for any precision the data really has.
public struct RoutingNode: Sendable, Equatable {
    /// Planar coordinates. The solver only uses them to order routes by angle around the centre in
    /// the crossover; travel times always come from the matrix.
    public var x: Double
    public var y: Double
    /// Units taken from the vehicle (items in a carrier's bag).
    public var demand: Int
    /// Service may start from `windowStart` to `windowEnd`, inclusive; waiting before it is allowed.
    public var windowStart: Int
    public var windowEnd: Int
    /// Time spent at the node once service starts.
    public var serviceTime: Int

    public init(x: Double = 0, y: Double = 0, demand: Int = 0, windowStart: Int, windowEnd: Int, serviceTime: Int = 0) {
        self.x = x
        self.y = y
        self.demand = demand
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceTime = serviceTime
    }
}

/// One vehicle: a route that starts and ends at depots, within a shift, with a capacity.
///
/// Every vehicle is its own route slot, so "a carrier on Tuesday" is one vehicle; vehicles that
/// share every attribute are interchangeable and the solver treats them so.
public struct RoutingVehicle: Sendable, Equatable, Hashable {
    public var startDepot: Int
    public var endDepot: Int
    public var capacity: Int
    /// The vehicle may leave its start depot at `shiftStart` at the earliest and must be back at its
    /// end depot by `shiftEnd`.
    public var shiftStart: Int
    public var shiftEnd: Int
    /// Index of the travel-time matrix this vehicle uses (its travel mode).
    public var profile: Int
    /// The balance group (a carrier across the days of a week), or -1 when the vehicle's load is not
    /// balanced against others.
    public var group: Int

    public init(
        startDepot: Int = 0, endDepot: Int = 0, capacity: Int, shiftStart: Int, shiftEnd: Int, profile: Int = 0, group: Int = -1
    ) {
        self.startDepot = startDepot
        self.endDepot = endDepot
        self.capacity = capacity
        self.shiftStart = shiftStart
        self.shiftEnd = shiftEnd
        self.profile = profile
        self.group = group
    }
}
