/// How long and how the solver searches.
///
/// The search stops at whichever limit comes first. Tests give an iteration limit only, which makes
/// the result a pure function of the problem and the seed; the service gives a time limit, which
/// makes it anytime: the best plan found so far is returned when the time is up.
public struct SolverOptions: Sendable {
    public var seed: UInt64
    /// Wall-clock budget in seconds, or nil for none.
    public var timeLimit: Double?
    /// Number of genetic iterations (one crossover and local search each), or nil for none.
    public var iterationLimit: Int?
    /// Size of the granular neighbourhood.
    public var neighbours: Int
    /// Population parameters (HGS defaults).
    public var minimumPopulation: Int
    public var generationSize: Int
    /// Iterations without a better feasible solution before the population restarts.
    public var restartAfter: Int
    /// Chance that an infeasible child is repaired with boosted penalties.
    public var repairProbability: Double

    public init(
        seed: UInt64 = 1, timeLimit: Double? = nil, iterationLimit: Int? = nil, neighbours: Int = 40, minimumPopulation: Int = 25,
        generationSize: Int = 40, restartAfter: Int = 20_000, repairProbability: Double = 0.5
    ) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.neighbours = neighbours
        self.minimumPopulation = minimumPopulation
        self.generationSize = generationSize
        self.restartAfter = restartAfter
        self.repairProbability = repairProbability
    }
}

extension SolverOptions {
    /// The week planner's settings: a smaller population and neighbourhood than HGS's defaults,
    /// because a 300-visit week must be good within two seconds, when only a few hundred
    /// generations fit; measured in `docs/BENCHMARKS.md`.
    public static func week(seconds: Double = 2, seed: UInt64 = 1) -> SolverOptions {
        SolverOptions(seed: seed, timeLimit: seconds, neighbours: 25, minimumPopulation: 8, generationSize: 12)
    }
}

/// The best solution found.
public struct RoutingSolution: Sendable, Equatable {
    /// Per vehicle, its clients (node indices) in visiting order; empty when it stays home.
    public var routes: [[Int]]
    /// Clients on no route (only optional clients, or all of them when nothing feasible was found).
    public var unserved: [Int]
    /// Total travel time of all routes.
    public var travel: Int
    /// Travel plus assignment prices, balance penalty and prizes of unserved clients.
    public var objective: Double
    /// True when every route respects capacity, time windows and shifts.
    public var isFeasible: Bool
    public var iterations: Int
    public var seconds: Double

    public var routeCount: Int { routes.filter { !$0.isEmpty }.count }
}
