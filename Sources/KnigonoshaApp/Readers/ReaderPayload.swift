import Vapor

/// A labelled phone, as the API and the history see it.
struct PhoneEntry: Content, Equatable {
    var label: String?
    var number: String?
}

/// A reader as a client sends it (POST and PUT). Every field is optional here so that a missing
/// one gets a "required" message naming it, not a decoding failure. Property names mirror the
/// JSON wire format.
struct ReaderPayload: Content {
    var family_name: String?
    var given_name: String?
    var patronymic: String?
    var birth_date: String?
    var card_number: String?
    var branch_id: UUID?
    var phones: [PhoneEntry]?
    var preferred_channel: String?
    var caregiver_name: String?
    var caregiver_relation: String?
    var caregiver_phone: String?
    var settlement: String?
    var street: String?
    var building: String?
    var apartment: String?
    var entrance: String?
    var floor: Int?
    var intercom: String?
    var has_lift: Bool?
    var access_notes: String?
    var latitude: Double?
    var longitude: Double?
    var disability_group: String?
    var needs: [String]?
    var formats: [String]?
    var languages: [String]?
    var subjects: [String]?
    var genres: [String]?
    var authors: [String]?
    var excluded_topics: [String]?
    var excluded_authors: [String]?
    var series: [String]?
    var items_per_visit: Int?
    var visit_minutes: Int?
    var carrier_id: UUID?
    var weekdays: [String]?
    var time_from: String?
    var time_to: String?
    var frequency: String?
    var status: String?
    var pause_from: String?
    var pause_until: String?
    var pause_reason: String?
    var ended_on: String?
    var end_reason: String?
    var referral_source: String?
    var registered_on: String?
    var consent_date: String?
    var consent_until: String?
    var consent_signed_by: String?
    var consent_representative: String?
    var consent_third_party: Bool?
    var consent_publication: Bool?
    var notes: String?
}

/// A validated reader: what is stored, and what the API returns (with `id` and timestamps).
struct ReaderRecord: Content, Equatable {
    var id: UUID?
    var family_name: String
    var given_name: String
    var patronymic: String?
    var birth_date: String?
    var card_number: String
    var branch_id: UUID
    var phones: [PhoneEntry]
    var preferred_channel: String?
    var caregiver_name: String?
    var caregiver_relation: String?
    var caregiver_phone: String?
    var settlement: String
    var street: String
    var building: String
    var apartment: String?
    var entrance: String?
    var floor: Int?
    var intercom: String?
    var has_lift: Bool?
    var access_notes: String?
    var latitude: Double?
    var longitude: Double?
    var disability_group: String
    var needs: [String]
    var formats: [String]
    var languages: [String]
    var subjects: [String]
    var genres: [String]
    var authors: [String]
    var excluded_topics: [String]
    var excluded_authors: [String]
    var series: [String]
    var items_per_visit: Int
    var visit_minutes: Int? = nil
    var carrier_id: UUID? = nil
    var weekdays: [String]
    var time_from: String?
    var time_to: String?
    var frequency: String
    var status: String
    var pause_from: String?
    var pause_until: String?
    var pause_reason: String?
    var ended_on: String?
    var end_reason: String?
    var referral_source: String?
    var registered_on: String
    var consent_date: String?
    var consent_until: String?
    var consent_signed_by: String?
    var consent_representative: String?
    var consent_third_party: Bool
    var consent_publication: Bool
    var notes: String?
    var created_at: Date?
    var updated_at: Date?

    /// The fields compared for the change history, as text.
    var snapshot: [(String, String?)] {
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: "; ") }
        return [
            ("family_name", family_name), ("given_name", given_name), ("patronymic", patronymic), ("birth_date", birth_date),
            ("card_number", card_number), ("branch_id", branch_id.uuidString),
            ("phones", list(phones.map { "\($0.label ?? ""): \($0.number ?? "")" })),
            ("preferred_channel", preferred_channel), ("caregiver_name", caregiver_name),
            ("caregiver_relation", caregiver_relation), ("caregiver_phone", caregiver_phone),
            ("settlement", settlement), ("street", street), ("building", building), ("apartment", apartment),
            ("entrance", entrance), ("floor", floor.map(String.init)), ("intercom", intercom),
            ("has_lift", has_lift.map { $0 ? "yes" : "no" }), ("access_notes", access_notes),
            ("latitude", latitude.map { String($0) }), ("longitude", longitude.map { String($0) }),
            ("disability_group", disability_group), ("needs", list(needs)), ("formats", list(formats)),
            ("languages", list(languages)), ("subjects", list(subjects)), ("genres", list(genres)),
            ("authors", list(authors)), ("excluded_topics", list(excluded_topics)),
            ("excluded_authors", list(excluded_authors)), ("series", list(series)),
            ("items_per_visit", String(items_per_visit)), ("visit_minutes", visit_minutes.map(String.init)),
            ("carrier_id", carrier_id?.uuidString), ("weekdays", list(weekdays)),
            ("time_from", time_from),
            ("time_to", time_to), ("frequency", frequency), ("status", status), ("pause_from", pause_from),
            ("pause_until", pause_until), ("pause_reason", pause_reason), ("ended_on", ended_on),
            ("end_reason", end_reason), ("referral_source", referral_source), ("registered_on", registered_on),
            ("consent_date", consent_date), ("consent_until", consent_until), ("consent_signed_by", consent_signed_by),
            ("consent_representative", consent_representative),
            ("consent_third_party", consent_third_party ? "yes" : "no"),
            ("consent_publication", consent_publication ? "yes" : "no"), ("notes", notes),
        ]
    }
}

/// A page of readers, as the list API returns it.
struct ReaderPage: Content {
    var items: [ReaderRecord]
    var total: Int
    var page: Int
    var per_page: Int
}
