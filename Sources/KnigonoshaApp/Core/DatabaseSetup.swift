import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Connects Fluent to SQLite or PostgreSQL as the configuration says.
enum DatabaseSetup {
    static func use(_ database: AppConfig.Database, schema: String? = nil, on app: Application) throws {
        switch database {
        case .sqlite(let path):
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // SQL logging stays off: bound values may be readers' personal data.
            app.databases.use(
                .sqlite(.init(storage: .file(path: path), enableForeignKeys: true), sqlLogLevel: .trace),
                as: .sqlite
            )
        case .postgres(let raw):
            var config = try SQLPostgresConfiguration(url: raw)
            if let schema { config.searchPath = [schema] }
            app.databases.use(.postgres(configuration: config, sqlLogLevel: .trace), as: .psql)
        }
    }

    /// Per-file SQLite settings: WAL lets readers run beside a writer, and it persists in the file.
    static func prepare(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }

    /// Selection reads a few hundred scattered pages of the catalogue and its index per reader. A
    /// larger page cache and memory-mapped reads keep them off the read(2) path; both settings
    /// belong to the connection, so they are set on the one in use (it costs microseconds).
    static func tuneForReading(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA cache_size = -65536").run()
        try await sql.raw("PRAGMA mmap_size = 1073741824").run()
    }

    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }
}
