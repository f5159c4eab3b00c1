import Fluent
import SQLKit

/// The route an audit entry came from (`/readers/:id`, the pattern, never the path: a path or query
/// can hold a name someone searched for), and the indexes the audit page filters by.
struct M068AuditRoute: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log").field("route", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_log_at_idx").on("audit_log").column("at").run()
        try await sql.create(index: "audit_log_entity_idx").on("audit_log").column("entity_id").column("at").run()
        try await sql.create(index: "audit_log_user_idx").on("audit_log").column("user_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in ["audit_log_at_idx", "audit_log_entity_idx", "audit_log_user_idx"] { try await sql.drop(index: name).run() }
        try await database.schema("audit_log").deleteField("route").update()
    }
}
