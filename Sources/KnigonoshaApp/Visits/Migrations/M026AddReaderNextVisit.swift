import Fluent

/// The coordinator's override of a reader's next visit date.
struct M026AddReaderNextVisit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Reader.schema).field("next_visit_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Reader.schema).deleteField("next_visit_on").update()
    }
}
