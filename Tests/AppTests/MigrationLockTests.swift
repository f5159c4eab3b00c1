import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import KnigonoshaApp

/// Issue 17, §3: after an upgrade every instance of a region starts at once; the migrations run
/// once, by one of them, under a PostgreSQL advisory lock, and the others start on the result.
@Suite struct MigrationLockTests {
    @Test func test_three_instances_migrating_one_new_schema_at_once_all_start_and_each_migration_runs_once() async throws {
        guard let url = TestDatabase.postgresURL else { return }
        let schema = "t_lock_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        var apps: [Application] = []
        for _ in 0..<3 {
            let app = try await Application.make(.testing)
            app.logger.logLevel = .critical
            var config = AppConfig(database: .postgres(url: url), bcryptCost: 4)
            config.uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-up-\(UUID())").path
            try await configure(app, config: config, postgresSchema: schema)
            apps.append(app)
        }
        try await apps[0].db.sqlDatabase().raw("CREATE SCHEMA \(ident: schema)").run()
        let outcomes = await withTaskGroup(of: String?.self) { group in
            for app in apps {
                group.addTask {
                    do {
                        try await Migrations.run(on: app)
                        return nil
                    } catch {
                        return String(reflecting: error)
                    }
                }
            }
            return await group.reduce(into: [String]()) { if let e = $1 { $0.append(e) } }
        }
        #expect(outcomes.isEmpty, "\(outcomes)")
        let names = try await MigrationLog.query(on: apps[0].db).all().map(\.name)
        #expect(names.count == Migrations.all.count && Set(names).count == names.count)
        try await apps[0].db.sqlDatabase().raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        for app in apps { try await app.asyncShutdown() }
    }

    @Test func test_the_lock_key_is_per_database_and_schema() {
        #expect(MigrationLock.key(database: "kn", schema: "") == MigrationLock.key(database: "kn", schema: ""))
        #expect(MigrationLock.key(database: "kn", schema: "a") != MigrationLock.key(database: "kn", schema: "b"))
        #expect(MigrationLock.key(database: "kn", schema: "") != MigrationLock.key(database: "other", schema: ""))
    }
}
