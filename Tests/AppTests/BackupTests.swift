import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 13, section 5: a backup of the live database and the attachments, restored and checked;
/// files that are not backups, or come from a newer version, change nothing.
@Suite(.serialized) struct BackupTests {
    @Test(arguments: TestDatabase.all)
    func test_a_backup_restores_what_was_there(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kn-backup-\(UUID())").path
            try FileManager.default.createDirectory(atPath: root + "/attachments", withIntermediateDirectories: true)
            app.config.attachmentDirectory = root + "/attachments"
            try Data("photo".utf8).write(to: URL(fileURLWithPath: root + "/attachments/a.png"))
            let kept = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-KEEP"), by: seed.coordinator)
            let file = root + "/backup.tar.gz"
            let manifest = try await Backup.make(app, to: file)
            #expect(manifest.tables["readers"] == 1)
            #expect(manifest.attachments == 1)
            // After the backup: a reader added, one changed, the photo gone.
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-LATER", family: "Позднее"), by: seed.coordinator)
            kept.familyName = "Изменено"
            try await kept.save(on: app.db)
            try FileManager.default.removeItem(atPath: root + "/attachments/a.png")
            // `knigonosha restore` is a process of its own, with the service stopped: a fresh app.
            let other = try await Self.freshApp(like: app, db: db)
            do {
                try Backup.check(Backup.read(file), for: other)
                let restored = try await Backup.restore(other, from: file)
                #expect(restored.readersChecksum == manifest.readersChecksum)
                let readers = try await Reader.query(on: other.db).all()
                #expect(readers.map(\.cardNumber) == ["N-KEEP"])
                #expect(readers.first?.familyName == "Ковалёв")
                #expect(FileManager.default.fileExists(atPath: root + "/attachments/a.png"))
            } catch {
                try? await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
        }
    }

    /// Review: a restore under a running service reported success and the service's later edits
    /// were lost. A running service holds the file's lock; the restore refuses and changes nothing.
    @Test func test_a_restore_refuses_while_the_service_runs() async throws {
        try await withTestApp(.sqlite) { app in
            let seed = try await Seed.make(app)
            guard case .sqlite(let path) = app.config.database else { return }
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kn-backup-\(UUID())").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            app.config.attachmentDirectory = root + "/attachments"
            let file = root + "/b.tar.gz"
            _ = try await Backup.make(app, to: file)
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-AFTER"), by: seed.coordinator)
            let other = try await Self.freshApp(like: app, db: .sqlite)
            do {
                let serving = try #require(DatabaseLock.shared(for: path))
                await #expect(throws: CommandFailure.self) { _ = try await Backup.restore(other, from: file) }
                withExtendedLifetime(serving) {}
            }
            try await other.asyncShutdown()
            #expect(try await Reader.query(on: app.db).count() == 1)
            // Once the service has stopped, a restore may take the file.
            #expect(DatabaseLock.exclusive(for: path) != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_what_is_not_a_backup_changes_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kn-backup-\(UUID())").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            app.config.attachmentDirectory = root + "/attachments"
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-STAY"), by: seed.coordinator)
            // Not a backup at all.
            let junk = root + "/junk.tar.gz"
            try Data("not a backup".utf8).write(to: URL(fileURLWithPath: junk))
            #expect(throws: CommandFailure.self) { try Backup.read(junk) }
            // A backup from a newer version: its schema has a migration this build does not know.
            let file = root + "/b.tar.gz"
            _ = try await Backup.make(app, to: file)
            let work = root + "/edit"
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            try Self.shell("tar -xzf \(file) -C \(work)")
            var manifest = try JSONDecoder.iso.decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: work + "/manifest.json")))
            manifest.migrations.append("KnigonoshaApp.M999FromTheFuture")
            try JSONEncoder.iso.encode(manifest).write(to: URL(fileURLWithPath: work + "/manifest.json"))
            let newer = root + "/newer.tar.gz"
            try Self.shell("tar -czf \(newer) -C \(work) .")
            let read = try Backup.read(newer)
            #expect(throws: CommandFailure.self) { try Backup.check(read, for: app) }
            #expect(try await Reader.query(on: app.db).count() == 1)
        }
    }

    /// Review of issue 13: a backup cut short, or whose data does not match its manifest, was put
    /// in place of the live database and only then refused. Now it is refused first and the live
    /// data stays; a good restore keeps what was there beside it (SQLite).
    @Test(arguments: TestDatabase.all)
    func test_a_damaged_backup_is_refused_before_anything_is_replaced(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kn-backup-\(UUID())").path
            try FileManager.default.createDirectory(atPath: root + "/attachments", withIntermediateDirectories: true)
            app.config.attachmentDirectory = root + "/attachments"
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-OLD"), by: seed.coordinator)
            let file = root + "/b.tar.gz"
            _ = try await Backup.make(app, to: file)
            // Work done after the backup, which a refused restore must not lose.
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-NEW", family: "Позже"), by: seed.coordinator)
            let databaseFile = db == .sqlite ? "database.sqlite" : "database.sql"

            func damaged(_ name: String, _ change: (String) throws -> Void) throws -> String {
                let work = root + "/" + name
                try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
                try Self.shell("tar -xzf \(file) -C \(work)")
                try change(work)
                let out = root + "/" + name + ".tar.gz"
                try Self.shell("tar -czf \(out) -C \(work) .")
                return out
            }
            // The database cut short, as by a full disk.
            let cut = try damaged("cut") { work in
                let path = work + "/" + databaseFile
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                try data.prefix(data.count * 2 / 3).write(to: URL(fileURLWithPath: path))
            }
            // The manifest promises a reader more than the data holds.
            let tampered = try damaged("tampered") { work in
                let path = work + "/manifest.json"
                var manifest = try JSONDecoder.iso.decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                manifest.tables["readers", default: 0] += 1
                try JSONEncoder.iso.encode(manifest).write(to: URL(fileURLWithPath: path))
            }
            for bad in [cut, tampered] {
                let other = try await Self.freshApp(like: app, db: db)
                let error = await #expect(throws: CommandFailure.self) { _ = try await Backup.restore(other, from: bad) }
                try await other.asyncShutdown()
                // The reason is said plainly, without psql's notices before it.
                if bad == tampered {
                    #expect(error?.description.contains("does not match") == true, "\(error?.description ?? "")")
                    #expect(error?.description.contains("NOTICE") == false)
                }
                let cards = try await Reader.query(on: app.db).sort(\.$cardNumber).all().map(\.cardNumber)
                #expect(cards == ["N-NEW", "N-OLD"], "\(bad)")
            }
            // The good backup: restored, and on SQLite the replaced database is kept beside it.
            let other = try await Self.freshApp(like: app, db: db)
            do {
                _ = try await Backup.restore(other, from: file)
                #expect(try await Reader.query(on: other.db).all().map(\.cardNumber) == ["N-OLD"])
                if case .sqlite(let path) = app.config.database {
                    #expect(FileManager.default.fileExists(atPath: Backup.keptPath(path)))
                    #expect(!FileManager.default.fileExists(atPath: path + ".restoring"))
                }
            } catch {
                try? await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
            if case .sqlite(let path) = app.config.database {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: Backup.keptPath(path) + suffix) }
            }
        }
    }

    static func freshApp(like app: Application, db: TestDatabase) async throws -> Application {
        let other = try await Application.make(.testing)
        other.logger.logLevel = .warning
        var schema: String?
        if db == .postgres, let sql = app.db as? any SQLDatabase {
            schema = try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self)
        }
        try await configure(other, config: app.config, postgresSchema: schema)
        return other
    }

    static func shell(_ command: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TestSetupError("\(command) failed") }
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}

extension JSONEncoder {
    static var iso: JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        return e
    }
}
