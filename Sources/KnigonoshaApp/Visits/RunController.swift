import Fluent
import Vapor

/// The carrier's run sheet at `/run`: today's stops in route order, each recorded in one or two
/// taps. It works without JavaScript; with it, outcomes recorded offline wait on the phone and
/// are sent when the connection returns, under the same idempotency key.
struct RunController {
    struct Form: Content {
        var outcome: String?
        var key: String?
        var comment: String?
        var minutes_spent: String?
        var ratings: [String: String]?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.run.pattern, use: page)
        routes.post(SiteRoute.runOutcome(SiteRoute.anyID).pattern, use: record)
        routes.post(SiteRoute.runStart(SiteRoute.anyID).pattern) { req async throws -> Response in
            let (visit, user) = try await req.loadVisit()
            try await Self.start(visit, by: user, on: req.db)
            return req.seeOther(SiteRoute.run.path + "#stop-\(visit.id!.uuidString.lowercased())", flash: "run.started")
        }
    }

    /// «On my way»: a planned visit becomes in progress, so the coordinator sees where the run is.
    static func start(_ visit: Visit, by user: CurrentUser, on db: any Database) async throws {
        guard visit.visitStatus == .planned else { throw AppError.conflict(Message("visit.not_open")) }
        let visitID = try visit.requireID()
        try await BusyRetry.run {
            try await db.transaction { tx in
                // Conditional: of two taps (or a tap and an outcome) exactly one moves the visit.
                guard try await VisitState.move(visitID, from: .planned, to: .inProgress, on: tx) else {
                    throw AppError.conflict(Message("visit.not_open"))
                }
                let event = VisitEvent(
                    visitID: visitID, user: user, kind: "status", from: VisitStatus.planned.rawValue, to: VisitStatus.inProgress.rawValue)
                try await event.create(on: tx)
            }
        }
        visit.status = VisitStatus.inProgress.rawValue
    }

    static func registerAssets(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.runScript.pattern) { _ in javascript(RunView.script) }
        routes.get(SiteRoute.serviceWorker.pattern) { _ in javascript(RunView.serviceWorker) }
        routes.get(SiteRoute.printScript.pattern) { _ in javascript(PrintParts.script) }
    }

    private static func javascript(_ body: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    func page(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let day = req.queryValue("date", labelKey: "run.date") { LocalDate($0) } ?? req.today
        let (stops, held, _) = try await RunSheet.run(carrierID: user.id, day: day, now: req.minuteNow(on: day), on: req.db)
        try await req.audit(.list, "run")
        // The stops show readers' names and addresses: each reader's record was seen (94-V).
        try await req.auditReaders(ofVisits: stops.map(\.visit_id))
        let response = RunView.page(req.page, day: day, stops: stops, heldBack: held)
        // The page must be fresh when online; the service worker keeps the last copy for offline use.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    func record(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        let form = try req.content.decode(Form.self)
        var ratings: [String: Int] = [:]
        for (k, v) in form.ratings ?? [:] where !v.isEmpty { ratings[k] = Int(v) ?? 0 }
        let minutes = form.minutes_spent.flatMap { $0.isEmpty ? nil : Int($0) ?? -1 }
        let payload = OutcomePayload(
            outcome: form.outcome, returned: nil, ratings: ratings, minutes_spent: minutes, comment: form.comment, key: form.key)
        var (checked, errors) = CheckedOutcome.check(payload, today: req.today)
        if let outcome = checked?.outcome,
            let refused = CheckedOutcome.refusal(for: outcome, role: user.role, visitDay: visit.scheduledOn, today: req.today)
        {
            errors = refused
            checked = nil
        }
        guard let checked, errors.isEmpty else {
            // Back to the run, with the errors at this stop's fields.
            let stops = try await RunSheet.stops(carrierID: user.id, day: visit.day, on: req.db)
            let refused = RunView.Refused(visitID: visit.id!, minutes: form.minutes_spent ?? "", comment: form.comment ?? "", errors: errors)
            return RunView.page(req.page, day: visit.day, stops: stops, refused: refused)
        }
        // Sent again after it was recorded (back, then resend): said so, not asked again.
        guard VisitState.open.contains(visit.status) else {
            return req.seeOther(SiteRoute.run.path + "#stop-\(visit.id!.uuidString.lowercased())", flash: "visits.already_recorded")
        }
        // Without JavaScript the button posts here: asked once more, as on the visit's page (the
        // page's script asks with a second tap instead).
        if let ask = ConfirmStep.ask(
            req, question: req.t("visits.outcome_question", ["outcome": req.t(checked.outcome == .done ? "run.done" : "run.no_answer")]),
            detail: req.t(checked.outcome == .done ? "visits.outcome_done_detail" : "visits.outcome_no_answer_detail"),
            confirm: req.t(checked.outcome == .done ? "run.done" : "run.no_answer"),
            back: SiteRoute.run.path + "#stop-\(visit.id!.uuidString.lowercased())")
        {
            return ask
        }
        _ = try await VisitRecorder.record(checked, visitID: visit.id!, by: user, today: req.today, on: req.db)
        return req.seeOther(SiteRoute.run.path + "#stop-\(visit.id!.uuidString.lowercased())", flash: "run.recorded")
    }
}
