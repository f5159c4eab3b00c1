import Foundation
import Vapor

/// `knigonosha catalog sync FILE-OR-DIRECTORY`, for cron: applies the newest export of the
/// library's own system and prints what changed. Exit status 0 when the export was applied or
/// had been applied before; 1 when it could not be read, or when copies missing from it were
/// held back (a person should look).
struct CatalogSyncCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "An export (MARC, MARCXML, catalogue or holdings CSV), or a directory of them: the newest is taken")
        var path: String
        @Option(name: "syntax", help: "iso2709, marcxml or csv (default: detected)") var syntax: String?
        @Option(name: "report", help: "Also write the report to this file") var report: String?
        @Flag(name: "force", help: "Apply the export even if it was applied before, and withdraw however many copies left it") var force: Bool
    }

    var help: String { "Brings copies and their statuses in step with the library system's newest export." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var options = ImportOptions()
        options.syntax = try ImportOptions.Syntax.option(signature.syntax)
        try await Migrations.run(on: app)
        let outcome = try await CatalogSyncRun.run(path: signature.path, options: options, force: signature.force, on: app.db)
        let heading = "sync: \(URL(fileURLWithPath: outcome.file).lastPathComponent) (sha256 \(outcome.sha256.prefix(12)))"
        print(heading)
        if let at = outcome.appliedAt {
            print("unchanged: this export was applied on \(ISO8601DateFormatter().string(from: at)); nothing to do")
            return
        }
        for line in outcome.lines { print(line) }
        if let path = signature.report {
            try Data(([heading] + outcome.lines).joined(separator: "\n").appending("\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        if let fatal = outcome.summary.fatal { throw CommandFailure(fatal) }
        if outcome.readNothing { throw CommandFailure("nothing could be read from \(URL(fileURLWithPath: outcome.file).lastPathComponent)") }
        if outcome.held != nil { throw CommandFailure("copies missing from the export were not withdrawn") }
    }
}
