/// The population of the genetic search, kept as two subpopulations (feasible and infeasible
/// solutions), each ranked by biased fitness: cost rank plus diversity rank (Vidal et al., 2012).
///
/// Ranking on diversity as well as cost keeps the search from collapsing onto one region. When a
/// subpopulation outgrows `minimumSize + generationSize` it is cut back to `minimumSize`, clones
/// first and then the worst in fitness.
struct Population {
    struct Subpopulation {
        var members: [Individual] = []
        /// Pairwise broken-pairs distances, in member order.
        var distance: [[Double]] = []
        var fitness: [Double] = []
    }

    var feasible = Subpopulation()
    var infeasible = Subpopulation()
    let minimumSize: Int
    let generationSize: Int
    let eliteCount: Int
    let closeCount: Int
    let tables: ProblemTables

    init(tables: ProblemTables, minimumSize: Int = 25, generationSize: Int = 40, eliteCount: Int = 4, closeCount: Int = 5) {
        self.tables = tables
        self.minimumSize = minimumSize
        self.generationSize = generationSize
        self.eliteCount = eliteCount
        self.closeCount = closeCount
    }

    var count: Int { feasible.members.count + infeasible.members.count }

    mutating func add(_ individual: Individual, penalty: PenaltyWeights) {
        if individual.isFeasible {
            Population.insert(individual, into: &feasible, self, penalty)
        } else {
            Population.insert(individual, into: &infeasible, self, penalty)
        }
    }

    private static func insert(_ individual: Individual, into sub: inout Subpopulation, _ p: Population, _ penalty: PenaltyWeights) {
        let distances = sub.members.map { individual.brokenPairs($0, p.tables) }
        for k in sub.distance.indices { sub.distance[k].append(distances[k]) }
        sub.distance.append(distances + [0])
        sub.members.append(individual)
        if sub.members.count > p.minimumSize + p.generationSize {
            while sub.members.count > p.minimumSize { p.removeWorst(&sub, penalty) }
        }
        p.rank(&sub, penalty)
    }

    /// Removes a clone if there is one, else the member with the worst biased fitness.
    private func removeWorst(_ sub: inout Subpopulation, _ penalty: PenaltyWeights) {
        rank(&sub, penalty)
        var worst = 0
        var worstIsClone = false
        for k in sub.members.indices {
            let isClone = sub.distance[k].enumerated().contains { $0.offset != k && $0.element == 0 }
            if (isClone && !worstIsClone) || (isClone == worstIsClone && sub.fitness[k] > sub.fitness[worst]) {
                worst = k
                worstIsClone = isClone
            }
        }
        sub.members.remove(at: worst)
        sub.distance.remove(at: worst)
        for k in sub.distance.indices { sub.distance[k].remove(at: worst) }
        sub.fitness.remove(at: worst)
    }

    /// Recomputes biased fitness: rank by penalised cost plus a weighted rank by mean distance to
    /// the `closeCount` nearest members (larger distance is better).
    func rank(_ sub: inout Subpopulation, _ penalty: PenaltyWeights) {
        let n = sub.members.count
        sub.fitness = Array(repeating: 0, count: n)
        guard n > 1 else { return }
        let costs = sub.members.map { $0.penalisedCost(penalty) }
        let byCost = (0..<n).sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : $0 < $1 }
        let diversity: [Double] = (0..<n).map { k in
            let nearest = sub.distance[k].enumerated().filter { $0.offset != k }.map(\.element).sorted().prefix(closeCount)
            return -nearest.reduce(0, +) / Double(max(1, nearest.count))
        }
        let byDiversity = (0..<n).sorted { diversity[$0] != diversity[$1] ? diversity[$0] < diversity[$1] : $0 < $1 }
        var costRank = [Int](repeating: 0, count: n)
        var diversityRank = [Int](repeating: 0, count: n)
        for (rank, k) in byCost.enumerated() { costRank[k] = rank }
        for (rank, k) in byDiversity.enumerated() { diversityRank[k] = rank }
        let diversityWeight = 1 - Double(eliteCount) / Double(n)
        for k in 0..<n {
            sub.fitness[k] = Double(costRank[k]) / Double(n - 1) + diversityWeight * Double(diversityRank[k]) / Double(n - 1)
        }
    }

    /// Re-ranks both subpopulations after the penalty weights changed.
    mutating func rerank(_ penalty: PenaltyWeights) {
        rank(&feasible, penalty)
        rank(&infeasible, penalty)
    }

    /// Binary tournament on biased fitness over both subpopulations.
    func select(_ rng: inout SplitMix) -> Individual {
        func pick() -> (Individual, Double) {
            let k = rng.below(count)
            if k < feasible.members.count { return (feasible.members[k], feasible.fitness[k]) }
            let i = k - feasible.members.count
            return (infeasible.members[i], infeasible.fitness[i])
        }
        let a = pick()
        let b = pick()
        return a.1 <= b.1 ? a.0 : b.0
    }

    mutating func clear() {
        feasible = Subpopulation()
        infeasible = Subpopulation()
    }
}
