import Fluent

/// What a reader read before this service, from the library system's loan history (issue 14,
/// §3): book selection then never re-sends it from day one. One row per reader, title and day,
/// so that importing the same history twice adds nothing.
struct M067CreateReadingHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReadingHistory.schema)
            .id()
            .field("reader_id", .uuid, .required, .references(Reader.schema, "id", onDelete: .cascade))
            .field("bib_id", .int, .required, .references(BibRecord.schema, "id", onDelete: .cascade))
            .field("read_on", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "reader_id", "bib_id", "read_on")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReadingHistory.schema).delete()
    }
}
