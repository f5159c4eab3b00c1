import Fluent

struct M021CreateHolidays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Holiday.schema)
            .id()
            .field("day", .string, .required)
            .field("name", .string, .required)
            .unique(on: "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Holiday.schema).delete()
    }
}
