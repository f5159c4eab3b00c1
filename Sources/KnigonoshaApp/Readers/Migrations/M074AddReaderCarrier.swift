import Fluent

/// The reader's carrier of record (issue 15, §1). No foreign key: SQLite cannot add one to an
/// existing table, and accounts are never deleted (deactivated and anonymised instead).
struct M074AddReaderCarrier: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("readers").field("carrier_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("readers").deleteField("carrier_id").update()
    }
}
