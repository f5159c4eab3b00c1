import Fluent
import Foundation
import Vapor

/// `knigonosha catalog circulation --from … --to … --output FILE`: the period's issues and
/// returns for the library's own system, as the statistics page offers them, for cron.
struct CirculationCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "First day, YYYY-MM-DD") var from: String?
        @Option(name: "to", help: "Last day, YYYY-MM-DD") var to: String?
        @Option(name: "branch", help: "A branch code (default: the whole library)") var branch: String?
        @Option(name: "format", help: "csv (default) or marc") var format: String?
        @Option(name: "output", help: "The file to write") var output: String?
    }

    var help: String { "Writes the issues and returns made through the service in a period, for the library's own system." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let rawFrom = signature.from, let from = LocalDate(rawFrom) else { throw CommandFailure("--from must be a date, YYYY-MM-DD") }
        guard let rawTo = signature.to, let to = LocalDate(rawTo) else { throw CommandFailure("--to must be a date, YYYY-MM-DD") }
        guard from <= to else { throw CommandFailure("--to must not be before --from") }
        let format = signature.format ?? "csv"
        guard CirculationController.formats.contains(format) else { throw CommandFailure("--format must be csv or marc") }
        guard let output = signature.output, !output.isEmpty else { throw CommandFailure("--output names the file to write") }
        let app = context.application
        try await Migrations.run(on: app)
        var scope = StatsScope(from: from, to: to, branchID: nil)
        if let code = signature.branch {
            guard let branch = try await Branch.query(on: app.db).filter(\.$code == code).first() else {
                throw CommandFailure("no branch with the code \(code)")
            }
            scope.branchID = branch.id
        }
        let events = try await CirculationExport.load(scope, on: app.db)
        let data = format == "marc" ? Data(CirculationExport.marc(events, scope: scope)) : Data(CirculationExport.csv(events).utf8)
        try data.write(to: URL(fileURLWithPath: output))
        let issues = events.filter { $0.kind == .issue }.count
        print("\(issues) issues and \(events.count - issues) returns written to \(output)")
    }
}
