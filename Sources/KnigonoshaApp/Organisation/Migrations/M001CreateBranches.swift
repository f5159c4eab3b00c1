import Fluent

struct M001CreateBranches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Branch.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("code", .string, .required)
            .field("name_ru", .string, .required)
            .field("name_kk", .string, .required)
            .field("address", .string, .required)
            .field("phone", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            // constraints
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Branch.schema).delete()
    }
}
