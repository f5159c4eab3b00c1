import Fluent
import Foundation
import SQLKit
import Vapor

/// `knigonosha backup FILE` and `knigonosha restore FILE` (issue 13, section 5).
///
/// A backup is a gzipped tar of a manifest, a consistent copy of the database (SQLite's
/// `VACUUM INTO`, which reads one snapshot while the service keeps writing; `pg_dump` for
/// PostgreSQL, which dumps one transaction's view), and the event attachments.
enum Backup {
    static func make(_ app: Application, to file: String) async throws -> BackupManifest {
        let work = try scratch(beside: file)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (tables, readers, migrations) = try await BackupManifest.figures(app.db)
        switch app.config.database {
        case .sqlite:
            guard let sql = app.db as? any SQLDatabase else { throw CommandFailure("no SQL database") }
            try await sql.raw("VACUUM INTO \(bind: work + "/database.sqlite")").run()
        case .postgres(let url):
            try run("pg_dump", ["--no-owner", "--no-privileges", "--schema", try await schema(app), "--file", work + "/database.sql", url])
        }
        let attachments = try copyTree(app.config.attachmentDirectory, to: work + "/attachments")
        let manifest = BackupManifest(
            format: BackupManifest.format, version: 1, database: kind(app), createdAt: Date(), migrations: migrations, tables: tables,
            readersChecksum: readers, attachments: attachments)
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: work + "/manifest.json"))
        try run("tar", ["-czf", file, "-C", work, "."])
        return manifest
    }

    /// The manifest of `file`, or a clear refusal.
    static func read(_ file: String) throws -> BackupManifest {
        guard FileManager.default.fileExists(atPath: file) else { throw CommandFailure("no such file: \(file)") }
        let work = try scratch(beside: file)
        defer { try? FileManager.default.removeItem(atPath: work) }
        do {
            try run("tar", ["-xzf", file, "-C", work, "./manifest.json"])
        } catch {
            throw CommandFailure("\(file) is not a Knigonosha backup")
        }
        guard let data = FileManager.default.contents(atPath: work + "/manifest.json"),
            let manifest = try? decoder.decode(BackupManifest.self, from: data), manifest.format == BackupManifest.format
        else { throw CommandFailure("\(file) is not a Knigonosha backup") }
        guard manifest.version == 1 else { throw CommandFailure("\(file) was made by a newer version of Knigonosha (format \(manifest.version))") }
        return manifest
    }

    /// Refuses a backup whose schema this build does not know, or of the other database kind.
    static func check(_ manifest: BackupManifest, for app: Application) throws {
        guard manifest.database == kind(app) else {
            throw CommandFailure("the backup is of a \(manifest.database) database; this service uses \(kind(app))")
        }
        let known = Set(Migrations.all.map(\.name))
        let unknown = manifest.migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw CommandFailure("the backup was made by a newer version of Knigonosha (it has \(unknown.count) migrations this one does not know)")
        }
    }

    static func kind(_ app: Application) -> String {
        if case .sqlite = app.config.database { return "sqlite" }
        return "postgres"
    }

    static func schema(_ app: Application) async throws -> String {
        guard let sql = app.db as? any SQLDatabase,
            let name = try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self)
        else { throw CommandFailure("cannot tell the database schema") }
        return name
    }

    static func scratch(beside file: String) throws -> String {
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent().path + "/.kn-backup-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Copies a folder's files (and sub-folders); returns how many files.
    static func copyTree(_ from: String, to: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
        guard FileManager.default.fileExists(atPath: from) else { return 0 }
        var count = 0
        for item in try FileManager.default.subpathsOfDirectory(atPath: from) {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: from + "/" + item, isDirectory: &isDir)
            if isDir.boolValue {
                try FileManager.default.createDirectory(atPath: to + "/" + item, withIntermediateDirectories: true)
            } else {
                try FileManager.default.copyItem(atPath: from + "/" + item, toPath: to + "/" + item)
                count += 1
            }
        }
        return count
    }

    /// Runs a tool (tar, pg_dump, psql) and fails with its own message. A PostgreSQL URL's
    /// password goes to the tool in `PGPASSWORD`, not on its command line, where any user of the
    /// machine could read it in `ps`.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let (safe, password) = Self.hidingPassword(arguments)
        process.arguments = [tool] + safe
        if let password {
            var environment = ProcessInfo.processInfo.environment
            environment["PGPASSWORD"] = password
            process.environment = environment
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailure("\(tool) failed: " + Self.reason(String(decoding: message, as: UTF8.self))) }
    }

    /// `arguments` with the password taken out of any `postgres://` URL, and that password.
    static func hidingPassword(_ arguments: [String]) -> ([String], String?) {
        var password: String?
        let safe = arguments.map { argument -> String in
            guard argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://"), var url = URLComponents(string: argument),
                let secret = url.password
            else { return argument }
            password = secret
            url.password = nil
            return url.string ?? argument
        }
        return (safe, password)
    }

    /// The lines that say why a tool failed. psql prints NOTICEs (what a DROP … CASCADE took with
    /// it) before its ERROR; those are noise to the person restoring, so only ERROR and FATAL
    /// lines are kept, without psql's «psql:file:line:» prefix.
    static func reason(_ stderr: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline)
        let errors = lines.compactMap { line -> String? in
            guard let at = line.range(of: "ERROR:") ?? line.range(of: "FATAL:") else { return nil }
            return String(line[at.lowerBound...])
        }
        let said = errors.isEmpty ? stderr : errors.joined(separator: "\n")
        return String(said.prefix(500)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    private static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
