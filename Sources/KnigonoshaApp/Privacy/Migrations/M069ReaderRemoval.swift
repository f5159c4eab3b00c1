import Fluent

/// What happened to a reader's personal data, and why: `removed_as` is `anonymised` or `erased`,
/// with the day and the reason. A removed reader's row stays, emptied, because visits and loans
/// keep pointing at it and the statistics count them.
struct M069ReaderRemoval: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one column per ALTER TABLE.
        for column in ["removed_as", "removed_on", "removal_reason"] {
            try await database.schema("readers").field(.string(column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["removed_as", "removed_on", "removal_reason"] {
            try await database.schema("readers").deleteField(.string(column)).update()
        }
    }
}
