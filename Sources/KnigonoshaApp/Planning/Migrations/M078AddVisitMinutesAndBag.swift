import Fluent

/// What the week's plan needs from people (issue 15, §2): how long a visit to this reader usually
/// takes (empty: 20 minutes), and how many items a carrier's bag holds (empty: no limit).
struct M078AddVisitMinutesAndBag: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("readers").field("visit_minutes", .int).update()
        try await database.schema("users").field("bag_capacity", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("readers").deleteField("visit_minutes").update()
        try await database.schema("users").deleteField("bag_capacity").update()
    }
}
