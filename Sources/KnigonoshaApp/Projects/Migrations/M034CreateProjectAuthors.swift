import Fluent

struct M034CreateProjectAuthors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectAuthor.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("name", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectAuthor.schema).delete()
    }
}
