import Fluent

struct M017CreateVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Visit.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // plan; a carrier's account going away never takes visit history with it
            .field("reader_id", .uuid, .required, .references(Reader.schema, "id", onDelete: .restrict))
            .field("branch_id", .uuid, .required, .references(Branch.schema, "id", onDelete: .restrict))
            .field("carrier_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("scheduled_on", .string, .required)
            .field("time_from", .string)
            .field("time_to", .string)
            .field("kind", .string, .required)
            // request
            .field("requested_by", .string)
            .field("request_channel", .string)
            .field("request_text", .string)
            .field("requested_at", .datetime)
            // outcome
            .field("status", .string, .required)
            .field("reason", .string)
            .field("reason_note", .string)
            .field("rescheduled_to", .uuid)
            .field("minutes_spent", .int)
            .field("comment", .string)
            .field("completed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Visit.schema).delete()
    }
}
