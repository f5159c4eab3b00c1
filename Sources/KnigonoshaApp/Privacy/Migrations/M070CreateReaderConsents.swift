import Fluent
import Foundation
import SQLKit

/// Consent records by scope (issue 16, §3), with one row for each consent already on a reader's
/// record: the service consent as it was registered, and third-party or publication consent given
/// then too. Removed readers keep no consent rows.
struct M070CreateReaderConsents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReaderConsent.schema)
            .id()
            .field("created_at", .datetime)
            .field("reader_id", .uuid, .required, .references("readers", "id", onDelete: .cascade))
            .field("scope", .string, .required)
            .field("given_on", .string, .required)
            .field("way", .string, .required)
            .field("representative", .string)
            .field("until", .string)
            .field("withdrawn_on", .string)
            .field("scan_name", .string)
            .field("scan_type", .string)
            .field("scan_size", .int)
            .field("scan_stored", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "reader_consents_reader_scope_idx").on(ReaderConsent.schema).column("reader_id").column("scope").run()
        // The reader's columns by name, never the model: a later migration's column is not there yet.
        let rows = try await sql.select()
            .columns(
                "id", "consent_date", "consent_until", "consent_signed_by", "consent_representative", "consent_third_party", "consent_publication"
            )
            .from("readers").where("consent_date", .isNot, SQLLiteral.null).where("removed_as", .is, SQLLiteral.null)
            .all(decoding: RegisteredConsent.self)
        for registered in rows {
            for row in registered.consents() { try await row.create(on: database) }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReaderConsent.schema).delete()
    }
}

/// A reader's consent as the reader form registered it, before consent records existed.
struct RegisteredConsent: Decodable {
    var id: UUID
    var consent_date: String
    var consent_until: String?
    var consent_signed_by: String?
    var consent_representative: String?
    var consent_third_party: Bool
    var consent_publication: Bool

    /// The service consent, and third-party and publication consent given with it.
    func consents() -> [ReaderConsent] {
        let way: ConsentWay = consent_signed_by == ConsentSigner.representative.rawValue ? .caregiver : .signed
        var scopes: [ConsentScope] = [.service]
        if consent_third_party { scopes.append(.thirdParty) }
        if consent_publication { scopes.append(.publication) }
        return scopes.map { scope in
            let c = ReaderConsent()
            c.$reader.id = id
            c.scope = scope.rawValue
            c.givenOn = consent_date
            c.way = way.rawValue
            c.until = consent_until
            c.representative = way == .caregiver ? consent_representative : nil
            return c
        }
    }
}
