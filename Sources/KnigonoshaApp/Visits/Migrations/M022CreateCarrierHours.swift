import Fluent

struct M022CreateCarrierHours: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CarrierHours.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("weekday", .int, .required)
            .field("time_from", .string, .required)
            .field("time_to", .string, .required)
            .unique(on: "user_id", "weekday")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CarrierHours.schema).delete()
    }
}
