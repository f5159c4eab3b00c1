import Fluent
import Routing
import Vapor

/// `/api/v1/visits/week`: the week's plan as on the page (issue 15, §3): the week as it stands,
/// a proposal (pins stored when given), and the save of the assignments a proposal returned.
struct WeekPlanAPIController {
    struct WeekQuery: Content {
        var branch_id: UUID?
        var week: String?
    }

    struct ProposalInput: Content {
        var branch_id: UUID?
        var week: String
        /// When given, these are the week's pins afterwards; left out, the stored pins are used.
        var pin_carrier: [UUID]?
        var pin_day: [UUID]?
    }

    struct SaveInput: Content {
        struct Assignment: Content {
            var visit_id: UUID
            var carrier_id: UUID
            var date: String
        }

        var branch_id: UUID?
        var week: String
        var basis: String
        var assignments: [Assignment]
    }

    struct Saved: Content { var saved: Int }

    func register(_ api: any RoutesBuilder) {
        api.get("visits", "week", use: current)
        api.post("visits", "week", "proposal", use: propose)
        api.post("visits", "week", use: save)
    }

    func current(req: Request) async throws -> WeekPlanDTO.Week {
        var e = FieldErrors()
        let raw = req.query[String.self, at: "week"]
        let day = Self.week(raw, into: &e) ?? req.today
        let branchRaw = req.query[String.self, at: "branch_id"]
        let asked = branchRaw.flatMap(UUID.init(uuidString:))
        if branchRaw != nil, asked == nil { e.add("branch_id", "validation.choice") }
        guard e.isEmpty else { throw AppError.validation(e) }
        let week = try await WeekInput.load(branch: try await WeekPlanController.branch(req, asked), week: day, today: req.today, on: req.db)
        try await req.audit(.list, "visit")
        try await req.auditReaders(ofVisits: week.visits.map { $0.id! })
        return WeekPlanDTO.Week(week)
    }

    func propose(req: Request) async throws -> WeekPlanDTO.Proposal {
        let input = try req.content.decode(ProposalInput.self, using: JSONDecoder())
        var e = FieldErrors()
        let day = Self.week(input.week, into: &e)
        for (field, list) in [("pin_carrier", input.pin_carrier), ("pin_day", input.pin_day)] where (list?.count ?? 0) > 4_000 {
            e.add(field, "validation.too_many", ["max": "4000"])
        }
        guard let day, e.isEmpty else { throw AppError.validation(e) }
        let branch = try await WeekPlanController.branch(req, input.branch_id)
        var week = try await WeekInput.load(branch: branch, week: day, today: req.today, on: req.db)
        if input.pin_carrier != nil || input.pin_day != nil {
            // Each list given replaces that kind of pin; one left out keeps its pins. A visit that
            // is not one the plan may change this week is named, not ignored.
            let plannable = week.visits.filter(week.isPlannable)
            let ids = Set(plannable.map { $0.id! })
            for (field, list) in [("pin_carrier", input.pin_carrier), ("pin_day", input.pin_day)] {
                for (i, id) in (list ?? []).enumerated() where !ids.contains(id) { e.add("\(field)[\(i)]", "plan.not_in_week") }
            }
            guard e.isEmpty else { throw AppError.validation(e) }
            let carrier = input.pin_carrier.map(Set.init) ?? Set(plannable.filter { $0.pinCarrier == true }.map { $0.id! })
            let dayPins = input.pin_day.map(Set.init) ?? Set(plannable.filter { $0.pinDay == true }.map { $0.id! })
            // Read again after a pin changed: the proposal's basis carries the visits' new stamps.
            if try await WeekPlanSave.pin(carrier: carrier, day: dayPins, week: week, on: req.db) {
                week = try await WeekInput.load(branch: branch, week: day, today: req.today, on: req.db)
            }
        }
        guard let start = branch.point else { throw AppError.conflict(Message("plan.no_branch_point")) }
        let proposal = try WeekProposal.make(week, start: start, seconds: WeekPlanController.seconds)
        try await req.audit(.list, "visit")
        try await req.auditReaders(ofVisits: week.visits.map { $0.id! })
        return WeekPlanDTO.Proposal(proposal)
    }

    func save(req: Request) async throws -> Saved {
        let input = try req.content.decode(SaveInput.self, using: JSONDecoder())
        var e = FieldErrors()
        let day = Self.week(input.week, into: &e)
        var assignments: [WeekPlanSave.Assignment] = []
        for (i, a) in input.assignments.enumerated() {
            if let date = LocalDate(a.date) {
                assignments.append(.init(visitID: a.visit_id, carrierID: a.carrier_id, day: date))
            } else {
                e.add("assignments[\(i)].date", "validation.date")
            }
        }
        guard let day, e.isEmpty else { throw AppError.validation(e) }
        let week = try await WeekInput.load(
            branch: try await WeekPlanController.branch(req, input.branch_id), week: day, today: req.today, on: req.db)
        switch try await WeekPlanSave.apply(assignments, basis: input.basis, week: week, by: try req.currentUser(), on: req.db) {
        case .stale: throw AppError.conflict(Message("plan.stale"))
        case .saved(let count):
            for a in assignments { try await req.audit(.update, "visit", a.visitID) }
            return Saved(saved: count)
        }
    }

    /// A day of the week to plan (2000 to 2100), or the field's error.
    static func week(_ raw: String?, into e: inout FieldErrors) -> LocalDate? {
        guard let raw else { return nil }
        guard let day = LocalDate(raw).flatMap(WeekPlanController.inRange) else {
            e.add("week", "validation.date")
            return nil
        }
        return day
    }
}
