import Fluent

struct M008CreateReaderTags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReaderTag.schema)
            // managed fields
            .id()
            // data fields
            .field("reader_id", .uuid, .required, .references(Reader.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReaderTag.schema).delete()
    }
}
