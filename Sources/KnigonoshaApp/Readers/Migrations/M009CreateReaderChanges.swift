import Fluent

struct M009CreateReaderChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReaderChange.schema)
            // managed fields
            .id()
            // data fields
            .field("reader_id", .uuid, .required, .references(Reader.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("changed_at", .datetime, .required)
            .field("field", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReaderChange.schema).delete()
    }
}
