import Fluent

struct M006CreateReaders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Reader.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // identity
            .field("family_name", .string, .required)
            .field("given_name", .string, .required)
            .field("patronymic", .string)
            .field("birth_date", .string)
            .field("card_number", .string, .required)
            .field("branch_id", .uuid, .required, .references(Branch.schema, "id", onDelete: .restrict))
            // contact
            .field("preferred_channel", .string)
            .field("caregiver_name", .string)
            .field("caregiver_relation", .string)
            .field("caregiver_phone", .string)
            // address
            .field("settlement", .string, .required)
            .field("street", .string, .required)
            .field("building", .string, .required)
            .field("apartment", .string)
            .field("entrance", .string)
            .field("floor", .int)
            .field("intercom", .string)
            .field("has_lift", .bool)
            .field("access_notes", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            // service and needs
            .field("disability_group", .string, .required)
            .field("items_per_visit", .int, .required)
            .field("time_from", .string)
            .field("time_to", .string)
            .field("frequency", .string, .required)
            // status
            .field("status", .string, .required)
            .field("pause_from", .string)
            .field("pause_until", .string)
            .field("pause_reason", .string)
            .field("ended_on", .string)
            .field("end_reason", .string)
            // registration
            .field("referral_source", .string)
            .field("registered_on", .string, .required)
            // consent
            .field("consent_date", .string)
            .field("consent_until", .string)
            .field("consent_signed_by", .string)
            .field("consent_representative", .string)
            .field("consent_third_party", .bool, .required)
            .field("consent_publication", .bool, .required)
            .field("notes", .string)
            .field("search_text", .string, .required)
            // constraints
            .unique(on: "card_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Reader.schema).delete()
    }
}
