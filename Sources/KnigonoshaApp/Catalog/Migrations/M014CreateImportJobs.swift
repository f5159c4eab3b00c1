import Fluent

struct M014CreateImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJob.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            // data fields
            .field("created_by", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("file_name", .string, .required)
            .field("stored_path", .string, .required)
            .field("kind", .string, .required)
            .field("options", .string, .required)
            .field("status", .string, .required)
            .field("total_bytes", .int, .required)
            .field("processed_bytes", .int, .required)
            .field("imported", .int, .required)
            .field("updated", .int, .required)
            .field("skipped", .int, .required)
            .field("message", .string)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJob.schema).delete()
    }
}
