import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Runs `body` against the real app on a fresh, isolated database: a new SQLite file, or a new
/// PostgreSQL schema that is dropped afterwards. Non-local PostgreSQL hosts are refused.
func withTestApp(_ db: TestDatabase, trustForwardedFor: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    // Each app its own blocking-thread pool, as a server has. SQLite runs on it, and a writer that
    // waits for another's lock holds its thread: with every test app sharing the process's two
    // threads, waiters of several apps took both and the suite stalled.
    app.threadPool = NIOThreadPool(numberOfThreads: 2)
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    var schema: String?
    var sqlitePath: String?
    let database: AppConfig.Database
    switch db {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-test-\(suffix).sqlite").path
        sqlitePath = path
        database = .sqlite(path: path)
    case .postgres:
        guard let raw = TestDatabase.postgresURL, let host = URL(string: raw)?.host, ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        else {
            try await app.asyncShutdown()
            throw TestSetupError("tests refuse a non-local PostgreSQL host")
        }
        schema = "t_\(suffix)"
        database = .postgres(url: raw)
    }
    app.logger.logLevel = .warning
    var config = AppConfig(database: database, bcryptCost: 4)
    config.trustForwardedFor = trustForwardedFor
    // Each test its own upload folder: the runner's sweep removes files there.
    config.uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-uploads-\(suffix)").path
    // And its own attachments, so that a test counting files sees only its own.
    config.attachmentDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-attachments-\(suffix)").path
    // Statements are logged at trace, which only a statement-counting request logger takes in.
    config.sqliteQueryLogLevel = .trace
    do {
        try await configure(app, config: config, postgresSchema: schema)
        app.storage[TestInstanceKey.self] = TestInstance(config: config, schema: schema)
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await Migrations.run(on: app)
        try await body(app)
    } catch {
        await cleanUp(app, schema: schema, sqlitePath: sqlitePath)
        throw error
    }
    await cleanUp(app, schema: schema, sqlitePath: sqlitePath)
}

private func cleanUp(_ app: Application, schema: String?, sqlitePath: String?) async {
    if let config = app.storage[TestInstanceKey.self]?.config {
        try? FileManager.default.removeItem(atPath: config.uploadDirectory)
        try? FileManager.default.removeItem(atPath: config.attachmentDirectory)
    }
    if let schema, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    if let sqlitePath {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
    }
}

/// How a test app was configured, so that a second instance can share its database.
struct TestInstance: Sendable {
    var config: AppConfig
    var schema: String?
}
struct TestInstanceKey: StorageKey { typealias Value = TestInstance }

/// Runs `body` with a second app instance on the same database as `app` (the same SQLite file or
/// PostgreSQL schema), as a second server of a region would be: its own connection pool, no
/// shared memory with the first.
func withSecondInstance(of app: Application, _ body: (Application) async throws -> Void) async throws {
    let instance = try #require(app.storage[TestInstanceKey.self])
    let other = try await Application.make(.testing)
    other.logger.logLevel = .warning
    do {
        try await configure(other, config: instance.config, postgresSchema: instance.schema)
        try await body(other)
    } catch {
        try? await other.asyncShutdown()
        throw error
    }
    try await other.asyncShutdown()
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
