import FluentPostgresDriver
import PostgresKit
import Vapor

/// On PostgreSQL, instances of a region start together after an upgrade: migrations must run once,
/// by one of them. Each takes a session-level advisory lock on a connection of its own (not the
/// pool's, which the migrations need) before migrating; the others wait, then find nothing left to
/// do. The key is per database and schema, so that test schemas do not wait for each other.
enum MigrationLock {
    private struct SchemaKey: StorageKey { typealias Value = String }

    /// Remembers the schema `configure` was given, for the key.
    static func remember(schema: String?, on app: Application) {
        if let schema { app.storage[SchemaKey.self] = schema }
    }

    static func run<T: Sendable>(_ app: Application, _ body: () async throws -> T) async throws -> T {
        guard case .postgres(let raw) = app.config.database else { return try await body() }
        let config = try SQLPostgresConfiguration(url: raw)
        let connection = try await PostgresConnection.connect(
            on: app.eventLoopGroup.any(), configuration: config.coreConfiguration, id: 0, logger: app.logger)
        let key = self.key(database: config.coreConfiguration.database ?? "", schema: app.storage[SchemaKey.self] ?? "")
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(\(key))", logger: app.logger).collect()
            let result = try await body()
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))", logger: app.logger).collect()
            try? await connection.close()
            return result
        } catch {
            // Closing the session releases its lock too.
            try? await connection.close()
            throw error
        }
    }

    /// FNV-1a of the database and schema names: stable across builds and instances.
    static func key(database: String, schema: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "knigonosha-migrations:\(database):\(schema)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
