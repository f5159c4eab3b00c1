import Fluent
import Spreadsheet
import Vapor

/// «Часы и дорога»: the hours report on a page, as CSV (both separators) and XLSX, and through
/// `GET /api/v1/carriers/hours`.
struct CarrierHoursController {
    struct Query: Content {
        var from: String?
        var to: String?
        var branch_id: String?
        var format: String?
    }

    func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteRoute.carriersHours.pattern, use: page)
        api.get("carriers", "hours", use: json)
    }

    /// The period (this month so far by default) and branch asked for, or the fields' errors.
    /// The form sends an emptied field as «not set»; to the API an empty value is not a date.
    static func scope(_ q: Query, req: Request, api: Bool = false) throws -> (from: LocalDate, to: LocalDate, branch: UUID?, errors: FieldErrors) {
        let user = try req.currentUser()
        var e = FieldErrors()
        if api {
            for (field, value) in [("from", q.from), ("to", q.to), ("branch_id", q.branch_id)] where value?.isEmpty == true {
                e.add(field, field == "branch_id" ? "validation.choice" : "validation.date")
            }
        }
        let today = req.today
        let from = e.date(q.from, "from", earliestYear: 2000) ?? LocalDate(year: today.year, month: today.month, day: 1)
        let to = e.date(q.to, "to", earliestYear: 2000) ?? today
        if to < from { e.add("to", "period.end_before_start") }
        if to.schedulingDay.ordinal - from.schedulingDay.ordinal > 366 { e.add("to", "hours.too_long") }
        var branch = user.isAdmin ? nil : user.branchID
        if let raw = q.branch_id, !raw.isEmpty {
            if let id = UUID(uuidString: raw) { branch = id } else { e.add("branch_id", "validation.choice") }
        }
        if e.isEmpty, let branch, !user.canAccess(branchID: branch) { throw AppError.forbidden }
        return (from, to, branch, e)
    }

    func page(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let (from, to, branch, errors) = try Self.scope(q, req: req)
        let ctx = req.page
        guard errors.isEmpty else {
            return CarrierHoursView.page(ctx, query: q, from: from, to: to, rows: [], errors: errors, status: .unprocessableEntity)
        }
        let rows = try await CarrierHoursReport.build(from: from, to: to, branchID: branch, on: req.db)
        try await req.audit(.list, "carrier_hours")
        switch q.format {
        case "csv":
            let sep = CSV.separator(req)
            let lines =
                [CSV.line(CarrierHoursReport.headings.map { ctx.t($0) }, separator: sep)]
                + rows.map { CSV.line(CarrierHoursReport.cells($0, ctx), separator: sep) }
            return Self.file(
                "\u{FEFF}" + lines.joined(), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]),
                name: "carrier-hours-\(from.iso)-\(to.iso).csv")
        case "xlsx":
            var book = CarrierHoursReport.workbook(rows, ctx)
            book.headed(try await ReportHeading.load(ctx, branchID: branch, from: from, to: to, on: req.db).rows(ctx))
            let response = Response(status: .ok, body: .init(data: try book.data()))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"carrier-hours-\(from.iso)-\(to.iso).xlsx\"")
            return response
        case nil, "": return CarrierHoursView.page(ctx, query: q, from: from, to: to, rows: rows, errors: errors, status: .ok)
        default:
            var e = FieldErrors()
            e.add("format", "validation.choice")
            throw AppError.validation(e)
        }
    }

    func json(req: Request) async throws -> [CarrierHoursRow] {
        let q = try req.query.decode(Query.self)
        let (from, to, branch, errors) = try Self.scope(q, req: req, api: true)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await req.audit(.list, "carrier_hours")
        return try await CarrierHoursReport.build(from: from, to: to, branchID: branch, on: req.db)
    }

    static func file(_ text: String, type: HTTPMediaType, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
