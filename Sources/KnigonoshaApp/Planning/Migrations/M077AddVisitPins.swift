import Fluent

/// The coordinator's pins on a visit for the week's plan (issue 15, §2): keep this carrier, keep
/// this day. Empty means not pinned, so existing visits need no value.
struct M077AddVisitPins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("visits").field("pin_carrier", .bool).update()
        try await database.schema("visits").field("pin_day", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("visits").deleteField("pin_carrier").update()
        try await database.schema("visits").deleteField("pin_day").update()
    }
}
