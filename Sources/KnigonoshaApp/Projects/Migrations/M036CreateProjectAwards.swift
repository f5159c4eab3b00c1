import Fluent

struct M036CreateProjectAwards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectAward.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("awarded_by", .string, .required)
            .field("awarded_on", .string, .required)
            .field("recipient", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectAward.schema).delete()
    }
}
