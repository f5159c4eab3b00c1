import Fluent

struct M020CreateVisitEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VisitEvent.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(Visit.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("user_name", .string, .required)
            .field("kind", .string, .required)
            .field("from_value", .string)
            .field("to_value", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitEvent.schema).delete()
    }
}
