import Fluent

/// Skip reasons and repairs are reported in the reader's language: each row keeps its code, and
/// records read with repairs are listed too (issue 12 item 11, issue 14).
struct M051AddImportIssueCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportIssue.schema).field("code", .string).update()
        try await database.schema(ImportIssue.schema).field("kind", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportIssue.schema).deleteField("kind").update()
        try await database.schema(ImportIssue.schema).deleteField("code").update()
    }
}
