import Fluent
import Routing
import Vapor

/// «План недели»: a branch's week as it stands, the coordinator's pins, the solver's proposal set
/// against it, and the save (issue 15, §3). Coordinators plan their own branch, administrators
/// any.
struct WeekPlanController {
    struct PlanForm: Content {
        var branch: String?
        var week: String?
        var pin_carrier: [String]?
        var pin_day: [String]?
    }

    struct SaveForm: Content {
        var branch: String?
        var week: String?
        var basis: String?
        var assign: [String]?
    }

    /// The solver's budget on a page: a 300-visit week is within 2 % of a minute's plan in two
    /// seconds (docs/BENCHMARKS.md); a branch's usual week takes far less.
    static let seconds = 2.0

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.visitsWeek.pattern, use: page)
        routes.post(SiteRoute.visitsWeekPropose.pattern, use: propose)
        routes.post(SiteRoute.visitsWeekSave.pattern, use: save)
        routes.get(SiteRoute.routeSheets.pattern, use: RouteSheetsController.page)
    }

    func page(req: Request) async throws -> Response {
        let branch = try await Self.branch(req, req.queryValue("branch", labelKey: "visits.branch", UUID.init(uuidString:)))
        let day = req.queryValue("week", labelKey: "plan.week") { LocalDate($0).flatMap(Self.inRange) } ?? req.today
        return try await render(req, branch: branch, day: day)
    }

    func propose(req: Request) async throws -> Response {
        let form = try req.content.decode(PlanForm.self)
        // A pin per visit of the week at most: more is not a form of this page (and costs time).
        guard (form.pin_carrier?.count ?? 0) + (form.pin_day?.count ?? 0) <= 4_000 else { throw AppError.badRequest(Message("error.bad_request")) }
        let branch = try await Self.branch(req, try Self.id(form.branch))
        let day = try Self.day(form.week)
        // The pins are stored first: the plan is made around them, and they stay for next time.
        let before = try await WeekInput.load(branch: branch, week: day, today: req.today, on: req.db)
        let pinned = try await WeekPlanSave.pin(carrier: try Self.ids(form.pin_carrier), day: try Self.ids(form.pin_day), week: before, on: req.db)
        // Read again after a pin changed: the proposal's basis carries the visits' new stamps.
        let week = pinned ? try await WeekInput.load(branch: branch, week: day, today: req.today, on: req.db) : before
        guard let start = branch.point else { return try await render(req, branch: branch, day: day, status: .unprocessableEntity) }
        let proposal = try WeekProposal.make(week, start: start, seconds: Self.seconds)
        try await req.audit(.list, "visit")
        try await req.auditReaders(ofVisits: week.visits.map { $0.id! })
        return WeekPlanView.proposal(req.page, week: week, proposal: proposal, branches: try await Self.branches(req))
    }

    func save(req: Request) async throws -> Response {
        let form = try req.content.decode(SaveForm.self)
        let branch = try await Self.branch(req, try Self.id(form.branch))
        let day = try Self.day(form.week)
        let assignments = try (form.assign ?? []).map { raw in
            guard let a = WeekPlanSave.Assignment(formValue: raw) else { throw AppError.badRequest(Message("plan.bad_assignment")) }
            return a
        }
        let week = try await WeekInput.load(branch: branch, week: day, today: req.today, on: req.db)
        let back = SiteRoute.visitsWeek.path(query: [("week", week.monday.iso), ("branch", branch.id!.uuidString.lowercased())])
        switch try await WeekPlanSave.apply(assignments, basis: form.basis ?? "", week: week, by: try req.currentUser(), on: req.db) {
        case .stale:
            // Shown as a refusal at the top of the week as it now is, not as a notice of success.
            return try await render(req, branch: branch, day: day, notice: "plan.stale", status: .conflict)
        case .saved(let count):
            for a in assignments { try await req.audit(.update, "visit", a.visitID) }
            req.flash([("plan.saved", [("count", count)])])
            return req.seeOther(back)
        }
    }

    private func render(_ req: Request, branch: Branch, day: LocalDate, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let week = try await WeekInput.load(branch: branch, week: day, today: req.today, on: req.db)
        try await req.audit(.list, "visit")
        try await req.auditReaders(ofVisits: week.visits.map { $0.id! })
        let unlocated = try await VisitsController.withoutCoordinates(branch.id, req)
        return WeekPlanView.page(
            req.page, week: week, branches: try await Self.branches(req), noCoordinates: unlocated, notice: notice, status: status)
    }

    /// The branch to plan: a coordinator's own; for an administrator the one asked for, else the
    /// first by name. Another branch's id from a coordinator is refused.
    static func branch(_ req: Request, _ asked: UUID?) async throws -> Branch {
        let user = try req.currentUser()
        let id = user.isAdmin ? asked : user.branchID
        if let asked, !user.canAccess(branchID: asked) { throw AppError.forbidden }
        if let id, let branch = try await Branch.find(id, on: req.db) { return branch }
        // A branch asked for that does not exist is not found, not quietly another (a new user's try).
        if asked != nil { throw AppError.notFound }
        guard user.isAdmin, let first = try await Branch.query(on: req.db).sort(\.$nameRu).first() else { throw AppError.notFound }
        return first
    }

    /// The branches an administrator can switch between; none for a coordinator.
    static func branches(_ req: Request) async throws -> [Branch] {
        try req.currentUser().isAdmin ? try await Branch.query(on: req.db).sort(\.$nameRu).all() : []
    }

    /// Form values only the page itself writes: anything else is a bad request, not a field error.
    static func id(_ raw: String?) throws -> UUID? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw AppError.badRequest(Message("error.bad_request")) }
        return id
    }

    static func ids(_ raw: [String]?) throws -> Set<UUID> { Set(try (raw ?? []).compactMap { try id($0) }) }

    static func day(_ raw: String?) throws -> LocalDate {
        guard let raw, let day = LocalDate(raw).flatMap(inRange) else { throw AppError.badRequest(Message("error.bad_request")) }
        return day
    }

    /// The years a plan can be about; 9999-12-31 has no Sunday to show (a new user's try).
    static func inRange(_ day: LocalDate) -> LocalDate? { (2000...2100).contains(day.year) ? day : nil }
}
