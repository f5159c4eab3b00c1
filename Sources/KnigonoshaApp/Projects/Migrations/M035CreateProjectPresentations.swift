import Fluent

struct M035CreateProjectPresentations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectPresentation.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("venue", .string, .required)
            .field("venue_kind", .string, .required)
            .field("presented_on", .string, .required)
            .field("material", .string, .required)
            .field("link", .string)
            .field("notes", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectPresentation.schema).delete()
    }
}
