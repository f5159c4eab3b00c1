/// Hybrid genetic search for the routing problem (Vidal et al. 2012, 2013; Vidal 2022; Wouda et al.
/// 2024, PyVRP): a population of locally optimal solutions, children by selective route exchange,
/// each child improved by the granular local search, infeasible solutions kept and penalised, and
/// survivors chosen on cost and diversity.
public enum HybridGeneticSearch {
    public static func solve(_ problem: RoutingProblem, options: SolverOptions = SolverOptions()) -> RoutingSolution {
        var search = GeneticLoop(problem, options)
        return search.run()
    }
}

/// The state of one solve.
struct GeneticLoop {
    let tables: ProblemTables
    let options: SolverOptions
    let search: LocalSearch
    var rng: SplitMix
    var penalty: PenaltyManager
    var population: Population
    var best: Individual?
    var bestInfeasible: Individual?
    var iterations = 0
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant

    init(_ problem: RoutingProblem, _ options: SolverOptions) {
        started = clock.now
        tables = ProblemTables(problem)
        self.options = options
        rng = SplitMix(seed: options.seed)
        search = LocalSearch(tables: tables, neighbours: Neighbourhood.build(tables, count: options.neighbours), seed: options.seed &+ 1)
        penalty = PenaltyManager(tables: tables)
        population = Population(tables: tables, minimumSize: options.minimumPopulation, generationSize: options.generationSize)
    }

    var elapsed: Double {
        let d = clock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func outOfBudget() -> Bool {
        if let limit = options.iterationLimit, iterations >= limit { return true }
        if let limit = options.timeLimit, elapsed >= limit { return true }
        return false
    }

    mutating func run() -> RoutingSolution {
        var sinceImprovement = 0
        seed()
        while !outOfBudget() {
            iterations += 1
            let before = best?.objective
            let a = population.select(&rng)
            var b = population.select(&rng)
            if population.count > 1 {
                for _ in 0..<3 where b.brokenPairs(a, tables) == 0 { b = population.select(&rng) }
            }
            let children = SelectiveRouteExchange.children(a, b, tables, &rng)
            let child = children.min { repairedCost($0) < repairedCost($1) }!
            educate(child, settled: child.indices.map { child[$0] == a.routes[$0] })
            if let improved = best?.objective, before == nil || improved < before! - 1e-9 {
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if sinceImprovement >= options.restartAfter {
                population.clear()
                seed()
                sinceImprovement = 0
            }
        }
        return result()
    }

    /// Fills the population with random solutions improved by the local search.
    mutating func seed() {
        let count = 4 * options.minimumPopulation
        for k in 0..<count {
            // A seeded population is needed to select parents, whatever the budget says; past a
            // fifth of the time the crossover does more good than more starts.
            if k >= 2 && (outOfBudget() || options.timeLimit.map({ elapsed > $0 / 5 }) == true) { break }
            educate(k % 2 == 0 ? greedyRoutes() : randomRoutes())
        }
    }

    /// Loads a child, inserts its missing clients and returns its penalised cost.
    func repairedCost(_ routes: [[Int32]]) -> Double {
        search.load(routes, penalty: penalty.weights)
        for u in tables.depotCount..<tables.nodeCount where search.routeOf[u] < 0 && tables.required[u] { search.insert(u, everywhere: true) }
        return Individual(routes: search.exportRoutes(), tables: tables).penalisedCost(penalty.weights)
    }

    /// Runs the local search on `routes`, adds the result to the population and, when it is
    /// infeasible, sometimes tries again with ten times the penalties.
    mutating func educate(_ routes: [[Int32]], settled: [Bool] = []) {
        search.load(routes, penalty: penalty.weights, settled: settled)
        search.run(penalty: penalty.weights)
        var child = Individual(routes: search.exportRoutes(), tables: tables)
        consider(child)
        if penalty.record(loadExcess: child.loadExcess, timeWarp: child.timeWarp) { population.rerank(penalty.weights) }
        if !child.isFeasible && rng.unit() < options.repairProbability {
            search.run(penalty: penalty.weights.boosted(10), everything: true)
            child = Individual(routes: search.exportRoutes(), tables: tables)
            if child.isFeasible { consider(child) }
        }
    }

    mutating func consider(_ child: Individual) {
        population.add(child, penalty: penalty.weights)
        if child.isFeasible {
            if best == nil || child.objective < best!.objective - 1e-9 { best = child }
        } else if bestInfeasible == nil || child.penalisedCost(penalty.weights) < bestInfeasible!.penalisedCost(penalty.weights) {
            bestInfeasible = child
        }
    }

    /// Clients in random order, each inserted where it costs least with the current penalties: a
    /// start much closer to a local optimum than a random one, so the first local searches are
    /// short, which matters for 300 visits in a two-second budget.
    mutating func greedyRoutes() -> [[Int32]] {
        var clients = Array(tables.depotCount..<tables.nodeCount)
        rng.shuffle(&clients)
        search.load(Array(repeating: [], count: tables.vehicleCount), penalty: penalty.weights)
        for c in clients { search.insert(c, everywhere: true) }
        return search.exportRoutes()
    }

    /// Clients in random order spread over a random number of vehicles, each client on a vehicle it
    /// is allowed on.
    mutating func randomRoutes() -> [[Int32]] {
        var clients = Array(tables.depotCount..<tables.nodeCount)
        rng.shuffle(&clients)
        var routes = [[Int32]](repeating: [], count: tables.vehicleCount)
        let totalDemand = clients.reduce(0) { $0 + tables.demand[$1] }
        let capacity = max(1, (0..<tables.vehicleCount).map { tables.capacity[$0] }.max() ?? 1)
        let wanted = min(tables.vehicleCount, max(1, (totalDemand + capacity - 1) / capacity + rng.below(3)))
        var vehicles = Array(0..<tables.vehicleCount)
        rng.shuffle(&vehicles)
        let used = Array(vehicles.prefix(wanted))
        for c in clients {
            let preferred = used.filter { tables.isAllowed(c, on: $0) }
            let pool = preferred.isEmpty ? (0..<tables.vehicleCount).filter { tables.isAllowed(c, on: $0) } : preferred
            if pool.isEmpty { continue }
            routes[pool[rng.below(pool.count)]].append(Int32(c))
        }
        return routes
    }

    func result() -> RoutingSolution {
        var chosen = best ?? FeasibilityRepair.repair(bestInfeasible, search: search, tables: tables)
        if best != nil && !chosen.unrouted(tables).isEmpty {
            let filled = FeasibilityRepair.repair(chosen, search: search, tables: tables)
            if filled.isFeasible && filled.objective < chosen.objective { chosen = filled }
        }
        return RoutingSolution(
            routes: chosen.routes.map { $0.map(Int.init) }, unserved: chosen.unrouted(tables), travel: chosen.travel,
            objective: chosen.objective, isFeasible: chosen.isFeasible, iterations: iterations, seconds: elapsed)
    }
}
