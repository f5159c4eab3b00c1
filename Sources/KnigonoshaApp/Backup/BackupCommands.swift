import Foundation
import Vapor

/// `knigonosha backup FILE`: a consistent copy of the live database and the attachments.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup (a .tar.gz file)") var file: String
    }

    var help: String { "Writes a consistent backup of the database and the attachments, while the service runs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard !FileManager.default.fileExists(atPath: signature.file) else {
            throw CommandFailure("\(signature.file) exists already; choose a new name, so that no backup is overwritten")
        }
        let manifest = try await Backup.make(context.application, to: signature.file)
        let rows = manifest.tables.values.reduce(0, +)
        context.console.print(
            "Backup written to \(signature.file): \(manifest.tables.count) tables, \(rows) rows, \(manifest.attachments) attachments.")
    }
}

/// `knigonosha restore FILE [--confirm]`: replaces the database and the attachments with a backup's,
/// after a clear confirmation, and checks the result.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The backup to restore") var file: String
        @Flag(name: "confirm", help: "Restore without asking (for scripts)") var confirm: Bool
    }

    var help: String { "Replaces the database and the attachments with a backup's. Stop the service first." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let manifest = try Backup.read(signature.file)
        try Backup.check(manifest, for: app)
        let rows = manifest.tables.values.reduce(0, +)
        context.console.print(
            "This replaces ALL data of this service with the backup of \(manifest.createdAt) (\(rows) rows, \(manifest.attachments) attachments).")
        if !signature.confirm {
            guard isatty(STDIN_FILENO) == 1 else { throw CommandFailure("not a terminal: add --confirm to restore without asking") }
            let answer = context.console.ask("Type RESTORE to go on:")
            guard answer == "RESTORE" else { throw CommandFailure("nothing was changed") }
        }
        _ = try await Backup.restore(app, from: signature.file, manifest: manifest)
        context.console.print("Restored and checked: every table's count and the readers' checksum match the backup.")
    }
}
