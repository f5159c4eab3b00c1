import Fluent
import Foundation
import SQLKit

/// When an account was deactivated, and when its personal data went (issue 16, §6). An account
/// already deactivated is taken as deactivated on the day it was last changed.
struct M072AccountDeactivation: AsyncMigration {
    struct Row: Decodable {
        var id: UUID
        var updated_at: Date?
    }

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one column per ALTER TABLE.
        for column in ["deactivated_on", "anonymised_on"] {
            try await database.schema("users").field(.string(column), .string).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        let rows = try await sql.select().columns("id", "updated_at").from("users").where("is_active", .equal, SQLLiteral.boolean(false))
            .all(decoding: Row.self)
        for row in rows {
            let day = LocalDate.today(in: AppConfig.defaultTimeZone, now: row.updated_at ?? Date())
            try await sql.update("users").set("deactivated_on", to: day.iso).where("id", .equal, row.id).run()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["deactivated_on", "anonymised_on"] {
            try await database.schema("users").deleteField(.string(column)).update()
        }
    }
}
