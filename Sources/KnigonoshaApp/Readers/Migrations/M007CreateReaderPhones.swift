import Fluent

struct M007CreateReaderPhones: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReaderPhone.schema)
            // managed fields
            .id()
            // data fields
            .field("reader_id", .uuid, .required, .references(Reader.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("label", .string, .required)
            .field("number", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReaderPhone.schema).delete()
    }
}
