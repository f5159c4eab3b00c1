import Fluent

struct M015CreateImportIssues: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportIssue.schema)
            // managed fields
            .id()
            // data fields
            .field("job_id", .uuid, .required, .references(ImportJob.schema, "id", onDelete: .cascade))
            .field("record_number", .int, .required)
            .field("reason", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportIssue.schema).delete()
    }
}
