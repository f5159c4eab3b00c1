import Fluent

struct M010CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            // managed fields
            .id()
            // data fields
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid)
            .field("channel", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
