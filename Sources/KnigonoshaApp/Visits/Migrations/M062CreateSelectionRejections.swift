import Fluent

/// Titles a coordinator swapped away from a visit's selection: they are not suggested for that
/// visit again (issue 12, finding 2).
struct M062CreateSelectionRejections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SelectionRejection.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(Visit.schema, "id", onDelete: .cascade))
            .field("bib_id", .int, .required, .references(BibRecord.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "visit_id", "bib_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SelectionRejection.schema).delete()
    }
}
