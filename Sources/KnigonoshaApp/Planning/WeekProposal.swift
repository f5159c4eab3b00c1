import Routing
import Vapor

/// The solver's plan for a branch's week, set against the current one (issue 15, §3): the routes
/// with their order and expected arrivals, the visits whose carrier or day would change, and every
/// visit the plan leaves alone, with the reason.
struct WeekProposal {
    struct Stop {
        let visit: Visit
        /// Expected time at the door (after any wait for the window), minutes from midnight.
        let arrival: Int
    }

    struct Route {
        let carrier: User
        let day: LocalDate
        let stops: [Stop]
        let travelMinutes: Int
    }

    struct Change {
        let visit: Visit
        let carrier: User
        let day: LocalDate
    }

    struct Unplaced {
        let visit: Visit
        let reason: UnplacedReason
    }

    var routes: [Route]
    var changes: [Change]
    var unplaced: [Unplaced]
    /// Visits the plan cannot place for want of the reader's coordinates.
    var unlocated: [Visit]
    var travelMinutes: Int
    var continuityBreaks: Int
    /// What the plan was made from and what it changes, sealed together: the save is refused when
    /// the week has changed since (409), or when its assignments are not these (400).
    var basis: String

    /// Plans the week within `seconds` or `iterations`, whichever comes first: a branch's usual
    /// week stops at the iterations well inside the time, and is then the same on every try.
    static func make(_ week: WeekInput, start: GeoPoint, seconds: Double, iterations: Int = 2_000, seed: UInt64 = 1) throws -> WeekProposal {
        let plannable = week.visits.filter(week.isPlannable)
        let located = plannable.filter { $0.reader.point != nil }
        let carriers = week.carriers.map { c in
            WeekCarrier(
                id: c.id!.uuidString, start: c.startPoint ?? start, end: c.startPoint ?? start, mode: CarrierTravel.of(c).travelMode,
                bagCapacity: c.bagCapacity ?? Int.max / 4,
                hours: (0..<7).map { d in
                    let day = week.monday.adding(days: d)
                    return day < week.firstDay ? nil : week.shift(c, on: day)
                })
        }
        let ids = Set(carriers.map(\.id))
        let visits = located.map { v in
            let own = v.day.schedulingDay.ordinal - week.monday.schedulingDay.ordinal
            let from = RunPlan.minutes(v.timeFrom) ?? 0
            let to = RunPlan.minutes(v.timeTo) ?? 24 * 60 - 1
            let carrier = v.$carrier.id?.uuidString
            let preferred = v.reader.carrierID?.uuidString
            return WeekVisit(
                id: v.id!.uuidString, location: v.reader.point!, windowStart: from, windowEnd: max(from, to),
                serviceMinutes: v.reader.visitMinutes ?? 20,
                items: max(1, v.reader.itemsPerVisit),
                days: week.allowedDays(v), preferredCarrier: preferred.flatMap { ids.contains($0) ? $0 : nil },
                // A pin to a carrier who cannot be planned (away all week, no longer active) leaves
                // the visit unplaced with the reason, rather than quietly unpinned.
                pinnedCarrier: v.pinCarrier == true ? carrier : nil, pinnedDay: v.pinDay == true ? own : nil, currentDay: own)
        }
        let settings = WeekSettings(
            continuityPenaltyMinutes: Double(week.settings.planContinuityMinutes),
            imbalancePenaltyMinutesPerHourSquared: Double(week.settings.planImbalanceMinutes), detourFactor: CarrierTravel.detour,
            // A date is moved for a saving of more than half an hour of travel, never for a tie.
            dayChangePenaltyMinutes: 30)
        // A pin to a carrier outside the plan (away all week, no longer active) has no vehicle:
        // the visit is unplaced with the reason rather than quietly unpinned.
        let lost = visits.filter { v in v.pinnedCarrier.map { !ids.contains($0) } ?? false }.map { $0.id }
        let planned = visits.filter { !lost.contains($0.id) }
        var options = SolverOptions.week(seconds: seconds, seed: seed)
        options.iterationLimit = iterations
        let plan = carriers.isEmpty ? nil : try WeekPlanner.plan(carriers: carriers, visits: planned, settings: settings, options: options)
        var unplaced = (plan?.unplaced ?? []).map { ($0.visitID, $0.reason) }
        unplaced += (carriers.isEmpty ? planned.map(\.id) : []).map { ($0, UnplacedReason.noCarrierOnAllowedDays) }
        unplaced += lost.map { ($0, UnplacedReason.noCarrierOnAllowedDays) }
        return assemble(plan, unplaced: unplaced, week: week, located: located, unlocated: plannable.filter { $0.reader.point == nil })
    }

    private static func assemble(
        _ plan: WeekPlan?, unplaced: [(String, UnplacedReason)], week: WeekInput, located: [Visit], unlocated: [Visit]
    ) -> WeekProposal {
        let byID = Dictionary(uniqueKeysWithValues: located.map { ($0.id!.uuidString, $0) })
        let carriers = Dictionary(uniqueKeysWithValues: week.carriers.map { ($0.id!.uuidString, $0) })
        var routes: [Route] = []
        var changes: [Change] = []
        for r in plan?.routes ?? [] {
            guard let carrier = carriers[r.carrierID] else { continue }
            let day = week.monday.adding(days: r.day)
            let stops = r.stops.compactMap { s in byID[s.visitID].map { Stop(visit: $0, arrival: s.serviceStart / 60) } }
            routes.append(Route(carrier: carrier, day: day, stops: stops, travelMinutes: (r.travelSeconds + 30) / 60))
            for s in stops where s.visit.$carrier.id != carrier.id || s.visit.scheduledOn != day.iso {
                changes.append(Change(visit: s.visit, carrier: carrier, day: day))
            }
        }
        routes.sort { ($0.day, $0.carrier.fullName) < ($1.day, $1.carrier.fullName) }
        changes.sort { ($0.visit.scheduledOn, $0.visit.reader.fullName) < ($1.visit.scheduledOn, $1.visit.reader.fullName) }
        return WeekProposal(
            routes: routes, changes: changes, unplaced: unplaced.compactMap { u in byID[u.0].map { Unplaced(visit: $0, reason: u.1) } },
            unlocated: unlocated, travelMinutes: ((plan?.travelSeconds ?? 0) + 30) / 60, continuityBreaks: plan?.continuityBreaks ?? 0,
            basis: seal(basis(of: week), changes.map { WeekPlanSave.Assignment(visitID: $0.visit.id!, carrierID: $0.carrier.id!, day: $0.day) }))
    }

    /// The week's digest with one of the assignments, so that a save carries exactly what was
    /// proposed (a new user added a change of their own to a proposal's save, and it was taken).
    static func seal(_ state: String, _ assignments: [WeekPlanSave.Assignment]) -> String {
        let text = ([state] + assignments.map(\.formValue).sorted()).joined(separator: "\n")
        return state + "." + SHA256.hash(data: Data(text.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// A digest of what the plan was made from: each plannable visit's carrier, day and pins, and
    /// the time it last changed. Any change in between gives another digest.
    static func basis(of week: WeekInput) -> String {
        let text = week.visits.filter(week.isPlannable).map { v in
            [
                v.id!.uuidString, v.$carrier.id?.uuidString ?? "-", v.scheduledOn, v.pinCarrier == true ? "c" : "", v.pinDay == true ? "d" : "",
                String(v.updatedAt?.timeIntervalSince1970 ?? 0),
            ].joined(separator: "|")
        }.sorted().joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
