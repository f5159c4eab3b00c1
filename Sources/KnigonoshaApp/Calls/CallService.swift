import Fluent
import Vapor

/// Recording the answer to a reminder call. «Confirmed» and «no answer» are noted; «moved» moves
/// the visit to the day given and «cancelled» cancels it, each with the call in one transaction.
enum CallService {
    /// The form and the API take the same fields.
    struct Input: Content {
        var result: String?
        var moved_to: String?
        var reason: String?
        var note: String?
    }

    /// The call stored, or the errors and nothing stored.
    static func record(
        _ input: Input, visit: Visit, user: CurrentUser, today: LocalDate, on db: any Database
    ) async throws -> (VisitCall?, FieldErrors) {
        var e = FieldErrors()
        let result = VisitRequests.code(input.result, CallResult.self, "result", required: true, into: &e).flatMap(CallResult.init(rawValue:))
        let note = e.text(input.note, "note", max: 500)
        var movedTo: LocalDate?
        if result == .moved {
            movedTo = e.date(input.moved_to, "moved_to", required: true, earliestYear: 2000)
            if let d = movedTo, d < today { e.add("moved_to", "validation.not_past") }
            // A visit is moved by days or weeks; a year on is a slip (9999 was accepted).
            if let d = movedTo, d > today.adding(days: 366) { e.add("moved_to", "call.too_far") }
            if let d = movedTo, d.iso == visit.scheduledOn { e.add("moved_to", "call.same_day") }
        }
        var reason = CancelReason.readerDeclined.rawValue
        if result == .cancelled, let raw = input.reason, !raw.isEmpty {
            if CancelReason(rawValue: raw) != nil { reason = raw } else { e.add("reason", "validation.choice") }
        }
        guard e.isEmpty, let result else { return (nil, e) }
        guard VisitState.open.contains(visit.status) else {
            e.add("result", "visits.already_recorded")
            return (nil, e)
        }
        let call = VisitCall(visitID: visit.id!, userID: user.id, result: result, movedTo: movedTo, note: note)
        switch result {
        case .confirmed, .noAnswer:
            try await call.create(on: db)
        case .moved, .cancelled:
            let outcome = OutcomePayload(
                outcome: result == .moved ? Outcome.rescheduled.rawValue : Outcome.cancelled.rawValue, reason: result == .cancelled ? reason : nil,
                reason_note: note, reschedule_to: movedTo?.iso, key: nil)
            let (checked, errors) = CheckedOutcome.check(outcome, today: today)
            guard let checked, errors.isEmpty else { return (nil, errors) }
            _ = try await VisitRecorder.record(checked, visitID: visit.id!, by: user, today: today, on: db) { tx in try await call.create(on: tx) }
        }
        return (call, e)
    }
}
