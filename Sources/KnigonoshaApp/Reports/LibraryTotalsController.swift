import Fluent
import Vapor

/// The library's totals for a period, as typed in (web form and API share this).
struct LibraryTotalPayload: Content {
    var from: String?
    var to: String?
    var branch_id: UUID?
    var users: Int?
    var visits: Int?
    var issued: Int?
}

struct LibraryTotalDTO: Content {
    var id: UUID
    var from: String
    var to: String
    var branch_id: UUID?
    var users: Int?
    var visits: Int?
    var issued: Int?

    init(_ t: LibraryTotal) {
        id = t.id!
        from = t.periodFrom
        to = t.periodTo
        branch_id = t.$branch.id
        users = t.users
        visits = t.visits
        issued = t.issued
    }
}

enum LibraryTotals {
    /// Checks the totals; the row for the same period and branch is replaced, not duplicated.
    static func save(_ p: LibraryTotalPayload, on db: any Database) async throws -> (LibraryTotal?, FieldErrors) {
        var e = FieldErrors()
        let from = EventService.date(p.from, "from", required: true, into: &e)
        let to = EventService.date(p.to, "to", required: true, into: &e)
        if let from, let to, to < from { e.add("to", "period.end_before_start") }
        if let b = p.branch_id, try await Branch.find(b, on: db) == nil { e.add("branch_id", "validation.choice") }
        for (field, v) in [("users", p.users), ("visits", p.visits), ("issued", p.issued)] {
            if let v, v < 0 { e.add(field, "validation.not_negative") }
            if let v, v > 100_000_000 { e.add(field, "validation.too_large") }
        }
        if p.users == nil && p.visits == nil && p.issued == nil && e["users"] == nil { e.add("users", "totals.one_required") }
        guard e.isEmpty, let from, let to else { return (nil, e) }
        let scope = StatsScope(from: from, to: to, branchID: p.branch_id)
        let row = try await LibraryTotal.find(scope, on: db) ?? LibraryTotal()
        row.periodFrom = from.iso
        row.periodTo = to.iso
        row.$branch.id = p.branch_id
        row.users = p.users
        row.visits = p.visits
        row.issued = p.issued
        try await row.save(on: db)
        return (row, e)
    }
}

/// `/reports/totals`: the totals entered so far, and (for administrators) the form.
struct LibraryTotalsController {
    struct Form: Content {
        var from: String?
        var to: String?
        var branch_id: String?
        var users: String?
        var visits: String?
        var issued: String?
    }

    func register(_ staff: any RoutesBuilder) {
        staff.get(SiteRoute.reportTotals.pattern, use: list)
        let admin = staff.grouped(RequireRole([.admin]))
        admin.post(SiteRoute.reportTotals.pattern, use: save)
        admin.post(SiteRoute.reportTotalDelete(SiteRoute.anyID).pattern, use: delete)
    }

    func list(req: Request) async throws -> Response {
        var form = Form()
        form.from = LocalDate(year: req.today.year - 1, month: 1, day: 1).iso
        form.to = LocalDate(year: req.today.year - 1, month: 12, day: 31).iso
        return try await page(req, form: form, errors: FieldErrors())
    }

    func save(req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        var e = FieldErrors()
        let payload = LibraryTotalPayload(
            from: f.from, to: f.to, branch_id: e.optionalID(f.branch_id, "branch_id"), users: e.wholeNumber(f.users, "users"),
            visits: e.wholeNumber(f.visits, "visits"), issued: e.wholeNumber(f.issued, "issued"))
        if e.isEmpty { (_, e) = try await LibraryTotals.save(payload, on: req.db) }
        guard e.isEmpty else { return try await page(req, form: f, errors: e, status: .unprocessableEntity) }
        try await req.audit(.update, "library_total")
        return req.seeOther(.reportTotals, flash: "totals.saved")
    }

    func delete(req: Request) async throws -> Response {
        guard let row = try await LibraryTotal.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        // The period and the branch (or the whole library): two rows of one period differ by it.
        let scope = try await row.$branch.get(on: req.db)?.name(req.lang) ?? req.t("totals.whole_library")
        if let ask = ConfirmStep.ask(
            req,
            question: req.t("confirm.remove_question", ["what": req.page.date(row.periodFrom) + "–" + req.page.date(row.periodTo) + ", " + scope]),
            detail: req.t("confirm.cannot_undo"), confirm: req.t("common.remove"), back: SiteRoute.reportTotals.path)
        {
            return ask
        }
        try await row.delete(on: req.db)
        try await req.audit(.update, "library_total", row.id)
        return req.seeOther(.reportTotals, flash: "totals.deleted")
    }

    private func page(_ req: Request, form: Form, errors: FieldErrors, status: HTTPStatus = .ok) async throws -> Response {
        let rows = try await LibraryTotal.query(on: req.db).sort(\.$periodFrom, .descending).all()
        let branches = try await Branch.query(on: req.db).sort(\.$code).all()
        return TotalsView.page(
            req.page, rows: rows, branches: branches, form: form, errors: errors, isAdmin: try req.currentUser().isAdmin, status: status)
    }
}
