import Fluent

struct M037CreateProjectIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectIndicator.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("metric", .string, .required)
            .field("target", .int, .required)
            .field("manual_value", .int)
            .field("source", .string)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectIndicator.schema).delete()
    }
}
