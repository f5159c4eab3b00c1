import Fluent

struct M018CreateVisitItems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VisitItem.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(Visit.schema, "id", onDelete: .cascade))
            .field("bib_id", .int, .required, .references(BibRecord.schema, "id", onDelete: .restrict))
            .field("copy_id", .uuid, .references(Copy.schema, "id", onDelete: .restrict))
            .field("state", .string, .required)
            .field("score", .double)
            .field("reasons", .string, .required)
            .field("position", .int, .required)
            .field("source", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitItem.schema).delete()
    }
}
