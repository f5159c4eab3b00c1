import Fluent

struct M002CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("email", .string, .required)
            .field("full_name", .string, .required)
            .field("role", .string, .required)
            .field("branch_id", .uuid, .references(Branch.schema, "id", onDelete: .restrict))
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("session_epoch", .int, .required)
            // constraints
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
