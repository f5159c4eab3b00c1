import Fluent

/// What a home service keeps about its carriers (issue 15, §1): the certificate of no criminal
/// record with its validity, training, the identity card's number (volunteers above all), how
/// they travel and where their day starts.
struct M076AddCarrierDetails: AsyncMigration {
    static let strings = ["certificate_on", "certificate_until", "trained_on", "id_card_number", "travel_mode"]
    static let numbers = ["start_latitude", "start_longitude"]

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one column per ALTER TABLE.
        for column in Self.strings { try await database.schema("users").field(.string(column), .string).update() }
        for column in Self.numbers { try await database.schema("users").field(.string(column), .double).update() }
    }

    func revert(on database: any Database) async throws {
        for column in Self.strings + Self.numbers { try await database.schema("users").deleteField(.string(column)).update() }
    }
}
