import Crypto
import Fluent
import Foundation
import SQLKit

/// What a backup says of itself, written beside the data: which database, which migrations made
/// its schema, and the figures a restore is checked against.
struct BackupManifest: Codable, Equatable {
    static let format = "knigonosha-backup"
    var format: String
    var version: Int
    var database: String
    var createdAt: Date
    var migrations: [String]
    var tables: [String: Int]
    var readersChecksum: String
    var attachments: Int

    /// The figures of a live database: every table's row count and a checksum of the readers.
    static func figures(_ db: any Database) async throws -> (tables: [String: Int], readers: String, migrations: [String]) {
        guard let sql = db as? any SQLDatabase else { throw CommandFailure("the database does not speak SQL") }
        let names: [String]
        if sql.dialect.name == "sqlite" {
            names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
        } else {
            names = try await sql.raw(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            ).all().map { try $0.decode(column: "name", as: String.self) }
        }
        var tables: [String: Int] = [:]
        for name in names {
            tables[name] = try await sql.raw("SELECT count(*) AS n FROM \(ident: name)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        // Every reader's id and what their record says, in id order: a restore that lost or
        // changed one reader does not match.
        var hash = SHA256()
        for reader in try await Reader.query(on: db).sort(\.$id).all() {
            hash.update(data: Data("\(reader.id!.uuidString)|\(reader.searchText)|\(reader.status)\n".utf8))
        }
        let readers = hash.finalize().map { String(format: "%02x", $0) }.joined()
        let migrations = try await MigrationLog.query(on: db).sort(\.$batch).sort(\.$createdAt).all().map(\.name)
        return (tables, readers, migrations)
    }
}
