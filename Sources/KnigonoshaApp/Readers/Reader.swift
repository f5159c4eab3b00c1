import Fluent
import Vapor

/// A reader served at home: identity, contact, address, needs, rhythm, status and consent.
final class Reader: Model, @unchecked Sendable {
    static let schema = "readers"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // identity
    @Field(key: "family_name") var familyName: String
    @Field(key: "given_name") var givenName: String
    @OptionalField(key: "patronymic") var patronymic: String?
    @OptionalField(key: "birth_date") var birthDate: String?
    @Field(key: "card_number") var cardNumber: String
    @Parent(key: "branch_id") var branch: Branch

    // contact
    @Children(for: \.$reader) var phones: [ReaderPhone]
    @OptionalField(key: "preferred_channel") var preferredChannel: String?
    @OptionalField(key: "caregiver_name") var caregiverName: String?
    @OptionalField(key: "caregiver_relation") var caregiverRelation: String?
    @OptionalField(key: "caregiver_phone") var caregiverPhone: String?

    // address
    @Field(key: "settlement") var settlement: String
    @Field(key: "street") var street: String
    @Field(key: "building") var building: String
    @OptionalField(key: "apartment") var apartment: String?
    @OptionalField(key: "entrance") var entrance: String?
    @OptionalField(key: "floor") var floor: Int?
    @OptionalField(key: "intercom") var intercom: String?
    @OptionalField(key: "has_lift") var hasLift: Bool?
    @OptionalField(key: "access_notes") var accessNotes: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?

    // service and needs
    @Field(key: "disability_group") var disabilityGroup: String
    @Children(for: \.$reader) var tags: [ReaderTag]
    @Field(key: "items_per_visit") var itemsPerVisit: Int
    /// The carrier who usually comes (issue 15, §1): planning gives them the reader's visits when
    /// they work that day and are not away.
    @OptionalField(key: "carrier_id") var carrierID: UUID?
    /// How long a visit usually takes, for the week's plan; nil: 20 minutes (issue 15, §2).
    @OptionalField(key: "visit_minutes") var visitMinutes: Int?
    @OptionalField(key: "time_from") var timeFrom: String?
    @OptionalField(key: "time_to") var timeTo: String?
    @Field(key: "frequency") var frequency: String

    // status
    @Field(key: "status") var status: String
    @OptionalField(key: "pause_from") var pauseFrom: String?
    @OptionalField(key: "pause_until") var pauseUntil: String?
    @OptionalField(key: "pause_reason") var pauseReason: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?

    // registration
    @OptionalField(key: "referral_source") var referralSource: String?
    @Field(key: "registered_on") var registeredOn: String

    // consent to personal-data processing
    @OptionalField(key: "consent_date") var consentDate: String?
    @OptionalField(key: "consent_until") var consentUntil: String?
    @OptionalField(key: "consent_signed_by") var consentSignedBy: String?
    @OptionalField(key: "consent_representative") var consentRepresentative: String?
    @Field(key: "consent_third_party") var consentThirdParty: Bool
    @Field(key: "consent_publication") var consentPublication: Bool
    /// Mirrors the reader's consent records: the day the service consent was withdrawn.
    @OptionalField(key: "consent_withdrawn_on") var consentWithdrawnOn: String?

    @OptionalField(key: "notes") var notes: String?
    /// The coordinator's date for the next visit, replacing the computed one once.
    @OptionalField(key: "next_visit_on") var nextVisitOn: String?
    /// Folded name, card number and phone digits, for case- and ё-insensitive search.
    @Field(key: "search_text") var searchText: String

    // personal data removed (M069): `anonymised` or `erased`, when and why
    @OptionalField(key: "removed_as") var removedAs: String?
    @OptionalField(key: "removed_on") var removedOn: String?
    @OptionalField(key: "removal_reason") var removalReason: String?

    init() {}

    var fullName: String {
        [familyName, givenName, patronymic].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A labelled phone number of a reader.
final class ReaderPhone: Model, @unchecked Sendable {
    static let schema = "reader_phones"

    @ID(key: .id) var id: UUID?
    @Parent(key: "reader_id") var reader: Reader
    @Field(key: "position") var position: Int
    @Field(key: "label") var label: String
    @Field(key: "number") var number: String

    init() {}

    init(readerID: UUID, position: Int, label: String, number: String) {
        self.$reader.id = readerID
        self.position = position
        self.label = label
        self.number = number
    }
}

/// One repeatable value of a reader: a need, format, language or weekday code, or an
/// interest. Rows rather than a list in a column, so that filters and statistics can join on
/// them on both databases, and a reader may have any number of interests.
final class ReaderTag: Model, @unchecked Sendable {
    static let schema = "reader_tags"

    @ID(key: .id) var id: UUID?
    @Parent(key: "reader_id") var reader: Reader
    @Field(key: "kind") var kind: TagKind
    @Field(key: "value") var value: String
    @Field(key: "position") var position: Int

    init() {}

    init(readerID: UUID, kind: TagKind, value: String, position: Int) {
        self.$reader.id = readerID
        self.kind = kind
        self.value = value
        self.position = position
    }
}

extension Reader {
    /// Whether the reader's consent to the processing of personal data covers `day` (ISO): no end
    /// date means it has not been limited.
    /// A withdrawn consent covers no day from its withdrawal on (issue 16, §3).
    func hasConsent(on day: String) -> Bool {
        (consentUntil.map { day <= $0 } ?? true) && (consentWithdrawnOn.map { day < $0 } ?? true)
    }
}
