import Fluent
import Vapor

/// `/api/v1/visits/calls` and `/api/v1/visits/{id}/calls`: the call list and its answers, as on
/// the page (issue 15, §3).
struct CallsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("visits", "calls", use: list)
        api.post("visits", ":id", "calls", use: record)
    }

    func list(req: Request) async throws -> [CallEntry] {
        let user = try req.currentUser()
        var e = FieldErrors()
        // Left out: tomorrow. Sent, it must be a date (an empty `date=` is not one, schemathesis).
        let raw = req.query[String.self, at: "date"]
        if raw?.isEmpty == true { e.add("date", "validation.date") }
        let day = e.date(raw, "date", earliestYear: 2000) ?? req.today.adding(days: 1)
        // Administrators choose a branch or see all; a coordinator sees their own, and naming
        // another is refused rather than quietly ignored.
        var branch = user.isAdmin ? nil : user.branchID
        if let raw = req.query[String.self, at: "branch_id"] {
            if let id = UUID(uuidString: raw) { branch = id } else { e.add("branch_id", "validation.choice") }
        }
        guard e.isEmpty else { throw AppError.validation(e) }
        guard user.canAccess(branchID: branch) || (user.isAdmin && branch == nil) else { throw AppError.forbidden }
        let entries = try await CallList.load(day: day, branchID: branch, l10n: req.application.l10n, on: req.db)
        try await req.audit(.list, "visit_call")
        try await req.auditReaders(ofVisits: entries.map(\.visit_id))
        return entries
    }

    func record(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        guard user.isStaff else { throw AppError.forbidden }
        let input = try req.content.decode(CallService.Input.self, using: JSONDecoder())
        let (stored, errors) = try await CallService.record(input, visit: visit, user: user, today: req.today, on: req.db)
        guard let call = stored, errors.isEmpty else { throw AppError.validation(errors) }
        try await req.audit(.update, "visit", visit.id)
        let response = Response(status: .created)
        try response.content.encode(
            CallEntry.LastCall(result: call.result, at: call.calledAt, moved_to: call.movedTo, note: call.note), as: .json)
        return response
    }
}
