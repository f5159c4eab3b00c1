import Fluent
import SQLKit

/// Carriers' absences (issue 15, §1), looked up by carrier and by the days they end on.
struct M073CreateCarrierAbsences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CarrierAbsence.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "carrier_absences_user_ends").on(CarrierAbsence.schema).column("user_id").column("ends_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CarrierAbsence.schema).delete()
    }
}
