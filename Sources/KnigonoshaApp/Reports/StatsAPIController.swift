import Fluent
import Vapor

/// `/api/v1/reports/delivery`, its lists, the annual report and the library totals.
struct StatsAPIController {
    func register(_ staff: any RoutesBuilder) {
        staff.get("reports", "delivery", use: delivery)
        staff.get("reports", "delivery", "rows", use: rows)
        staff.get("reports", "annual", use: annual)
        staff.get("library-totals", use: totals)
        let admin = staff.grouped(RequireRole([.admin]))
        admin.post("library-totals", use: saveTotal)
        admin.delete("library-totals", ":id", use: deleteTotal)
    }

    private func scope(_ req: Request) async throws -> StatsScope {
        let filter = try req.query.decode(StatsFilter.self)
        try EventsAPIController.rejectEmpty([("from", filter.from), ("to", filter.to), ("branch_id", filter.branch_id)])
        let (scope, errors) = try await filter.scope(today: req.today, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return scope
    }

    func delivery(req: Request) async throws -> DeliveryStatsDTO {
        let scope = try await scope(req)
        let stats = try await DeliveryStats.compute(scope, today: req.today, on: req.db)
        try await req.audit(.list, "statistics")
        return DeliveryStatsDTO(stats, totals: try await LibraryTotal.find(scope, on: req.db))
    }

    func rows(req: Request) async throws -> StatsRowsDTO {
        let scope = try await scope(req)
        guard StatsFilter.canDrill(try req.currentUser(), scope) else { throw AppError.forbidden }
        let list = req.query[String.self, at: "list"] ?? ""
        let subset = req.query[String.self, at: "subset"] ?? ""
        var e = FieldErrors()
        let rawPage = req.query[String.self, at: "page"]
        let page = rawPage.map { Int($0) ?? 0 } ?? 1
        if !(1...10_000).contains(page) { e.add("page", "validation.range", ["min": "1", "max": "10000"]) }
        if !["readers", "visits", "loans"].contains(list) { e.add("list", "validation.choice") }
        guard e.isEmpty else { throw AppError.validation(e) }
        guard let found = try await StatsLists.page(list: list, subset: subset, scope: scope, page: page, today: req.today, ctx: req.page, on: req.db)
        else {
            e.add("subset", "validation.choice")
            throw AppError.validation(e)
        }
        try await req.audit(.list, StatsLists.auditEntity(list))
        return StatsRowsDTO(
            total: found.total, page: page, page_size: StatsLists.pageSize, columns: found.headings,
            rows: found.rows.map { .init(link: $0.link?.path, cells: $0.cells) })
    }

    func annual(req: Request) async throws -> AnnualReportDTO {
        var e = FieldErrors()
        let year = AnnualReport.year(req.query[String.self, at: "year"], today: req.today, into: &e)
        guard e.isEmpty else { throw AppError.validation(e) }
        let filter = AnnualReport.filter(year: year, branch: req.query[String.self, at: "branch_id"])
        try EventsAPIController.rejectEmpty([("branch_id", filter.branch_id)])
        let loaded = try await DeliveryReportController.load(req, filter)
        guard loaded.errors.isEmpty, let stats = loaded.stats, let events = loaded.events else { throw AppError.validation(loaded.errors) }
        let projects = try await AnnualReport.projects(loaded.scope, today: req.today, on: req.db)
        return AnnualReportDTO(
            year: year, branch_id: loaded.scope.branchID, delivery: DeliveryStatsDTO(stats, totals: loaded.totals),
            events: EventsReportDTO(events, from: loaded.scope.from, to: loaded.scope.to), projects: projects.map(ProjectDTO.init))
    }

    func totals(req: Request) async throws -> [LibraryTotalDTO] {
        try await LibraryTotal.query(on: req.db).sort(\.$periodFrom, .descending).all().map(LibraryTotalDTO.init)
    }

    func saveTotal(req: Request) async throws -> LibraryTotalDTO {
        let p = try req.content.decode(LibraryTotalPayload.self, using: JSONDecoder())
        try EventsAPIController.rejectEmpty([("from", p.from), ("to", p.to)])
        let (row, errors) = try await LibraryTotals.save(p, on: req.db)
        guard errors.isEmpty, let row else { throw AppError.validation(errors) }
        try await req.audit(.update, "library_total", row.id)
        return LibraryTotalDTO(row)
    }

    func deleteTotal(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let row = try await LibraryTotal.find(id, on: req.db) else {
            throw AppError.notFound
        }
        try await row.delete(on: req.db)
        try await req.audit(.update, "library_total", id)
        return Response(status: .noContent)
    }
}
