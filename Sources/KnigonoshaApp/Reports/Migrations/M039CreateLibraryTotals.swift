import Fluent

/// The library's totals, for the home service's share.
struct M039CreateLibraryTotals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LibraryTotal.schema)
            .id()
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("branch_id", .uuid, .references(Branch.schema, "id", onDelete: .cascade))
            .field("users", .int)
            .field("visits", .int)
            .field("issued", .int)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LibraryTotal.schema).delete()
    }
}
