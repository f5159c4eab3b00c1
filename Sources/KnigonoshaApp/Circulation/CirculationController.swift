import Fluent
import Vapor

/// The circulation export for the library's own system, from the statistics page and from
/// `/api/v1/reports/circulation`: the same period and branch filters as the statistics. The
/// file names readers by card number, so it follows the rule of the lists behind the figures:
/// administrators for any branch, a coordinator for their own.
struct CirculationController {
    func register(staff: any RoutesBuilder, api: any RoutesBuilder) {
        staff.get(SiteRoute.reportCirculation.pattern, use: web)
        api.get("reports", "circulation", use: apiExport)
    }

    func web(req: Request) async throws -> Response {
        let filter = try req.query.decode(StatsFilter.self)
        let (scope, errors) = try await filter.scope(today: req.today, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let format = req.query[String.self, at: "format"] ?? "csv"
        guard Self.formats.contains(format) else {
            var e = FieldErrors()
            e.add("format", "validation.choice")
            throw AppError.validation(e)
        }
        return try await export(req, scope: scope, format: format, separator: CSV.separator(req))
    }

    func apiExport(req: Request) async throws -> Response {
        let filter = try req.query.decode(StatsFilter.self)
        try EventsAPIController.rejectEmpty([("from", filter.from), ("to", filter.to), ("branch_id", filter.branch_id)])
        let (scope, found) = try await filter.scope(today: req.today, on: req.db)
        var errors = found
        let format = req.query[String.self, at: "format"] ?? "csv"
        if !Self.formats.contains(format) { errors.add("format", "validation.choice") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return try await export(req, scope: scope, format: format, separator: ",")
    }

    static let formats: Set<String> = ["csv", "marc"]

    private func export(_ req: Request, scope: StatsScope, format: String, separator: Character) async throws -> Response {
        guard StatsFilter.canDrill(try req.currentUser(), scope) else { throw AppError.forbidden }
        let events = try await CirculationExport.load(scope, on: req.db)
        try await req.audit(.list, "circulation_export")
        let response: Response
        if format == "marc" {
            response = Response(status: .ok, body: .init(data: Data(CirculationExport.marc(events, scope: scope))))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "marc")
        } else {
            response = Response(status: .ok, body: .init(string: CirculationExport.csv(events, separator: separator)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        }
        let name = CirculationExport.fileName(scope, format == "marc" ? "mrc" : "csv")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
