import Fluent

/// A running import holds a lease that it renews as it goes; a job whose lease ran out (its
/// instance crashed) is taken up again, a few times at most (issue 13, section 2).
struct M061AddImportJobLease: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJob.schema).field("heartbeat_at", .datetime).update()
        try await database.schema(ImportJob.schema).field("attempts", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJob.schema).deleteField("attempts").update()
        try await database.schema(ImportJob.schema).deleteField("heartbeat_at").update()
    }
}
