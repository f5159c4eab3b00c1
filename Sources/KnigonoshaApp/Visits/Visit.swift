import Fluent
import Vapor

/// One call at a reader's home, planned from the reader's rhythm or asked for, with its outcome.
final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // plan
    @Parent(key: "reader_id") var reader: Reader
    @Parent(key: "branch_id") var branch: Branch
    @OptionalParent(key: "carrier_id") var carrier: User?
    @Field(key: "scheduled_on") var scheduledOn: String
    @OptionalField(key: "time_from") var timeFrom: String?
    @OptionalField(key: "time_to") var timeTo: String?
    @Field(key: "kind") var kind: String

    // request (on-request visits)
    @OptionalField(key: "requested_by") var requestedBy: String?
    @OptionalField(key: "request_channel") var requestChannel: String?
    @OptionalField(key: "request_text") var requestText: String?
    @OptionalField(key: "requested_at") var requestedAt: Date?

    // outcome
    @Field(key: "status") var status: String
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "reason_note") var reasonNote: String?
    @OptionalField(key: "rescheduled_to") var rescheduledTo: UUID?
    @OptionalField(key: "minutes_spent") var minutesSpent: Int?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "completed_at") var completedAt: Date?
    /// The coordinator's pins for the week's plan: keep the carrier, keep the day (issue 15, §2).
    @OptionalField(key: "pin_carrier") var pinCarrier: Bool?
    @OptionalField(key: "pin_day") var pinDay: Bool?

    init() {}

    var visitStatus: VisitStatus { VisitStatus(rawValue: status) ?? .planned }
    var day: LocalDate { LocalDate(scheduledOn) ?? LocalDate(year: 1970, month: 1, day: 1) }
}

/// Where a visit stands.
enum VisitStatus: String, LabeledCode {
    case planned, inProgress = "in_progress", done, noAnswer = "no_answer", cancelled, rescheduled
    static let labelPrefix = "visit_status"

    /// Still to happen: the carrier may record an outcome, the coordinator may change the selection.
    var isOpen: Bool { self == .planned || self == .inProgress }
}

enum VisitKind: String, LabeledCode {
    case planned, request
    static let labelPrefix = "visit_kind"
}

/// Why a visit was cancelled.
enum CancelReason: String, LabeledCode {
    case readerIll = "reader_ill", readerAway = "reader_away", readerDeclined = "reader_declined", carrierUnavailable = "carrier_unavailable",
        weather, other
    static let labelPrefix = "cancel_reason"
}

/// Who asked for an on-request visit.
enum Requester: String, LabeledCode {
    case reader, caregiver, socialWorker = "social_worker", other
    static let labelPrefix = "requester"
}

/// How the request came in.
enum RequestChannel: String, LabeledCode {
    case call, whatsapp, telegram, sms, inPerson = "in_person"
    static let labelPrefix = "request_channel"
}
