import Fluent

struct M012CreateBibRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BibRecord.schema)
            // managed fields
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("match_key", .string, .required)
            .field("flavor", .string, .required)
            .field("title", .string, .required)
            .field("subtitle", .string)
            .field("contributors", .string, .required)
            .field("edition", .string)
            .field("year", .int)
            .field("publisher", .string)
            .field("place", .string)
            .field("isbns", .string, .required)
            .field("issns", .string, .required)
            .field("languages", .string, .required)
            .field("subjects", .string, .required)
            .field("genres", .string, .required)
            .field("series", .string)
            .field("series_number", .string)
            .field("physical", .string)
            .field("summary", .string)
            .field("audience", .string)
            .field("form", .string, .required)
            .field("marc", .data, .required)
            // constraints
            .unique(on: "match_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BibRecord.schema).delete()
    }
}
