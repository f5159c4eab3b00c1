import Foundation
import Vapor

/// What a carrier (or coordinator) records for a visit, from the run sheet or the API.
struct OutcomePayload: Content {
    /// done, no_answer, cancelled or rescheduled.
    var outcome: String?
    var reason: String?
    var reason_note: String?
    var reschedule_to: String?
    /// Items handed over; all accepted items when absent.
    var delivered: [String]?
    /// Loans collected; all the reader's loans when absent.
    var returned: [String]?
    /// Ratings (1–5) and comments of collected loans, by loan id.
    var ratings: [String: Int]?
    var comments: [String: String]?
    var minutes_spent: Int?
    var comment: String?
    /// The client's idempotency key: a resend with the same key records nothing twice.
    var key: String?
}

enum Outcome: String, LabeledCode {
    case done, noAnswer = "no_answer", cancelled, rescheduled
    static let labelPrefix = "outcome"

    var status: VisitStatus {
        switch self {
        case .done: .done
        case .noAnswer: .noAnswer
        case .cancelled: .cancelled
        case .rescheduled: .rescheduled
        }
    }
}

/// A checked outcome, ready to be applied.
struct CheckedOutcome: Sendable {
    /// Carriers record what happened at the door; cancelling or moving a visit is the
    /// coordinator's decision, on the page or through the API alike (issue 19, finding 11).
    static func carrierMay(_ outcome: Outcome) -> Bool { outcome == .done || outcome == .noAnswer }

    /// The refusal a carrier gets for any other outcome, or for a visit that is still to come
    /// (nobody has been to the door yet), at the `outcome` field.
    static func refusal(for outcome: Outcome, role: Role, visitDay: String, today: LocalDate) -> FieldErrors? {
        guard role == .carrier else { return nil }
        var e = FieldErrors()
        if !carrierMay(outcome) {
            e.add("outcome", "run.outcome_not_for_carrier")
        } else if visitDay > today.iso {
            e.add("outcome", "run.outcome_future")
        }
        return e.isEmpty ? nil : e
    }

    var outcome: Outcome
    var reason: String?
    var reasonNote: String?
    var rescheduleTo: LocalDate?
    var delivered: Set<UUID>?
    var returned: Set<UUID>?
    var ratings: [UUID: Int]
    var comments: [UUID: String]
    var minutes: Int?
    var comment: String?
    var key: String?

    /// Checks the shape of the payload; the rules that need the database come later.
    static func check(_ p: OutcomePayload, today: LocalDate) -> (CheckedOutcome?, FieldErrors) {
        var e = FieldErrors()
        let outcome = p.outcome.flatMap(Outcome.init(rawValue:))
        if p.outcome == nil { e.add("outcome", "validation.required") } else if outcome == nil { e.add("outcome", "validation.choice") }
        var reason: String?
        if outcome == .cancelled {
            if let r = p.reason, CancelReason(rawValue: r) != nil {
                reason = r
            } else {
                e.add("reason", p.reason == nil ? "validation.required" : "validation.choice")
            }
        }
        let note = e.text(p.reason_note, "reason_note", max: 500)
        var date: LocalDate?
        if outcome == .rescheduled {
            if let raw = p.reschedule_to, let d = LocalDate(raw) {
                if d < today { e.add("reschedule_to", "validation.not_past") } else { date = d }
            } else {
                e.add("reschedule_to", p.reschedule_to == nil ? "validation.required" : "validation.date")
            }
        }
        func ids(_ list: [String]?, _ field: String) -> Set<UUID>? {
            guard let list else { return nil }
            let parsed = list.compactMap(UUID.init(uuidString:))
            if parsed.count != list.count { e.add(field, "validation.choice") }
            return Set(parsed)
        }
        let delivered = ids(p.delivered, "delivered")
        let returned = ids(p.returned, "returned")
        var ratings: [UUID: Int] = [:]
        for (k, v) in p.ratings ?? [:] {
            guard let id = UUID(uuidString: k), (1...5).contains(v) else {
                e.add("ratings", "outcome.rating_range")
                continue
            }
            ratings[id] = v
        }
        var comments: [UUID: String] = [:]
        for (k, v) in p.comments ?? [:] {
            guard let id = UUID(uuidString: k) else {
                e.add("comments", "validation.choice")
                continue
            }
            if let text = e.text(v, "comments", max: 1000) { comments[id] = text }
        }
        if let m = p.minutes_spent, !(0...600).contains(m) { e.add("minutes_spent", "outcome.minutes_range") }
        let comment = e.text(p.comment, "comment", max: 2000)
        let key = e.text(p.key, "key", max: 100)
        guard e.isEmpty, let outcome else { return (nil, e) }
        return (
            CheckedOutcome(
                outcome: outcome, reason: reason, reasonNote: note, rescheduleTo: date, delivered: delivered, returned: returned,
                ratings: ratings, comments: comments, minutes: p.minutes_spent, comment: comment, key: key), e
        )
    }
}
