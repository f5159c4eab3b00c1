import Fluent
import Vapor

/// `/api/v1/visits`, `/api/v1/run` and `/api/v1/loans`: planning, selection, outcomes and
/// circulation for programs. Carriers reach only `/run` and their own visits' outcomes.
struct VisitsAPIController {
    struct PlanInput: Content {
        var branch_id: UUID?
        var from: String?
        var weeks: Int?
    }

    struct PlanResult: Content {
        var created: Int
        var readers: Int
        var without_consent: Int
    }

    struct SelectInput: Content {
        /// Administrators may leave it out for every branch at once.
        var branch_id: UUID?
        var from: String
        var to: String
    }

    struct SelectResult: Content {
        var visits: Int
        var items: Int
    }

    struct AddItem: Content {
        var bib_id: Int
        var copy_id: UUID?
        /// Another branch of the library to ask for its copy; the visit's own branch when left out.
        var branch_id: UUID?
    }

    struct VisitList: Content {
        var items: [VisitDTO]
    }

    struct RunDTO: Content {
        var date: String
        var stops: [RunStop]
    }

    /// `browser` also takes the run page's own session (see `SessionAPIAuthMiddleware`), for
    /// the outcomes its offline queue sends.
    func register(staff: any RoutesBuilder, anyone: any RoutesBuilder, browser: any RoutesBuilder) {
        let visits = staff.grouped("visits")
        visits.get(use: list)
        visits.post(use: create)
        visits.post("plan", use: plan)
        visits.post("select", use: select)
        visits.get(":id", use: show)
        visits.patch(":id", use: update)
        visits.post(":id", "suggestions", use: suggest)
        visits.post(":id", "items", use: addItem)
        visits.post(":id", "items", ":item", "accept", use: acceptItem)
        visits.delete(":id", "items", ":item", use: removeItem)
        browser.post("visits", ":id", "outcome", use: outcome)
        anyone.post("visits", ":id", "start") { req async throws -> Response in
            let (visit, user) = try await req.loadVisit()
            try await RunController.start(visit, by: user, on: req.db)
            return Response(status: .noContent)
        }
        anyone.get("run", use: run)
    }

    func list(req: Request) async throws -> VisitList {
        let user = try req.currentUser()
        let (from, to, problems) = VisitQuery.range(req.query[String.self, at: "from"], req.query[String.self, at: "to"], today: req.today)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        var query = Visit.query(on: req.db).filter(\.$scheduledOn >= from.iso).filter(\.$scheduledOn <= to.iso).with(\.$reader)
        if !user.isAdmin { query = query.filter(\.$branch.$id == (user.branchID ?? UUID())) }
        let visits = try await query.sort(\.$scheduledOn).sort(\.$timeFrom).limit(2000).all()
        let details = try await VisitDetails.loadAll(visits, on: req.db)
        let out = visits.map { VisitDTO($0, details: details[$0.id!] ?? VisitDetails(items: [], collect: [])) }
        try await req.audit(.list, "visit")
        return VisitList(items: out)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let payload = try req.content.decode(VisitPayload.self, using: JSONDecoder())
        let (visit, errors) = try await VisitRequests.create(payload, by: user, today: req.today, on: req.db)
        guard let visit, errors.isEmpty else { throw AppError.validation(errors) }
        return try await respond(visit.id!, req, status: .created)
    }

    func plan(req: Request) async throws -> PlanResult {
        let user = try req.currentUser()
        let input = try req.content.decode(PlanInput.self, using: JSONDecoder())
        var e = FieldErrors()
        let from = input.from.map { LocalDate($0) } ?? req.today
        if from == nil { e.add("from", "validation.date") } else if let f = from, f < req.today { e.add("from", "validation.not_past") }
        let defaultWeeks = try await DeliverySettings.load(on: req.db).horizonWeeks
        let weeks = input.weeks ?? defaultWeeks
        if !(1...26).contains(weeks) { e.add("weeks", "visit.weeks_range") }
        if let b = input.branch_id, !user.canAccess(branchID: b) { e.add("branch_id", "validation.choice") }
        guard e.isEmpty, let from else { throw AppError.validation(e) }
        let branch = user.isAdmin ? input.branch_id : user.branchID
        let result = try await VisitPlanner.plan(branchID: branch, from: from, until: from.adding(days: weeks * 7 - 1), by: user, on: req.db)
        return PlanResult(created: result.created, readers: result.readers, without_consent: result.withoutConsent)
    }

    func select(req: Request) async throws -> SelectResult {
        let user = try req.currentUser()
        let input = try req.content.decode(SelectInput.self, using: JSONDecoder())
        var (from, to, e) = VisitQuery.range(input.from, input.to, today: req.today)
        if let branch = input.branch_id {
            if !user.canAccess(branchID: branch) { e.add("branch_id", "validation.choice") }
        } else if !user.isAdmin {
            e.add("branch_id", "validation.required")
        }
        if from.adding(days: 31) < to { e.add("to", "visit.range_too_long") }
        guard e.isEmpty else { throw AppError.validation(e) }
        let r = try await SelectionBatch.run(
            branchID: input.branch_id, from: from, until: to, today: req.today, on: req.db,
            lanes: req.application.databasesPerLoop(logger: req.logger))
        return SelectResult(visits: r.visits, items: r.items)
    }

    func show(req: Request) async throws -> VisitDTO {
        let (visit, _) = try await req.loadVisit()
        try await req.audit(.view, "visit", visit.id)
        return VisitDTO(visit, details: try await VisitDetails.load(visit, on: req.db))
    }

    func update(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        let payload = try req.content.decode(VisitPayload.self, using: JSONDecoder())
        let errors = try await VisitRequests.update(visit, payload, by: user, today: req.today, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return try await respond(visit.id!, req)
    }

    func suggest(req: Request) async throws -> Response {
        let (visit, _) = try await req.loadVisit()
        try await SelectionService.suggest(visitID: visit.id!, accept: false, today: req.today, on: req.db)
        return try await respond(visit.id!, req)
    }

    func addItem(req: Request) async throws -> Response {
        let (visit, _) = try await req.loadVisit()
        let input = try req.content.decode(AddItem.self, using: JSONDecoder())
        _ = try await SelectionEdits.add(bibID: input.bib_id, copyID: input.copy_id, visitID: visit.id!, from: input.branch_id, on: req.db)
        return try await respond(visit.id!, req, status: .created)
    }

    func acceptItem(req: Request) async throws -> Response {
        let (visit, _) = try await req.loadVisit()
        guard let item = req.parameters.get("item").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        // `?branch_id=` asks another branch of the library for its copy (issue 12, finding 4).
        var from: UUID?
        if let raw = req.query[String.self, at: "branch_id"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else {
                var e = FieldErrors()
                e.add("branch_id", "validation.choice")
                throw AppError.validation(e)
            }
            from = id
        }
        try await SelectionEdits.accept(itemID: item, visitID: visit.id!, from: from, on: req.db)
        return try await respond(visit.id!, req)
    }

    func removeItem(req: Request) async throws -> Response {
        let (visit, _) = try await req.loadVisit()
        guard let item = req.parameters.get("item").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        try await SelectionEdits.remove(itemID: item, visitID: visit.id!, on: req.db)
        return Response(status: .noContent)
    }

    func outcome(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        var payload = try req.content.decode(OutcomePayload.self, using: JSONDecoder())
        // The header is checked even when the body carries the key: a bad header is never ignored.
        let header = req.headers.first(name: "Idempotency-Key")
        if let header, header.isEmpty || header.count > 100 {
            var e = FieldErrors()
            e.add("Idempotency-Key", "validation.too_long", ["max": "100"])
            throw AppError.validation(e)
        }
        if payload.key == nil { payload.key = header }
        let (checked, errors) = CheckedOutcome.check(payload, today: req.today)
        guard let checked, errors.isEmpty else { throw AppError.validation(errors) }
        if let refused = CheckedOutcome.refusal(for: checked.outcome, role: user.role, visitDay: visit.scheduledOn, today: req.today) {
            throw AppError.validation(refused)
        }
        let result = try await VisitRecorder.record(checked, visitID: visit.id!, by: user, today: req.today, on: req.db)
        let response: Response
        if user.role == .carrier {
            // A carrier gets the stop back, never the coordinator's view of the visit.
            let stops = try await RunSheet.stops(carrierID: user.id, day: visit.day, on: req.db)
            guard let stop = stops.first(where: { $0.visit_id == visit.id }) else { throw AppError.notFound }
            response = try await stop.encodeResponse(for: req)
        } else {
            response = try await respond(visit.id!, req)
        }
        if case .replayed(let first) = result {
            // A resend under a key already recorded: the first request's answer, nothing new stored.
            // The body is the visit as it is now (a visit with an outcome does not change); the
            // body itself is not kept, since it would be another copy of the reader's address.
            response.headers.replaceOrAdd(name: Self.replayedHeader, value: "true")
            if let code = first.code { response.status = HTTPResponseStatus(statusCode: code) }
        }
        return response
    }

    /// Marks an answer to a resend: the outcome was recorded by an earlier request with this key.
    static let replayedHeader = "Idempotent-Replayed"

    func run(req: Request) async throws -> RunDTO {
        let user = try req.currentUser()
        var day = req.today
        if let raw = req.query[String.self, at: "date"] {
            guard let d = LocalDate(raw) else {
                var e = FieldErrors()
                e.add("date", "validation.date")
                throw AppError.validation(e)
            }
            day = d
        }
        let stops = try await RunSheet.stops(carrierID: user.id, day: day, now: req.minuteNow(on: day), on: req.db)
        try await req.audit(.list, "run")
        try await req.auditReaders(ofVisits: stops.map(\.visit_id))
        return RunDTO(date: day.iso, stops: stops)
    }

    private func respond(_ id: UUID, _ req: Request, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (visit, _) = try await req.loadVisit(id)
        let response = Response(status: status)
        try response.content.encode(VisitDTO(visit, details: try await VisitDetails.load(visit, on: req.db)), as: .json)
        return response
    }
}

/// A range of days from the query string; a week from today by default, at most a year long.
enum VisitQuery {
    static func range(_ from: String?, _ to: String?, today: LocalDate) -> (LocalDate, LocalDate, FieldErrors) {
        var e = FieldErrors()
        let f: LocalDate? = from.map { LocalDate($0) } ?? today
        let start = f ?? today
        if f == nil { e.add("from", "validation.date") }
        let t: LocalDate? = to.map { LocalDate($0) } ?? start.adding(days: 6)
        if t == nil { e.add("to", "validation.date") }
        let end = t ?? start.adding(days: 6)
        if end < start { e.add("to", "validation.period_order") }
        if start.adding(days: 366) < end { e.add("to", "visit.range_too_long") }
        return (start, end, e)
    }
}
