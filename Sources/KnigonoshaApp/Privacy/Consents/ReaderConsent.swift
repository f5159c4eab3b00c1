import Fluent
import Vapor

/// One consent a reader, or someone for them, gave for one purpose: when, how, until when, and
/// when it was withdrawn. Rows are never changed except to record a withdrawal or a scan, so the
/// reader's consent history is the list of rows. The reader's own consent fields mirror the latest
/// row of each scope, because planning, the run sheet and the registry read them.
final class ReaderConsent: Model, @unchecked Sendable {
    static let schema = "reader_consents"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "reader_id") var reader: Reader
    @Field(key: "scope") var scope: String
    @Field(key: "given_on") var givenOn: String
    @Field(key: "way") var way: String
    /// Who gave it for the reader, when the way is `caregiver`.
    @OptionalField(key: "representative") var representative: String?
    @OptionalField(key: "until") var until: String?
    @OptionalField(key: "withdrawn_on") var withdrawnOn: String?
    /// The scan of the signed form, kept with the event attachments' files under `stored` name.
    @OptionalField(key: "scan_name") var scanName: String?
    @OptionalField(key: "scan_type") var scanType: String?
    @OptionalField(key: "scan_size") var scanSize: Int?
    @OptionalField(key: "scan_stored") var scanStored: String?

    init() {}

    var consentScope: ConsentScope? { ConsentScope(rawValue: scope) }

    /// Where the consent stands on `today`.
    func state(on today: LocalDate) -> ConsentState {
        if let w = withdrawnOn, w <= today.iso { return .withdrawn }
        if givenOn > today.iso { return .notYet }
        if let u = until, u < today.iso { return .expired }
        return .active
    }
}

/// What a consent allows. Service: home delivery itself (no visit is planned without it). Third
/// parties: the reader's details may go to volunteers and partners. Statistics: the reader may be
/// counted in studies beyond the library's own reports. Publication: photos and mentions.
enum ConsentScope: String, LabeledCode {
    case service, thirdParty = "third_party", statistics, publication
    static let labelPrefix = "consent_scope"
}

/// How a consent was given: a signed form, orally (recorded by staff), or by a caregiver or legal
/// representative.
enum ConsentWay: String, LabeledCode {
    case signed, oral, caregiver
    static let labelPrefix = "consent_way"
}

enum ConsentState: String, Sendable {
    case active, expired, withdrawn, notYet = "not_yet"
}
