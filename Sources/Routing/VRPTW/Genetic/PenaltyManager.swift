/// Adapts the penalty weights to the share of feasible solutions the local search returns.
///
/// Searching through infeasible solutions lets the search cross the narrow feasible region of
/// tightly windowed instances; the weights rise when too few results are feasible and fall when
/// too many are, aiming at `target` (Vidal's HGS uses 20 %).
struct PenaltyManager {
    var weights: PenaltyWeights
    let target = 0.2
    let increase = 1.2
    let decrease = 0.85
    let period = 100
    private var loadFeasible: [Bool] = []
    private var timeFeasible: [Bool] = []

    init(tables t: ProblemTables) {
        // A unit of excess load starts at roughly the price of the longest edge per unit demanded,
        // as in HGS; a unit of time warp at the price of a unit of travel.
        var maxTravel = 0
        var maxDemand = 1
        for i in 0..<t.nodeCount {
            maxDemand = max(maxDemand, t.demand[i])
            for j in 0..<t.nodeCount { maxTravel = max(maxTravel, t.time(0, i, j)) }
        }
        weights = PenaltyWeights(load: min(1000, max(1, Double(maxTravel) / Double(maxDemand))), timeWarp: 1)
    }

    /// Records one local-search result; every `period` results the weights are adjusted.
    /// Returns true when they changed, so that the population re-ranks.
    mutating func record(loadExcess: Int, timeWarp: Int) -> Bool {
        loadFeasible.append(loadExcess == 0)
        timeFeasible.append(timeWarp == 0)
        guard loadFeasible.count >= period else { return false }
        weights.load = adjusted(weights.load, share(loadFeasible))
        weights.timeWarp = adjusted(weights.timeWarp, share(timeFeasible))
        loadFeasible.removeAll(keepingCapacity: true)
        timeFeasible.removeAll(keepingCapacity: true)
        return true
    }

    private func share(_ history: [Bool]) -> Double { Double(history.filter { $0 }.count) / Double(history.count) }

    private func adjusted(_ weight: Double, _ feasible: Double) -> Double {
        if feasible < target - 0.05 { return min(100_000, weight * increase) }
        if feasible > target + 0.05 { return max(0.1, weight * decrease) }
        return weight
    }
}
