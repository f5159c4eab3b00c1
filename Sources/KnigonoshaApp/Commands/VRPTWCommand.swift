import Routing
import Vapor

/// `knigonosha vrptw solve FILE [--seconds S] [--seed N]`: solves a Solomon VRPTW instance under the
/// DIMACS convention and prints the CVRPLIB solution, for benchmarking the week planner's solver
/// (see `docs/BENCHMARKS.md`). All the work is `SolomonCommand` in the Routing target.
struct VRPTWCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action") var action: String
        @Argument(name: "file") var file: String
        @Option(name: "seconds", help: "Time budget in seconds (default 10)") var seconds: Double?
        @Option(name: "seed", help: "Random seed (default 1)") var seed: Int?
    }

    var help: String { "Solves a Solomon VRPTW instance: `vrptw solve FILE [--seconds S] [--seed N]`." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "solve" else { throw CommandFailure("unknown action \"\(signature.action)\"; try: solve") }
        let output: String
        do {
            output = try SolomonCommand.run(path: signature.file, seconds: signature.seconds ?? 10, seed: UInt64(max(0, signature.seed ?? 1)))
        } catch {
            throw CommandFailure("\(signature.file): \(error)")
        }
        context.console.print(String(output.dropLast()))
    }
}
