import Fluent
import Vapor

/// A title chosen for a visit: suggested by the system, accepted with a reserved copy, then
/// delivered (it became a loan) or brought back.
final class VisitItem: Model, @unchecked Sendable {
    static let schema = "visit_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "visit_id") var visit: Visit
    @Parent(key: "bib_id") var bib: BibRecord
    @OptionalParent(key: "copy_id") var copy: Copy?
    @Field(key: "state") var state: String
    @OptionalField(key: "score") var score: Double?
    @Field(key: "reasons") var reasons: String
    @Field(key: "position") var position: Int
    @Field(key: "source") var source: String

    init() {}

    var itemState: ItemState { ItemState(rawValue: state) ?? .suggested }
}

enum ItemState: String, LabeledCode {
    case suggested, accepted, delivered, notDelivered = "not_delivered"
    static let labelPrefix = "item_state"
}

/// A copy in a reader's hands: issued on a visit, due at the next one, returned with a rating.
final class Loan: Model, @unchecked Sendable {
    static let schema = "loans"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "reader_id") var reader: Reader
    @Parent(key: "bib_id") var bib: BibRecord
    @Parent(key: "copy_id") var copy: Copy
    @OptionalParent(key: "visit_id") var visit: Visit?
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "status") var status: String
    @OptionalField(key: "returned_on") var returnedOn: String?
    @OptionalParent(key: "return_visit_id") var returnVisit: Visit?
    @OptionalField(key: "rating") var rating: Int?
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "renewals") var renewals: Int

    init() {}

    var loanStatus: LoanStatus { LoanStatus(rawValue: status) ?? .onLoan }
}

enum LoanStatus: String, LabeledCode {
    case onLoan = "on_loan", returned, lost
    static let labelPrefix = "loan_status"
}
