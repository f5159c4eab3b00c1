import Fluent
import SQLKit
import Vapor

/// What stops the service before it starts, with a message that says what to do (exit status 2,
/// like a configuration mistake): a database that does not answer, and a database already
/// migrated by a newer build, which this one would misread.
struct StartupFailure: Error, CustomStringConvertible {
    let description: String
}

enum StartupChecks {
    /// The database answers a trivial query. The message names the host and database only: a
    /// `DATABASE_URL` may carry a password, and the driver's own error hides its cause.
    static func reachable(_ app: Application, _ database: AppConfig.Database) async throws {
        do {
            try await app.db.sqlDatabase().raw("SELECT 1").run()
        } catch {
            throw StartupFailure(description: "Startup error: " + unreachable(database, error))
        }
    }

    static func unreachable(_ database: AppConfig.Database, _ error: any Error) -> String {
        switch database {
        case .sqlite(let path):
            return "the SQLite database \(path) cannot be opened (\(type(of: error))). Check that its folder exists and is writable."
        case .postgres(let raw):
            let url = URLComponents(string: raw)
            let place = "\(url?.host ?? "?"):\(url?.port ?? 5432)/\(url?.path.dropFirst() ?? "")"
            // PostgresNIO keeps the reason out of `description`; the reflection names the errno or
            // the server's refusal, never the password.
            let reason = String(reflecting: error).range(of: "Connection refused") != nil ? "connection refused" : "\(type(of: error))"
            return "PostgreSQL at \(place) does not answer (\(reason)). Check DATABASE_URL and that the server runs and lets this host in."
        }
    }

    /// Every migration the database has run is one this build knows. A newer build's migration
    /// means a newer schema: this binary would run on it half-blind, so it stops.
    static func schemaNotNewer(_ app: Application) async throws {
        let applied: [String]
        do {
            applied = try await MigrationLog.query(on: app.db).all().map(\.name)
        } catch {
            return  // a new database has no migration log yet
        }
        let known = Set(Migrations.all.map(\.name))
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw StartupFailure(
                description:
                    "Startup error: the database was migrated by a newer Knigonosha (its migration \(unknown) is unknown to this build). Run the newer build, or restore a backup made with this one (docs/DEPLOYMENT.md)."
            )
        }
    }
}
