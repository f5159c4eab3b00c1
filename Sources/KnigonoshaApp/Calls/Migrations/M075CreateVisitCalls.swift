import Fluent
import SQLKit

/// Reminder calls before visits (issue 15, §3), read by visit.
struct M075CreateVisitCalls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VisitCall.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(Visit.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid)
            .field("result", .string, .required)
            .field("moved_to", .string)
            .field("note", .string)
            .field("called_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "visit_calls_visit").on(VisitCall.schema).column("visit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitCall.schema).delete()
    }
}
