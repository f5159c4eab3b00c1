import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// `knigonosha restore FILE`: nothing of the live data is touched until the backup's database has
/// been checked against its manifest, and what was there is kept beside it (review of issue 13:
/// a cut-short backup used to replace the live database and only then be refused).
///
/// - SQLite: the backup's database is checked where it was unpacked (`PRAGMA integrity_check`,
///   every table's count, the readers' checksum); only then is the live file renamed to
///   `<file>.before-restore` (with its WAL) and the backup's renamed into its place.
/// - PostgreSQL: the schema is dropped, re-created and loaded in one transaction that also checks
///   every table's count, so a dump that fails to load or does not match rolls back and leaves
///   the schema as it was. The readers' checksum is compared after the commit.
extension Backup {
    static func restore(_ app: Application, from file: String, manifest known: BackupManifest? = nil) async throws -> BackupManifest {
        let manifest = try known ?? read(file)
        let work = try scratch(beside: file)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try run("tar", ["-xzf", file, "-C", work])
        switch app.config.database {
        case .sqlite(let path): try await restoreSQLite(app, path: path, from: work + "/database.sqlite", manifest: manifest)
        case .postgres(let url): try await restorePostgres(app, url: url, from: work + "/database.sql", manifest: manifest)
        }
        let attachments = app.config.attachmentDirectory
        try? FileManager.default.removeItem(atPath: attachments)
        _ = try copyTree(work + "/attachments", to: attachments)
        if case .postgres = app.config.database {
            let (_, readers, _) = try await BackupManifest.figures(app.db)
            guard readers == manifest.readersChecksum else {
                throw CommandFailure("the restored readers do not match the backup's checksum; restore again from another backup")
            }
        }
        return manifest
    }

    /// Where the live SQLite database is kept when a restore replaces it.
    static func keptPath(_ path: String) -> String { path + ".before-restore" }

    private static func restoreSQLite(_ app: Application, path: String, from unpacked: String, manifest: BackupManifest) async throws {
        // The service must be stopped: the file is replaced under it. A running `serve` holds the
        // file's shared lock, so the restore cannot take the exclusive one.
        guard let lock = DatabaseLock.exclusive(for: path) else {
            throw CommandFailure("the service is running on \(path): stop it, then restore; nothing was changed")
        }
        defer { withExtendedLifetime(lock) {} }
        guard FileManager.default.fileExists(atPath: unpacked) else { throw CommandFailure("the backup holds no database; nothing was changed") }
        // Beside the live file (one file system, so the renames below are atomic), checked there.
        let incoming = path + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: incoming + suffix) }
        try FileManager.default.moveItem(atPath: unpacked, toPath: incoming)
        do {
            try await check(app, sqlite: incoming, against: manifest)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: incoming + suffix) }
            throw error
        }
        // What was there is kept, WAL included (nothing writes it: the lock is ours).
        let kept = keptPath(path)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: kept + suffix) }
        if FileManager.default.fileExists(atPath: path) {
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
                guard rename(path + suffix, kept + suffix) == 0 else { throw CommandFailure("cannot keep the current database as \(kept)") }
            }
            try? FileManager.default.removeItem(atPath: path + "-shm")
        }
        guard rename(incoming, path) == 0 else { throw CommandFailure("cannot move the restored database to \(path); the previous one is \(kept)") }
    }

    /// Opens the unpacked database on its own and compares it with the manifest.
    private static func check(_ app: Application, sqlite path: String, against manifest: BackupManifest) async throws {
        let id = DatabaseID(string: "restore-check-" + UUID().uuidString.lowercased())
        app.databases.use(.sqlite(.file(path)), as: id)
        defer { app.databases.reinitialize(id) }
        guard let db = app.databases.database(id, logger: app.logger, on: app.eventLoopGroup.any()), let sql = db as? any SQLDatabase else {
            throw CommandFailure("cannot open the backup's database")
        }
        let verdict: String
        do {
            verdict = try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self) ?? ""
        } catch {
            throw CommandFailure("the backup's database cannot be read (\(error)); nothing was changed")
        }
        guard verdict == "ok" else { throw CommandFailure("the backup's database is damaged (\(verdict.prefix(200))); nothing was changed") }
        let (tables, readers, _) = try await BackupManifest.figures(db)
        guard tables == manifest.tables, readers == manifest.readersChecksum else {
            throw CommandFailure("the backup's database does not match its manifest; nothing was changed")
        }
    }

    private static func restorePostgres(_ app: Application, url: String, from dump: String, manifest: BackupManifest) async throws {
        let name = try await schema(app)
        guard !manifest.tables.isEmpty, manifest.tables.keys.allSatisfy(isPlainName), isPlainName(name) else {
            throw CommandFailure("the backup's manifest is not valid; nothing was changed")
        }
        let text = try String(contentsOfFile: dump, encoding: .utf8)
        // A dump cut short can still load (tables are created first, then filled, then indexed and
        // constrained) and match every count while missing its keys: pg_dump's last line says it
        // is complete.
        guard text.hasSuffix("-- PostgreSQL database dump complete\n\n") || text.contains("\n-- PostgreSQL database dump complete\n") else {
            throw CommandFailure("the backup's database dump is incomplete; nothing was changed")
        }
        // One transaction: the old schema goes only if the new one loads and has every count.
        // Names are checked above to be plain lower-case identifiers, counts are integers.
        let schema = "\"" + name + "\""
        var script = "\\set ON_ERROR_STOP 1\nBEGIN;\nDROP SCHEMA IF EXISTS \(schema) CASCADE;\n"
        // pg_dump writes CREATE SCHEMA for any schema but `public`.
        if !text.contains("CREATE SCHEMA") { script += "CREATE SCHEMA \(schema);\n" }
        script += "\\i '" + dump.replacingOccurrences(of: "'", with: "''") + "'\n"
        script += "DO $$ BEGIN\n"
        for (table, count) in manifest.tables.sorted(by: { $0.key < $1.key }) {
            script +=
                "IF (SELECT count(*) FROM \(schema).\"\(table)\") <> \(count) THEN RAISE EXCEPTION 'the table \(table) does not match the backup'; END IF;\n"
        }
        script += "END $$;\nCOMMIT;\n"
        let wrapper = dump + ".restore.sql"
        try Data(script.utf8).write(to: URL(fileURLWithPath: wrapper))
        do {
            try run("psql", ["--quiet", "--no-psqlrc", "--file", wrapper, url])
        } catch let failure as CommandFailure {
            let said = failure.description.hasPrefix("Error: ") ? String(failure.description.dropFirst(7)) : failure.description
            throw CommandFailure(said + " (rolled back: nothing was changed)")
        }
    }

    private static func isPlainName(_ s: String) -> Bool {
        !s.isEmpty && s.count < 64 && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }
}
