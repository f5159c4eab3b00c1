import Fluent

struct M019CreateLoans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Loan.schema)
            .id()
            .field("created_at", .datetime)
            .field("reader_id", .uuid, .required, .references(Reader.schema, "id", onDelete: .restrict))
            .field("bib_id", .int, .required, .references(BibRecord.schema, "id", onDelete: .restrict))
            .field("copy_id", .uuid, .required, .references(Copy.schema, "id", onDelete: .restrict))
            .field("visit_id", .uuid, .references(Visit.schema, "id", onDelete: .setNull))
            .field("issued_on", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("returned_on", .string)
            .field("return_visit_id", .uuid, .references(Visit.schema, "id", onDelete: .setNull))
            .field("rating", .int)
            .field("comment", .string)
            .field("renewals", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Loan.schema).delete()
    }
}
