import Fluent

struct M003CreateUserSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            // managed fields
            .field("token_hash", .string, .identifier(auto: false))
            // data fields
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("epoch", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).delete()
    }
}
