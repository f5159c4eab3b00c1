import Fluent

/// The day the reader's service consent was withdrawn, mirrored from their consent records so that
/// planning and the run sheet, which read the reader, stop from that day.
struct M071ReaderConsentWithdrawn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("readers").field("consent_withdrawn_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("readers").deleteField("consent_withdrawn_on").update()
    }
}
