import Fluent
import Vapor

/// One visit's page for coordinators: details, carrier and date, the selection (suggest, accept,
/// swap, remove, add by search), what to collect, the outcome, the history, and the reader's slip.
struct VisitController {
    struct ItemForm: Content {
        var action: String?
        var item: String?
        var bib_id: String?
        /// For `request` and `add`: another branch asked for its copy.
        var branch: String?

        /// The branch field: nil when empty; a value that is not an id is a malformed form.
        func askedBranch() throws -> UUID? {
            guard let raw = branch, !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw) else { throw AppError.badRequest(Message("error.bad_request")) }
            return id
        }
    }

    struct OutcomeForm: Content {
        var outcome: String?
        var reason: String?
        var reason_note: String?
        var reschedule_to: String?
        var key: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.visit(SiteRoute.anyID).pattern, use: show)
        routes.post(SiteRoute.visit(SiteRoute.anyID).pattern, use: update)
        routes.post(SiteRoute.visitItems(SiteRoute.anyID).pattern, use: items)
        routes.post(SiteRoute.visitOutcome(SiteRoute.anyID).pattern, use: outcome)
        routes.get(SiteRoute.visitSlip(SiteRoute.anyID).pattern, use: slip)
    }

    func show(req: Request) async throws -> Response {
        let (visit, _) = try await req.loadVisit()
        return try await render(req, visit, errors: FieldErrors())
    }

    func render(
        _ req: Request, _ visit: Visit, errors: FieldErrors, form: VisitPayload? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try await req.audit(.view, "visit", visit.id)
        let details = try await VisitDetails.load(visit, on: req.db)
        let carriers = try await User.query(on: req.db).filter(\.$role == .carrier).filter(\.$isActive == true)
            .filter(\.$branch.$id == visit.$branch.id).sort(\.$fullName).all()
        let events = try await VisitEvent.query(on: req.db).filter(\.$visit.$id == visit.id!).sort(\.$at).all()
        var found: [BibRecord] = []
        let q = req.query[String.self, at: "q"] ?? ""
        if !q.isEmpty && visit.visitStatus.isOpen {
            var query = CatalogQuery()
            query.q = q
            // The whole library: a title the visit's branch does not have can be asked for from another.
            query.per_page = 10
            if query.problems().isEmpty { found = try await CatalogSearch.run(query, on: req.db).records }
        }
        let carrierName = carriers.first { $0.id == visit.$carrier.id }?.fullName
        let stock = try await BranchStock.load(
            bibs: details.items.filter { $0.itemState == .suggested }.map(\.$bib.id) + found.compactMap(\.id), on: req.db)
        return VisitView.page(
            req.page,
            VisitView.Model(
                visit: visit, details: details, carriers: carriers, carrierName: carrierName, events: events, query: q, found: found,
                form: form
                    ?? VisitPayload(
                        scheduled_on: visit.scheduledOn, time_from: visit.timeFrom, time_to: visit.timeTo,
                        carrier_id: visit.$carrier.id?.uuidString.lowercased()),
                errors: errors, today: req.today, stock: stock),
            status: status)
    }

    func update(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        guard user.role != .carrier else { throw AppError.forbidden }
        let form = try req.content.decode(VisitPayload.self)
        let errors = try await VisitRequests.update(visit, form, by: user, today: req.today, on: req.db)
        guard errors.isEmpty else { return try await render(req, visit, errors: errors, form: form, status: .unprocessableEntity) }
        return req.seeOther(.visit(visit.id!), flash: "visits.saved")
    }

    func items(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        guard user.role != .carrier else { throw AppError.forbidden }
        let form = try req.content.decode(ItemForm.self)
        do {
            return try await changeItems(req, visit, form)
        } catch AppError.conflict(let m) where m.args.isEmpty {
            // Someone got the copy first, or the title is already chosen: back to the selection,
            // saying so, rather than an error page with no way back (issue 12, review).
            return req.seeOther(SiteRoute.visit(visit.id!).path + "#selection", flash: m.key)
        }
    }

    private func changeItems(_ req: Request, _ visit: Visit, _ form: ItemForm) async throws -> Response {
        let item = form.item.flatMap(UUID.init(uuidString:))
        switch form.action {
        case "suggest"?, "accept_all"?:
            let added = try await SelectionService.suggest(visitID: visit.id!, accept: form.action == "accept_all", today: req.today, on: req.db)
            // Saying "changed" when nothing was found hid that nothing fits (issue 12, review).
            if added == 0 {
                let kept = try await VisitItem.query(on: req.db).filter(\.$visit.$id == visit.id!).filter(\.$state != ItemState.suggested.rawValue)
                    .count()
                let key = kept >= visit.reader.itemsPerVisit ? "visits.selection_complete" : "visits.nothing_suggested"
                return req.seeOther(SiteRoute.visit(visit.id!).path + "#selection", flash: key)
            }
        case "accept"?:
            guard let item else { throw AppError.notFound }
            try await SelectionEdits.accept(itemID: item, visitID: visit.id!, on: req.db)
        case "request"?:
            guard let item, let from = try form.askedBranch() else { throw AppError.badRequest(Message("error.bad_request")) }
            try await SelectionEdits.accept(itemID: item, visitID: visit.id!, from: from, on: req.db)
            return req.seeOther(SiteRoute.visit(visit.id!).path + "#selection", flash: "visits.requested")
        case "remove"?:
            guard let item else { throw AppError.notFound }
            try await SelectionEdits.remove(itemID: item, visitID: visit.id!, on: req.db)
        case "swap"?:
            // The title goes and the next best suggestion takes its place; the others stay.
            guard let item else { throw AppError.notFound }
            try await SelectionSwap.swap(itemID: item, visitID: visit.id!, today: req.today, on: req.db)
        case "add"?:
            guard let bib = form.bib_id.flatMap({ Int($0) }) else { throw AppError.badRequest(Message("error.bad_request")) }
            // An empty branch field means the visit's own branch.
            let from = try form.askedBranch()
            _ = try await SelectionEdits.add(bibID: bib, copyID: nil, visitID: visit.id!, from: from, on: req.db)
            if from != nil { return req.seeOther(SiteRoute.visit(visit.id!).path + "#selection", flash: "visits.requested") }
        default: throw AppError.badRequest(Message("error.bad_request"))
        }
        return req.seeOther(SiteRoute.visit(visit.id!).path + "#selection", flash: "visits.selection_saved")
    }

    func outcome(req: Request) async throws -> Response {
        let (visit, user) = try await req.loadVisit()
        let form = try req.content.decode(OutcomeForm.self)
        let payload = OutcomePayload(
            outcome: form.outcome, reason: form.reason, reason_note: form.reason_note, reschedule_to: form.reschedule_to, key: form.key)
        let (checked, errors) = CheckedOutcome.check(payload, today: req.today)
        guard let checked, errors.isEmpty else { return try await render(req, visit, errors: errors, status: .unprocessableEntity) }
        // «Выполнен» and «Не застали дома» are one button each: asked once more. Cancelling and
        // moving are forms of their own (a reason, a day), chosen before the button.
        // Sent again after it was recorded (back, then resend): said so, not asked again.
        guard VisitState.open.contains(visit.status) else { return req.seeOther(.visit(visit.id!), flash: "visits.already_recorded") }
        if checked.outcome == .done || checked.outcome == .noAnswer,
            let ask = ConfirmStep.ask(
                req, question: req.t("visits.outcome_question", ["outcome": req.t(checked.outcome == .done ? "run.done" : "run.no_answer")]),
                detail: req.t(checked.outcome == .done ? "visits.outcome_done_detail" : "visits.outcome_no_answer_detail"),
                confirm: req.t(checked.outcome == .done ? "run.done" : "run.no_answer"), back: SiteRoute.visit(visit.id!).path)
        {
            return ask
        }
        do {
            _ = try await VisitRecorder.record(checked, visitID: visit.id!, by: user, today: req.today, on: req.db)
        } catch AppError.validation(let e) {
            return try await render(req, visit, errors: e, status: .unprocessableEntity)
        }
        return req.seeOther(.visit(visit.id!), flash: "visits.outcome_saved")
    }

    func slip(req: Request) async throws -> Response {
        let (visit, _) = try await req.loadVisit()
        try await req.audit(.view, "visit", visit.id)
        try await req.auditReaders(ofVisits: [visit.id!])
        let slip = try await SlipContent.load(visit, asked: req.query[String.self, at: "in"].flatMap(Lang.init(rawValue:)), on: req.db)
        return SlipView.page(req.page, slip, visitID: visit.id!)
    }
}
