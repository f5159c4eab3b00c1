import Fluent
import Vapor

/// Recording a carrier's absence, and handing the visits it empties to the branch's other carriers.
enum CarrierAbsences {
    /// The form and the API take the same fields.
    struct Input: Content {
        var starts_on: String?
        var ends_on: String?
        var kind: String?
    }

    /// The longest absence recorded at once: a year, so a mistyped year is refused, not stored.
    static let maxDays = 366

    /// Checks and stores an absence; nothing is stored when there are errors.
    static func add(_ input: Input, carrierID: UUID, today: LocalDate, on db: any Database) async throws -> (CarrierAbsence?, FieldErrors) {
        var e = FieldErrors()
        let from = e.date(input.starts_on, "starts_on", required: true, earliestYear: 2000)
        let to = e.date(input.ends_on, "ends_on", required: true, earliestYear: 2000)
        // Planned up to two years ahead: a mistyped year (9999) is refused, not stored.
        let latest = today.adding(days: 2 * 366)
        if let from, from > latest { e.add("starts_on", "absence.too_far", ["date": latest.iso]) }
        if let from, let to {
            if to < from {
                e.add("ends_on", "absence.ends_before_start")
            } else if to.schedulingDay.ordinal - from.schedulingDay.ordinal >= maxDays {
                e.add("ends_on", "absence.too_long", ["days": String(maxDays)])
            }
        }
        // Checked after the dates, so that the errors read in the form's order.
        let kind = VisitRequests.code(input.kind, AbsenceKind.self, "kind", required: true, into: &e)
        if e.isEmpty, let from, let to,
            try await CarrierAbsence.query(on: db).filter(\.$user.$id == carrierID).filter(\.$startsOn == from.iso).filter(\.$endsOn == to.iso)
                .first() != nil
        {
            e.add("starts_on", "absence.duplicate")
        }
        guard e.isEmpty, let from, let to, let kind, let k = AbsenceKind(rawValue: kind) else { return (nil, e) }
        let absence = CarrierAbsence(userID: carrierID, from: from, to: to, kind: k)
        try await absence.create(on: db)
        return (absence, e)
    }

    /// The carrier's open visits from `today` on that fall on a day they are away.
    static func stranded(carrierID: UUID, today: LocalDate, on db: any Database) async throws -> [Visit] {
        let absences = try await CarrierAbsence.query(on: db).filter(\.$user.$id == carrierID).filter(\.$endsOn >= today.iso).all()
        guard !absences.isEmpty else { return [] }
        let visits = try await Visit.query(on: db).filter(\.$carrier.$id == carrierID).filter(\.$status ~~ VisitState.open)
            .filter(\.$scheduledOn >= today.iso).with(\.$reader).sort(\.$scheduledOn).sort(\.$timeFrom).all()
        return visits.filter { v in absences.contains { $0.covers(v.scheduledOn) } }
    }

    /// Gives each stranded visit to the branch's least-loaded carrier who works that day and is
    /// not away; a visit nobody can take loses its carrier and is counted, for the coordinator to
    /// settle by hand. Each change is in the visit's history.
    static func reassign(carrierID: UUID, today: LocalDate, by user: CurrentUser, on db: any Database) async throws -> (moved: Int, unassigned: Int) {
        let visits = try await stranded(carrierID: carrierID, today: today, on: db)
        guard !visits.isEmpty else { return (0, 0) }
        let pool = try await CarrierPool.load(on: db)
        let names = Dictionary(pool.carriers.map { ($0.id, $0.name) }) { a, _ in a }
        let away = try await User.find(carrierID, on: db)?.fullName
        var moved = 0
        var unassigned = 0
        for visit in visits {
            let changed = try await BusyRetry.run {
                try await db.transaction { tx -> Bool in
                    // Closed meanwhile (an outcome came in): it keeps its carrier. The hold locks
                    // the row, so a second hand-over at the same moment waits here, then finds the
                    // visit no longer the absent carrier's and leaves it (found by a new user: three
                    // at once moved every visit three times).
                    guard try await VisitState.holdOpen([visit.id!], on: tx).contains(visit.id!),
                        try await Visit.find(visit.id, on: tx)?.$carrier.id == carrierID
                    else { return false }
                    let next = try await pool.pick(
                        branchID: visit.$branch.id, day: visit.day.schedulingDay, preferred: visit.reader.carrierID, on: tx)
                    try await VisitEvent(visitID: visit.id!, user: user, kind: "assigned", from: away, to: next.flatMap { names[$0] }).create(on: tx)
                    visit.$carrier.id = next
                    try await visit.save(on: tx)
                    return true
                }
            }
            guard changed else { continue }
            if visit.$carrier.id == nil { unassigned += 1 } else { moved += 1 }
        }
        return (moved, unassigned)
    }
}
