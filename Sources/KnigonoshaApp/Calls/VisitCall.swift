import Fluent
import Vapor

/// A reminder call the day before a visit, and what came of it (issue 15, §3). A «moved» or
/// «cancelled» answer changes the visit in the same transaction.
final class VisitCall: Model, @unchecked Sendable {
    static let schema = "visit_calls"

    @ID(key: .id) var id: UUID?
    @Parent(key: "visit_id") var visit: Visit
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "result") var result: String
    @OptionalField(key: "moved_to") var movedTo: String?
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "called_at", on: .create) var calledAt: Date?

    init() {}

    init(visitID: UUID, userID: UUID?, result: CallResult, movedTo: LocalDate?, note: String?) {
        self.$visit.id = visitID
        self.userID = userID
        self.result = result.rawValue
        self.movedTo = movedTo?.iso
        self.note = note
    }

    var callResult: CallResult? { CallResult(rawValue: result) }
}

enum CallResult: String, LabeledCode {
    case confirmed, noAnswer = "no_answer", moved, cancelled
    static let labelPrefix = "call_result"
}
