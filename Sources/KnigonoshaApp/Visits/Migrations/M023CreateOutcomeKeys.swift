import Fluent

struct M023CreateOutcomeKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutcomeKey.schema)
            .id()
            .field("key", .string, .required)
            .field("user_id", .uuid, .required)
            .field("visit_id", .uuid, .required, .references(Visit.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutcomeKey.schema).delete()
    }
}
