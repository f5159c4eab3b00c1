import Fluent

/// The social-project registry.
struct M033CreateProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Project.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("name", .string, .required)
            .field("branch_id", .uuid, .references(Branch.schema, "id", onDelete: .restrict))
            .field("organisation", .string, .required)
            .field("target_groups", .string, .required)
            .field("goal", .string, .required)
            .field("description", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("status", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Project.schema).delete()
    }
}
