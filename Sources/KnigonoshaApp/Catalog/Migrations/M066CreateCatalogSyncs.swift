import Fluent

/// One row per `knigonosha catalog sync`: which export it read (by content hash, so that the same
/// export twice is recognised), what changed, and the report staff read on the import page.
struct M066CreateCatalogSyncs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CatalogSync.schema)
            .id()
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("file_name", .string, .required)
            .field("sha256", .string, .required)
            .field("outcome", .string, .required)
            .field("summary", .string, .required)
            .field("report", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogSync.schema).delete()
    }
}
