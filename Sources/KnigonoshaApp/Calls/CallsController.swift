import Fluent
import Vapor

/// «Звонки накануне»: the day's visits to confirm by phone, and the answers (issue 15, §3).
struct CallsController {
    /// An answer the server refused, shown again at its visit with the errors.
    struct Refused {
        let visitID: UUID
        let input: CallService.Input
        let errors: FieldErrors
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.visitCalls.pattern, use: page)
        routes.post(SiteRoute.visitCall(SiteRoute.anyID).pattern, use: record)
    }

    func page(req: Request) async throws -> Response {
        try await render(req, day: Self.day(req), refused: nil)
    }

    func record(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        guard user.isStaff else { throw AppError.forbidden }
        let input = try req.content.decode(CallService.Input.self)
        let (_, errors) = try await CallService.record(input, visit: visit, user: user, today: req.today, on: req.db)
        guard errors.isEmpty else {
            return try await render(
                req, day: visit.day, refused: Refused(visitID: visit.id!, input: input, errors: errors), status: .unprocessableEntity)
        }
        try await req.audit(.update, "visit", visit.id)
        return req.seeOther(
            SiteRoute.visitCalls.path(query: [("date", visit.scheduledOn)]) + "#call-\(visit.id!.uuidString.lowercased())", flash: "call.saved")
    }

    /// The day asked for; tomorrow by default, since the calls are made the day before.
    static func day(_ req: Request) -> LocalDate {
        req.queryValue("date", labelKey: "calls.date") { LocalDate($0) } ?? req.today.adding(days: 1)
    }

    private func render(_ req: Request, day: LocalDate, refused: Refused?, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.currentUser()
        let branch = user.isAdmin ? req.queryValue("branch", labelKey: "visits.branch", UUID.init(uuidString:)) : user.branchID
        let entries = try await CallList.load(day: day, branchID: branch, l10n: req.application.l10n, on: req.db)
        try await req.audit(.list, "visit_call")
        // Names and phones of each reader on the list: each record was seen (94-V).
        try await req.auditReaders(ofVisits: entries.map(\.visit_id))
        return CallsView.page(req.page, day: day, entries: entries, refused: refused, status: status)
    }
}
