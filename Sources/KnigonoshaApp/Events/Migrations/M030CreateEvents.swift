import Fluent
import SQLKit

/// The event register.
struct M030CreateEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Event.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("title", .string, .required)
            .field("type", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("time_from", .string)
            .field("time_to", .string)
            .field("place", .string, .required)
            .field("organiser", .string, .required)
            .field("branch_id", .uuid, .references(Branch.schema, "id", onDelete: .restrict))
            .field("target_groups", .string, .required)
            .field("participants", .string, .required)
            .field("participants_total", .int, .required)
            .field("children", .int)
            .field("youth", .int)
            .field("adults", .int)
            .field("disabled", .int)
            .field("goal", .string, .required)
            .field("expected_result", .string, .required)
            .field("actual_result", .string)
            .field("notes", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "events_starts_on_idx").on(Event.schema).column("starts_on").run()
        try await sql.create(index: "events_branch_idx").on(Event.schema).column("branch_id").column("starts_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Event.schema).delete()
    }
}
