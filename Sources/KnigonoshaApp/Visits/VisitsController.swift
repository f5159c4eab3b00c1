import Fluent
import Vapor

/// The coordinator's visit pages: the calendar, planning, batch selection, on-request visits and
/// the pick list.
struct VisitsController {
    struct PlanForm: Content {
        var weeks: String?
        var branch_id: String?
    }

    struct SelectForm: Content {
        var from: String?
        var to: String?
        var branch_id: String?
        var return_to: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.visits.pattern, use: calendar)
        routes.post(SiteRoute.visitsPlan.pattern, use: plan)
        routes.post(SiteRoute.visitsSelect.pattern, use: select)
        routes.get(SiteRoute.visitNew.pattern, use: newForm)
        routes.post(SiteRoute.visitNew.pattern, use: create)
        routes.get(SiteRoute.pickList.pattern, use: pickList)
        VisitController().register(routes)
    }

    func calendar(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let calendar = try await VisitCalendar.load(req, user: user)
        // The calendar names readers: seeing it is seeing personal data (issue 19, finding 9).
        try await req.audit(.list, "visit")
        return VisitsView.calendar(req.page, calendar, today: req.today, noCoordinates: try await Self.withoutCoordinates(calendar.branchID, req))
    }

    /// Active readers with no map point: their stops cannot be timed or drawn, so the planning
    /// page lists them as a to-do (issue 15, §3). The first 50, by name.
    static func withoutCoordinates(_ branchID: UUID?, _ req: Request) async throws -> (readers: [Reader], total: Int) {
        let query = Reader.query(on: req.db).filter(\.$status == ReaderStatus.active.rawValue).filter(\.$removedAs == nil)
            .group(.or) { $0.filter(\.$latitude == nil).filter(\.$longitude == nil) }
        if let branchID { query.filter(\.$branch.$id == branchID) }
        let total = try await query.count()
        return (try await query.sort(\.$familyName).sort(\.$givenName).limit(50).all(), total)
    }

    func plan(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(PlanForm.self)
        // An empty field means the default; anything else must be a number of weeks in range, or
        // the page comes back with the error at the field instead of planning something else.
        var errors = FieldErrors()
        var weeks = 8
        if let raw = errors.text(form.weeks, "weeks", max: 10) {
            if let n = Int(raw), (1...26).contains(n) { weeks = n } else { errors.add("weeks", "visit.weeks_range") }
        }
        guard errors.isEmpty else {
            let calendar = try await VisitCalendar.load(req, user: user)
            return VisitsView.calendar(req.page, calendar, today: req.today, planErrors: errors, weeks: form.weeks ?? "")
        }
        let branch = try branchChoice(form.branch_id, user)
        let result = try await VisitPlanner.plan(
            branchID: branch, from: req.today, until: req.today.adding(days: weeks * 7 - 1), by: user, on: req.db)
        var said: [(key: String, counts: [(String, Int)])] = [("visits.planned_counts", [("created", result.created), ("readers", result.readers)])]
        if result.withoutConsent > 0 { said.append(("visits.planned_consent_count", [("count", result.withoutConsent)])) }
        req.flash(said)
        return req.seeOther(.visits)
    }

    func select(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(SelectForm.self)
        let (from, until, errors) = VisitQuery.range(form.from, form.to, today: req.today)
        // An administrator may leave the branch out: every branch, as with planning.
        let branch = try branchChoice(form.branch_id, user) ?? user.branchID
        guard errors.isEmpty, branch != nil || user.isAdmin else {
            throw AppError.badRequest(Message("visits.select_branch"))
        }
        let done = try await SelectionBatch.run(
            branchID: branch, from: from, until: until, today: req.today, on: req.db, lanes: req.application.databasesPerLoop(logger: req.logger))
        req.flash(Self.messages(done))
        return req.seeOther(LoginController.sameSitePath(form.return_to) ?? SiteRoute.visits.path)
    }

    /// What a batch did, in words: how many visits got how many titles, and why the rest got none.
    static func messages(_ s: SelectionBatch.Summary) -> [(key: String, counts: [(String, Int)])] {
        guard s.considered > 0 else { return [("visits.selected_nothing_open", [])] }
        var out: [(key: String, counts: [(String, Int)])] = [("visits.selected_counts", [("visits", s.visits), ("items", s.items)])]
        if s.complete > 0 { out.append(("visits.selected_complete", [("count", s.complete)])) }
        if s.noMatch > 0 { out.append(("visits.selected_no_match", [("count", s.noMatch)])) }
        if s.noCopy > 0 { out.append(("visits.selected_no_copy", [("count", s.noCopy)])) }
        if s.elsewhere > 0 { out.append(("visits.selected_elsewhere", [("count", s.elsewhere)])) }
        return out
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.currentUser()
        var form = VisitPayload()
        form.reader_id = req.query[String.self, at: "reader"]
        form.scheduled_on = req.today.iso
        return VisitsView.requestForm(
            req.page, form: form, readers: try await readers(user, req), carriers: try await carriers(user, req), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(VisitPayload.self)
        let (visit, errors) = try await VisitRequests.create(form, by: user, today: req.today, on: req.db)
        guard let visit, errors.isEmpty else {
            return VisitsView.requestForm(
                req.page, form: form, readers: try await readers(user, req), carriers: try await carriers(user, req), errors: errors,
                status: .unprocessableEntity)
        }
        return req.seeOther(.visit(visit.id!), flash: "visits.request_saved")
    }

    func pickList(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let day = req.queryValue("date", labelKey: "visits.pick_list_day") { LocalDate($0) } ?? req.today
        let branch = try branchChoice(req.query[String.self, at: "branch"], user) ?? user.branchID
        var query = VisitItem.query(on: req.db).join(Visit.self, on: \VisitItem.$visit.$id == \Visit.$id)
            .join(Copy.self, on: \VisitItem.$copy.$id == \Copy.$id, method: .left)
            .filter(Visit.self, \.$scheduledOn == day.iso).filter(\.$state == ItemState.accepted.rawValue)
            .with(\.$bib).with(\.$copy).with(\.$visit) { $0.with(\.$reader).with(\.$carrier) }
        // The branch's own visits, and copies on its shelves asked for by other branches' visits.
        if let branch { query = query.group(.or) { $0.filter(Visit.self, \.$branch.$id == branch).filter(Copy.self, \.$branch.$id == branch) } }
        // Readers whose consent has ended are on no run, so their books are not picked either.
        let all = try await query.all().filter { $0.visit.reader.hasConsent(on: $0.visit.scheduledOn) }.sorted {
            ($0.copy?.shelfMark ?? "", $0.bib.title) < ($1.copy?.shelfMark ?? "", $1.bib.title)
        }
        // A branch picks the copies on its own shelves, whoever's visit they are for (a copy asked
        // for by another branch is sent there); copies coming from elsewhere are listed apart.
        let home = { (i: VisitItem) in i.copy?.$branch.id ?? i.visit.$branch.id }
        let items = branch.map { b in all.filter { home($0) == b } } ?? all
        let arriving = branch.map { b in all.filter { $0.visit.$branch.id == b && home($0) != b } } ?? []
        let names = Dictionary(try await Branch.query(on: req.db).all().map { ($0.id!, $0.name(req.lang)) }) { a, _ in a }
        try await req.audit(.list, "visit")
        return VisitsView.pickList(req.page, day: day, branch: branch, items: items, arriving: arriving, branchNames: names)
    }

    /// A branch from a form: any for an administrator, only their own for a coordinator.
    private func branchChoice(_ raw: String?, _ user: CurrentUser) throws -> UUID? {
        guard let raw, !raw.isEmpty else { return user.isAdmin ? nil : user.branchID }
        guard let id = UUID(uuidString: raw), user.canAccess(branchID: id) else { throw AppError.forbidden }
        return id
    }

    private func readers(_ user: CurrentUser, _ req: Request) async throws -> [Reader] {
        var q = Reader.query(on: req.db).filter(\.$status == ReaderStatus.active.rawValue).sort(\.$familyName).sort(\.$givenName)
        if !user.isAdmin { q = q.filter(\.$branch.$id == (user.branchID ?? UUID())) }
        return try await q.all()
    }

    private func carriers(_ user: CurrentUser, _ req: Request) async throws -> [User] {
        var q = User.query(on: req.db).filter(\.$role == .carrier).filter(\.$isActive == true).sort(\.$fullName)
        if !user.isAdmin { q = q.filter(\.$branch.$id == (user.branchID ?? UUID())) }
        return try await q.all()
    }
}
