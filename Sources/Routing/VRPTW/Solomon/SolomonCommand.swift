import Foundation

/// `knigonosha vrptw solve FILE [--seconds S] [--seed N]`, as a pure function so that the app's
/// command is a thin wrapper and the benchmark runs the very same code.
public enum SolomonCommand {
    /// Reads the instance at `path`, solves it for `seconds` and returns the `.sol` text.
    public static func run(path: String, seconds: Double = 10, seed: UInt64 = 1) throws -> String {
        try run(text: String(contentsOfFile: path, encoding: .utf8), options: SolverOptions(seed: seed, timeLimit: seconds))
    }

    /// The same from the file's text, with any limits.
    public static func run(text: String, options: SolverOptions) throws -> String {
        let instance = try SolomonInstance.parse(text)
        let solution = HybridGeneticSearch.solve(try instance.routingProblem(), options: options)
        guard solution.isFeasible, solution.unserved.isEmpty else {
            throw NoFeasibleSolution(vehicles: instance.vehicleCount, seconds: solution.seconds)
        }
        return CVRPLIBSolution.format(routes: solution.routes, costTenths: solution.travel)
    }
}

/// The search ended without a plan that serves every customer within the vehicle count.
public struct NoFeasibleSolution: Error, CustomStringConvertible {
    public var vehicles: Int
    public var seconds: Double

    public var description: String { "no feasible solution with \(vehicles) vehicles found in \(seconds) s" }
}
