import Fluent
import Vapor

/// `/reports`: the delivery statistics with charts, their drill-down lists, exports, the
/// annual report, and the library totals the shares are counted against.
struct DeliveryReportController {
    func register(_ staff: any RoutesBuilder) {
        staff.get(SiteRoute.reports.pattern, use: dashboard)
        staff.get(SiteRoute.reportsCSV.pattern, use: csv)
        staff.get(SiteRoute.reportsXLSX.pattern, use: xlsx)
        staff.get(SiteRoute.reportRows.pattern, use: rows)
        staff.get(SiteRoute.reportAnnual.pattern, use: annual)
        LibraryTotalsController().register(staff)
    }

    /// The figures for the filters, or the page's field errors.
    struct Loaded {
        var scope: StatsScope
        var errors: FieldErrors
        var stats: DeliveryStats?
        var totals: LibraryTotal?
        var events: EventsReport?
    }

    static func load(_ req: Request, _ filter: StatsFilter) async throws -> Loaded {
        let (scope, errors) = try await filter.scope(today: req.today, on: req.db)
        guard errors.isEmpty else { return Loaded(scope: scope, errors: errors) }
        let stats = try await DeliveryStats.compute(scope, today: req.today, on: req.db)
        let events = try await EventsReport.load(scope, on: req.db)
        try await req.audit(.list, "statistics")
        return Loaded(scope: scope, errors: errors, stats: stats, totals: try await LibraryTotal.find(scope, on: req.db), events: events)
    }

    func dashboard(req: Request) async throws -> Response {
        let filter = try req.query.decode(StatsFilter.self)
        let loaded = try await Self.load(req, filter)
        return StatsView.page(
            req.page, filter: filter, loaded: loaded, branches: try await Branch.query(on: req.db).sort(\.$code).all(),
            canDrill: StatsFilter.canDrill(try req.currentUser(), loaded.scope), today: req.today)
    }

    func csv(req: Request) async throws -> Response {
        let loaded = try await Self.load(req, try req.query.decode(StatsFilter.self))
        guard loaded.errors.isEmpty, let stats = loaded.stats else { throw AppError.validation(loaded.errors) }
        return StatsExport.csv(stats, totals: loaded.totals, ctx: req.page, separator: CSV.separator(req))
    }

    func xlsx(req: Request) async throws -> Response {
        let loaded = try await Self.load(req, try req.query.decode(StatsFilter.self))
        guard loaded.errors.isEmpty, let stats = loaded.stats, let events = loaded.events else { throw AppError.validation(loaded.errors) }
        let heading = try await ReportHeading.load(req.page, branchID: stats.scope.branchID, from: stats.scope.from, to: stats.scope.to, on: req.db)
        return try StatsExport.xlsx(stats, totals: loaded.totals, events: events, heading: heading, ctx: req.page)
    }

    func rows(req: Request) async throws -> Response {
        let filter = try req.query.decode(StatsFilter.self)
        let (scope, errors) = try await filter.scope(today: req.today, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        guard StatsFilter.canDrill(try req.currentUser(), scope) else { throw AppError.forbidden }
        let list = req.query[String.self, at: "list"] ?? ""
        let subset = req.query[String.self, at: "subset"] ?? ""
        let page = max(1, min(10_000, req.queryValue("page", labelKey: "filter.page") { Int($0) } ?? 1))
        guard let found = try await StatsLists.page(list: list, subset: subset, scope: scope, page: page, today: req.today, ctx: req.page, on: req.db)
        else { throw AppError.notFound }
        try await req.audit(.list, StatsLists.auditEntity(list))
        return StatsRowsView.page(req.page, scope: scope, list: list, subset: subset, page: page, found: found)
    }

    /// The print-ready annual report: `year` (this year by default), for a branch or the library.
    func annual(req: Request) async throws -> Response {
        let raw = req.query[String.self, at: "year"] ?? ""
        var errors = FieldErrors()
        let year = AnnualReport.year(raw.isEmpty ? nil : raw, today: req.today, into: &errors)
        var loaded = try await Self.load(req, AnnualReport.filter(year: year, branch: req.query[String.self, at: "branch_id"]))
        loaded.errors.merge(errors)
        let branches = try await Branch.query(on: req.db).sort(\.$code).all()
        let projects = try await AnnualReport.projects(loaded.scope, today: req.today, on: req.db)
        let heading = try await ReportHeading.load(
            req.page, branchID: loaded.scope.branchID, from: loaded.scope.from, to: loaded.scope.to, on: req.db)
        return AnnualReportView.page(
            req.page, year: raw.isEmpty ? String(year) : raw, loaded: loaded, branches: branches, projects: projects, heading: heading)
    }
}
