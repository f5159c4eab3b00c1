import Foundation
import Routing

// The solver's benchmarks, printed as JSON lines for `Benchmarks/vrptw.sh`:
//   vrptw-bench solomon SECONDS SEED FILE...   each Solomon instance, checked independently
//   vrptw-bench week SECONDS SEED              the generated branch week (300 visits, 8 × 5)
//   vrptw-bench day RUNS                       a carrier's day of 4–15 stops, re-optimised

func json(_ fields: [(String, Any)]) -> String {
    let parts = fields.map { key, value -> String in
        switch value {
        case let text as String: return "\"\(key)\": \"\(text)\""
        case let number as Double: return "\"\(key)\": \(number)"
        default: return "\"\(key)\": \(value)"
        }
    }
    return "{" + parts.joined(separator: ", ") + "}"
}

func solomon(seconds: Double, seed: UInt64, paths: [String]) throws {
    for path in paths {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let instance = try SolomonInstance.parse(text)
        let started = Date()
        let output = try SolomonCommand.run(text: text, options: SolverOptions(seed: seed, timeLimit: seconds))
        let elapsed = Date().timeIntervalSince(started)
        let solution = try CVRPLIBSolution.parse(output)
        let check = SolomonChecker.check(instance, solution)
        print(
            json([
                ("instance", instance.name), ("cost", Double(check.costTenths) / 10), ("printed", solution.cost ?? -1),
                ("routes", solution.routes.count), ("feasible", check.violations.isEmpty ? "yes" : check.violations.joined(separator: "; ")),
                ("seconds", elapsed),
            ]))
    }
}

func week(seconds: Double, seed: UInt64) throws {
    let (carriers, visits) = BranchWeek.generate(seed: 20_261_201)
    let started = Date()
    let plan = try WeekPlanner.plan(carriers: carriers, visits: visits, options: .week(seconds: seconds, seed: seed))
    let elapsed = Date().timeIntervalSince(started)
    print(
        json([
            ("budget", seconds), ("seconds", elapsed), ("objective", plan.objective / 60), ("travel_minutes", Double(plan.travelSeconds) / 60),
            ("unplaced", plan.unplaced.count), ("continuity_breaks", plan.continuityBreaks), ("routes", plan.routes.count),
            ("iterations", plan.iterations),
        ]))
}

func day(runs: Int) throws {
    var rng = BenchRandom(state: 7)
    var times: [Double] = []
    var late = 0
    for run in 0..<runs {
        let size = 4 + run % 12
        let stops = BranchWeek.dayStops(count: size, rng: &rng)
        let started = Date()
        let plan = try DayPlanner.plan(start: BranchWeek.branch, mode: .onFoot, hours: 9 * 60...18 * 60, stops: stops)
        times.append(Date().timeIntervalSince(started) * 1000)
        late += plan.unplaced.count
    }
    times.sort()
    print(
        json([
            ("runs", runs), ("median_ms", times[times.count / 2]), ("p95_ms", times[Int(Double(times.count) * 0.95)]), ("max_ms", times.last!),
            ("stops_missing_window", late),
        ]))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "solomon": try solomon(seconds: Double(arguments[1])!, seed: UInt64(arguments[2])!, paths: Array(arguments.dropFirst(3)))
case "week": try week(seconds: Double(arguments[1])!, seed: UInt64(arguments[2])!)
case "day": try day(runs: Int(arguments[1])!)
default:
    FileHandle.standardError.write(Data("usage: vrptw-bench solomon SECONDS SEED FILE... | week SECONDS SEED | day RUNS\n".utf8))
    exit(2)
}
