import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Connects Fluent to SQLite or PostgreSQL as the configuration says.
enum DatabaseSetup {
    static func use(
        _ database: AppConfig.Database, schema: String? = nil, sqliteQueryLogLevel: Logger.Level? = nil, poolSize: Int = 4, on app: Application
    ) throws {
        switch database {
        case .sqlite(let path):
            // SQL logging stays off: bound values may be readers' personal data. (PostgreSQL's
            // driver cannot turn it off; RedactingLogHandler removes the values there.)
            app.databases.use(
                // SQLite writes one at a time: a request waits its turn for the connection rather
                // than fail after the default 10 s when many staff write at once.
                .sqlite(
                    .init(storage: .file(path: path), enableForeignKeys: true), connectionPoolTimeout: .seconds(30), sqlLogLevel: sqliteQueryLogLevel),
                as: .sqlite
            )
        case .postgres(let raw):
            var config = try SQLPostgresConfiguration(url: raw)
            if let schema { config.searchPath = [schema] }
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: poolSize, sqlLogLevel: .trace), as: .psql)
        }
        // The one check that the database speaks SQL (issue 18, §5); everything after asks `db.sql`.
        _ = try app.db.sql
    }

    /// The SQLite file's folder, made only by commands that use the database: `--help` and
    /// commands that need no database must not leave a `data/` folder behind (issue 12, item 15).
    static func ensureDirectory(_ database: AppConfig.Database) throws {
        guard case .sqlite(let path) = database else { return }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    }

    /// SQLite settings. WAL lets readers run beside a writer and persists in the file. The rest
    /// belong to a connection, so each pooled connection (one per event loop) gets them here:
    /// `synchronous = NORMAL` (in WAL, a commit no longer waits for fsync; a power cut can lose the
    /// last commits but never corrupts the file). Memory-mapped reads stay off: measured on the
    /// selection benchmark, the page faults after each write (the map follows the growing file)
    /// cost more than the copies they save.
    static func prepare(_ app: Application) async throws {
        guard isSQLite(app.db) else { return }
        try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
        for loop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            // A writer waits up to 30 s (the pool's own timeout) for another's lock, sleeping,
            // then gives up with "busy" (503, nothing written). The driver's default handler waits
            // for ever and spins: a stuck writer would hold a CPU and a pool thread with it.
            try await sql.raw("PRAGMA busy_timeout = 30000").run()
            try await sql.raw("PRAGMA mmap_size = 0").run()
        }
    }

    /// Runs `body` with a 128 MB page cache on each of `dbs` (SQLite), for book selection, which
    /// reads a few hundred scattered pages of the catalogue and its index per reader; then back to
    /// the default. The large cache slows bulk imports (17 s instead of 15 s for the Library of
    /// Congress file), so no connection keeps it.
    static func withReadCache<T: Sendable>(_ dbs: [any Database], _ body: () async throws -> T) async throws -> T {
        let sqls = dbs.compactMap { $0 as? any SQLDatabase }.filter { $0.dialect.name == "sqlite" }
        for sql in sqls { try await sql.raw("PRAGMA cache_size = -131072").run() }
        do {
            let result = try await body()
            for sql in sqls { try await sql.raw("PRAGMA cache_size = -2000").run() }
            return result
        } catch {
            for sql in sqls { try? await sql.raw("PRAGMA cache_size = -2000").run() }
            throw error
        }
    }

    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }
}
