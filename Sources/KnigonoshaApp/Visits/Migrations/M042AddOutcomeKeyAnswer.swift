import Fluent

/// What the first request under an idempotency key recorded: the visit's new status and the HTTP
/// status it was answered with, so a resend is answered the same way. Rows written before this
/// migration have neither and are answered from the visit as it is now.
/// One field per `update()`: SQLite adds a single column per `ALTER TABLE`.
struct M042AddOutcomeKeyAnswer: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutcomeKey.schema).field("recorded_status", .string).update()
        try await database.schema(OutcomeKey.schema).field("answer_code", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutcomeKey.schema).deleteField("answer_code").update()
        try await database.schema(OutcomeKey.schema).deleteField("recorded_status").update()
    }
}
