import Fluent

struct M013CreateCopies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Copy.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("bib_id", .int, .required, .references(BibRecord.schema, "id", onDelete: .cascade))
            .field("inventory_number", .string, .required)
            .field("barcode", .string)
            .field("branch_id", .uuid, .references(Branch.schema, "id", onDelete: .restrict))
            .field("shelf_mark", .string)
            .field("acquired_on", .string)
            .field("notes", .string)
            .field("status", .string, .required)
            // constraints
            .unique(on: "inventory_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Copy.schema).delete()
    }
}
