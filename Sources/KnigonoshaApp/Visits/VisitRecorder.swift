import Fluent
import Scheduling
import Vapor

/// Applies a visit's outcome in one transaction: loans for what was delivered, returns with
/// ratings for what was collected, copies back on the shelf for what was not, the time spent and
/// the new status. Nothing is half-saved, and an outcome sent twice under the same key is recorded
/// once.
enum VisitRecorder {
    enum Result: Equatable {
        case recorded
        /// The same key was seen before: nothing was changed this time. Carries what the first
        /// request recorded (nil for keys stored before that was kept).
        case replayed(OutcomeKey.Answer)
    }

    /// `also` runs in the same transaction after the outcome (a call that moved or cancelled the
    /// visit records itself there): both are stored, or neither.
    static func record(
        _ o: CheckedOutcome, visitID: UUID, by user: CurrentUser, today: LocalDate, on db: any Database,
        also: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws -> Result {
        do {
            return try await BusyRetry.run {
                try await db.transaction { tx in
                    let result = try await apply(o, visitID: visitID, user: user, today: today, on: tx)
                    if let also { try await also(tx) }
                    return result
                }
            }
        } catch {
            // A resend raced the first attempt past the key check; the first one's outcome stands.
            if let dbError = error as? any DatabaseError, dbError.isConstraintFailure, let key = o.key,
                let seen = try await OutcomeKey.query(on: db).filter(\.$key == key).first()
            {
                guard seen.visitID == visitID, seen.userID == user.id, seen.recordedStatus.map({ $0 == o.outcome.status.rawValue }) ?? true else {
                    throw AppError.conflict(Message("outcome.key_reused"))
                }
                return .replayed(seen.answer)
            }
            throw error
        }
    }

    private static func apply(_ o: CheckedOutcome, visitID: UUID, user: CurrentUser, today: LocalDate, on tx: any Database) async throws -> Result {
        if let key = o.key {
            if let seen = try await OutcomeKey.query(on: tx).filter(\.$key == key).first() {
                guard seen.visitID == visitID, seen.userID == user.id, seen.recordedStatus.map({ $0 == o.outcome.status.rawValue }) ?? true else {
                    throw AppError.conflict(Message("outcome.key_reused"))
                }
                return .replayed(seen.answer)
            }
            // Stored in the same transaction as the outcome: the key exists exactly when the
            // outcome does, so a resend after a lost answer finds it.
            let k = OutcomeKey()
            k.key = key
            k.userID = user.id
            k.visitID = visitID
            k.createdAt = Date()
            k.recordedStatus = o.outcome.status.rawValue
            k.answerCode = Int(HTTPResponseStatus.ok.code)
            try await k.create(on: tx)
        }
        guard let visit = try await Visit.query(on: tx).filter(\.$id == visitID).with(\.$reader).first() else { throw AppError.notFound }
        switch visit.visitStatus {
        case .cancelled: throw AppError.conflict(Message("visit.is_cancelled"))
        case .done, .noAnswer, .rescheduled: throw AppError.conflict(Message("visit.already_recorded"))
        case .planned, .inProgress: break
        }
        // The status moves first, in one conditional update: of two outcomes sent at once for
        // this visit (two staff, or a phone and a coordinator) exactly one gets past this line;
        // the other waits for it, then finds the visit closed and rolls back.
        let before = try await VisitState.close(visit, to: o.outcome.status, on: tx).rawValue
        let items = try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).all()
        let accepted = items.filter { $0.itemState == .accepted }
        switch o.outcome {
        case .done:
            try await deliver(o, visit: visit, accepted: accepted, today: today, on: tx)
            try await collect(o, visit: visit, today: today, on: tx)
            visit.minutesSpent = o.minutes
        case .noAnswer, .cancelled:
            // A trip to a door nobody opened took the carrier's time too (review of issue 13:
            // the minutes were silently dropped).
            if o.outcome == .noAnswer { visit.minutesSpent = o.minutes }
            for item in accepted {
                try await SelectionService.release(copyID: item.$copy.id, on: tx)
                item.state = ItemState.notDelivered.rawValue
                try await item.save(on: tx)
            }
        case .rescheduled:
            let next = try await reschedule(visit, to: o.rescheduleTo!, by: user, on: tx)
            for item in items where item.itemState == .accepted || item.itemState == .suggested {
                item.$visit.id = next.id!
                try await item.save(on: tx)
            }
        }
        // Suggestions nobody accepted are not part of the record.
        if o.outcome != .rescheduled {
            try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).filter(\.$state == ItemState.suggested.rawValue).delete()
        }
        visit.status = o.outcome.status.rawValue
        visit.reason = o.reason
        visit.reasonNote = o.reasonNote
        visit.comment = o.comment
        visit.completedAt = Date()
        try await visit.save(on: tx)
        try await VisitEvent(visitID: visitID, user: user, kind: "status", from: before, to: visit.status).create(on: tx)
        return .recorded
    }

    private static func deliver(_ o: CheckedOutcome, visit: Visit, accepted: [VisitItem], today: LocalDate, on tx: any Database) async throws {
        if let chosen = o.delivered, chosen.contains(where: { id in !accepted.contains { $0.id == id } }) {
            var e = FieldErrors()
            e.add("delivered", "outcome.not_on_visit")
            throw AppError.validation(e)
        }
        let due = try await dueDate(visit: visit, on: tx)
        for item in accepted {
            let handed = o.delivered.map { $0.contains(item.id!) } ?? true
            guard handed, let copyID = item.$copy.id else {
                try await SelectionService.release(copyID: item.$copy.id, on: tx)
                item.state = ItemState.notDelivered.rawValue
                try await item.save(on: tx)
                continue
            }
            try await CopyState.move(copyID, from: .reserved, to: .onLoan, on: tx)
            let loan = Loan()
            loan.$reader.id = visit.$reader.id
            loan.$bib.id = item.$bib.id
            loan.$copy.id = copyID
            loan.$visit.id = visit.id
            loan.issuedOn = visit.scheduledOn
            loan.dueOn = due.iso
            loan.status = LoanStatus.onLoan.rawValue
            loan.renewals = 0
            try await LoanState.create(loan, on: tx)
            item.state = ItemState.delivered.rawValue
            try await item.save(on: tx)
        }
    }

    private static func collect(_ o: CheckedOutcome, visit: Visit, today: LocalDate, on tx: any Database) async throws {
        let open = try await Loan.query(on: tx).filter(\.$reader.$id == visit.$reader.id).filter(\.$status == LoanStatus.onLoan.rawValue).all()
        // Loans issued on this very visit are not collected on it.
        let collectable = open.filter { $0.$visit.id != visit.id }
        let chosen = o.returned ?? Set(collectable.compactMap(\.id))
        var e = FieldErrors()
        if chosen.contains(where: { id in !collectable.contains { $0.id == id } }) { e.add("returned", "loan.not_on_loan") }
        if o.ratings.keys.contains(where: { !chosen.contains($0) }) { e.add("ratings", "outcome.rating_not_returned") }
        guard e.isEmpty else { throw AppError.validation(e) }
        for loan in collectable where chosen.contains(loan.id!) {
            // Conditional: a coordinator may mark the same loan lost at this moment.
            guard
                try await LoanState.end(
                    loan.id!, as: .returned, returnedOn: visit.scheduledOn, visitID: visit.id, rating: o.ratings[loan.id!],
                    comment: o.comments[loan.id!], on: tx)
            else { throw AppError.conflict(Message("loan.not_on_loan")) }
            try await CopyState.move(loan.$copy.id, from: .onLoan, to: .available, on: tx)
        }
    }

    /// Loans fall due at the reader's next planned visit, or one rhythm step later if none is planned.
    static func dueDate(visit: Visit, on db: any Database) async throws -> LocalDate {
        dueDate(visit: visit, next: try await nextPlanned(after: visit, on: db))
    }

    /// The same, when the next planned visit is already known.
    static func dueDate(visit: Visit, next: Visit?) -> LocalDate {
        next?.day ?? LocalDate((Rhythm(rawValue: visit.reader.frequency) ?? .monthly).next(after: visit.day.schedulingDay))
    }

    /// The reader's next planned visit after this one.
    static func nextPlanned(after visit: Visit, on db: any Database) async throws -> Visit? {
        try await Visit.query(on: db).filter(\.$reader.$id == visit.$reader.id).filter(\.$scheduledOn > visit.scheduledOn)
            .filter(\.$status == VisitStatus.planned.rawValue).sort(\.$scheduledOn).first()
    }

    /// A new visit on `date` for the same reader and carrier; the old one points to it.
    static func reschedule(_ visit: Visit, to date: LocalDate, by user: CurrentUser, on tx: any Database) async throws -> Visit {
        guard visit.reader.status == ReaderStatus.active.rawValue else { throw AppError.conflict(Message("visit.reader_not_active")) }
        let next = Visit()
        next.$reader.id = visit.$reader.id
        next.$branch.id = visit.$branch.id
        next.$carrier.id = visit.$carrier.id
        next.scheduledOn = date.iso
        next.timeFrom = visit.timeFrom
        next.timeTo = visit.timeTo
        next.kind = visit.kind
        next.requestedBy = visit.requestedBy
        next.requestChannel = visit.requestChannel
        next.requestText = visit.requestText
        next.requestedAt = visit.requestedAt
        next.status = VisitStatus.planned.rawValue
        try await next.create(on: tx)
        visit.rescheduledTo = next.id
        try await VisitEvent(visitID: next.id!, user: user, kind: "created", from: visit.scheduledOn, to: date.iso).create(on: tx)
        return next
    }
}
