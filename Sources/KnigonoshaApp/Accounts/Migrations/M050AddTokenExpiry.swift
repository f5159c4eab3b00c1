import Fluent

/// An API token may end on a date of its owner's choosing (issue 19, finding 7).
struct M050AddTokenExpiry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema).field("expires_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).deleteField("expires_at").update()
    }
}
