import Fluent
import Vapor

/// Saves a week's plan as proposed (issue 15, §3): each visit's new carrier and day, in one
/// transaction, each change in the visit's history. What was shown is what is saved: the proposal
/// travels in the form, and the save is refused when the week changed since it was made.
enum WeekPlanSave {
    struct Assignment: Equatable {
        let visitID: UUID
        let carrierID: UUID
        let day: LocalDate

        /// The form's value: `visit|carrier|YYYY-MM-DD`.
        var formValue: String { [visitID.uuidString.lowercased(), carrierID.uuidString.lowercased(), day.iso].joined(separator: "|") }

        init(visitID: UUID, carrierID: UUID, day: LocalDate) {
            self.visitID = visitID
            self.carrierID = carrierID
            self.day = day
        }

        init?(formValue: String) {
            let parts = formValue.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let v = UUID(uuidString: parts[0]), let c = UUID(uuidString: parts[1]), let d = LocalDate(parts[2]) else {
                return nil
            }
            self.init(visitID: v, carrierID: c, day: d)
        }
    }

    enum Outcome: Equatable {
        case saved(Int)
        /// The week changed after the plan was proposed: a visit moved, closed or was re-pinned.
        case stale
    }

    /// Checks every assignment against the week as it is now and applies them all, or none. An
    /// assignment no proposal could have made (another branch's visit, a carrier who is away that
    /// day, a day the reader does not allow) is a bad request: the form was not the page's own.
    static func apply(_ assignments: [Assignment], basis: String, week: WeekInput, by user: CurrentUser, on db: any Database) async throws -> Outcome
    {
        let state = WeekProposal.basis(of: week)
        guard basis.split(separator: ".").first.map(String.init) == state else { return .stale }
        guard basis == WeekProposal.seal(state, assignments) else { throw AppError.badRequest(Message("plan.bad_assignment")) }
        let visits = Dictionary(uniqueKeysWithValues: week.visits.filter(week.isPlannable).map { ($0.id!, $0) })
        let carriers = Dictionary(uniqueKeysWithValues: week.carriers.map { ($0.id!, $0) })
        guard Set(assignments.map(\.visitID)).count == assignments.count else { throw AppError.badRequest(Message("plan.bad_assignment")) }
        for a in assignments {
            guard let visit = visits[a.visitID], let carrier = carriers[a.carrierID], week.shift(carrier, on: a.day) != nil,
                week.allowedDays(visit).contains(a.day.schedulingDay.ordinal - week.monday.schedulingDay.ordinal),
                visit.pinCarrier != true || visit.$carrier.id == a.carrierID
            else { throw AppError.badRequest(Message("plan.bad_assignment")) }
        }
        guard !assignments.isEmpty else { return .saved(0) }
        return try await BusyRetry.run {
            try await db.transaction { tx -> Outcome in
                // Locked, so an outcome recorded at the same moment either lands first (and the
                // plan is stale) or waits for the plan.
                let held = try await VisitState.holdOpen(assignments.map(\.visitID), on: tx)
                guard held.count == assignments.count else { return .stale }
                // Changed between the check above and the lock: stale as well.
                let now = try await Visit.query(on: tx).filter(\.$id ~~ assignments.map(\.visitID)).all()
                for v in now {
                    let was = visits[v.id!]!
                    guard v.$carrier.id == was.$carrier.id, v.scheduledOn == was.scheduledOn, v.pinCarrier == was.pinCarrier, v.pinDay == was.pinDay
                    else { return .stale }
                }
                var changed = 0
                for a in assignments {
                    let visit = visits[a.visitID]!
                    if visit.$carrier.id != a.carrierID || visit.scheduledOn != a.day.iso { changed += 1 }
                    let from = visit.carrier?.fullName
                    if visit.$carrier.id != a.carrierID {
                        try await VisitEvent(visitID: a.visitID, user: user, kind: "assigned", from: from, to: carriers[a.carrierID]!.fullName)
                            .create(on: tx)
                        visit.$carrier.id = a.carrierID
                    }
                    if visit.scheduledOn != a.day.iso {
                        try await VisitEvent(visitID: a.visitID, user: user, kind: "date", from: visit.scheduledOn, to: a.day.iso).create(on: tx)
                        visit.scheduledOn = a.day.iso
                    }
                    try await visit.save(on: tx)
                }
                return .saved(changed)
            }
        }
    }

    /// Stores the coordinator's pins from the week's form: a ticked box pins, an unticked one
    /// unpins. Only the week's plannable visits are touched, and only those whose pins change.
    /// Returns whether any pin changed (the week must then be read again).
    @discardableResult
    static func pin(carrier: Set<UUID>, day: Set<UUID>, week: WeekInput, on db: any Database) async throws -> Bool {
        let changed = week.visits.filter(week.isPlannable).filter { v in
            (v.pinCarrier == true) != carrier.contains(v.id!) || (v.pinDay == true) != day.contains(v.id!)
        }
        guard !changed.isEmpty else { return false }
        try await db.transaction { tx in
            for v in changed {
                // A visit without a carrier has nothing to pin to.
                v.pinCarrier = carrier.contains(v.id!) && v.$carrier.id != nil
                v.pinDay = day.contains(v.id!)
                try await v.save(on: tx)
            }
        }
        return true
    }
}
