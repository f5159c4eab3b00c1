import Fluent
import Vapor

/// The event register's pages: the list with filters, the card, the form and the CSV export.
struct EventsController {
    /// The web form: numbers as typed, so a refused form shows them again.
    struct Form: Content {
        var title: String?
        var type: String?
        var starts_on: String?
        var ends_on: String?
        var time_from: String?
        var time_to: String?
        var place: String?
        var organiser: String?
        var branch_id: String?
        var target_groups: [String]?
        var participants: String?
        var participants_total: String?
        var children: String?
        var youth: String?
        var adults: String?
        var disabled: String?
        var goal: String?
        var expected_result: String?
        var actual_result: String?
        var notes: String?
        var project_id: String?
        /// Ticked after the warning that an event of the same day, type and place exists.
        var duplicate_ok: [String]?

        init() {}

        init(_ e: Event) {
            title = e.title
            type = e.type
            starts_on = e.startsOn
            ends_on = e.endsOn
            time_from = e.timeFrom
            time_to = e.timeTo
            place = e.place
            organiser = e.organiser
            branch_id = e.$branch.id?.uuidString.lowercased()
            target_groups = e.groups.map(\.rawValue)
            participants = e.participants
            participants_total = String(e.participantsTotal)
            children = e.children.map(String.init)
            youth = e.youth.map(String.init)
            adults = e.adults.map(String.init)
            disabled = e.disabled.map(String.init)
            goal = e.goal
            expected_result = e.expectedResult
            actual_result = e.actualResult
            notes = e.notes
            project_id = e.$project.id?.uuidString.lowercased()
        }

        /// The payload, or the fields whose numbers or branch could not be read.
        func payload() -> (EventPayload, FieldErrors) {
            var e = FieldErrors()
            func int(_ v: String?, _ field: String) -> Int? {
                guard let t = v?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
                guard let n = Int(t) else {
                    e.add(field, "validation.number")
                    return nil
                }
                return n
            }
            let branch = e.optionalID(branch_id, "branch_id")
            let project = e.optionalID(project_id, "project_id")
            let p = EventPayload(
                title: title, type: type, starts_on: starts_on, ends_on: ends_on, time_from: time_from, time_to: time_to, place: place,
                organiser: organiser, branch_id: branch, target_groups: target_groups, participants: participants,
                participants_total: int(participants_total, "participants_total"), children: int(children, "children"),
                youth: int(youth, "youth"), adults: int(adults, "adults"), disabled: int(disabled, "disabled"), goal: goal,
                expected_result: expected_result, actual_result: actual_result, notes: notes,
                project_id: project)
            return (p, e)
        }
    }

    /// Reading is for everyone who reads the reports (management too); changing for staff.
    func register(read: any RoutesBuilder, write routes: any RoutesBuilder) {
        read.get(SiteRoute.events.pattern, use: list)
        read.get(SiteRoute.eventsCSV.pattern, use: csv)
        read.get(SiteRoute.eventsCalendar.pattern, use: calendar)
        routes.get(SiteRoute.eventNew.pattern, use: newForm)
        routes.post(SiteRoute.eventNew.pattern, use: create)
        read.get(SiteRoute.event(SiteRoute.anyID).pattern, use: show)
        routes.get(SiteRoute.eventEdit(SiteRoute.anyID).pattern, use: editForm)
        routes.post(SiteRoute.eventEdit(SiteRoute.anyID).pattern, use: update)
        EventDeletion().register(routes)
    }

    func list(req: Request) async throws -> Response {
        let filter = try req.query.decode(EventFilter.self)
        let found = try await EventQuery.find(filter, today: req.today, on: req.db)
        try await req.audit(.list, "event")
        return EventsView.list(
            req.page, filter: filter, found: found, branches: try await Branch.query(on: req.db).sort(\.$code).all())
    }

    func csv(req: Request) async throws -> Response {
        let found = try await EventQuery.find(try req.query.decode(EventFilter.self), today: req.today, on: req.db)
        guard found.errors.isEmpty else { throw AppError.validation(found.errors) }
        let branches = try await Branch.query(on: req.db).all()
        let names = Dictionary(branches.map { ($0.id!, $0.name(req.lang)) }) { a, _ in a }
        // The Kazakh file names projects in Kazakh, as the Kazakh report does (issue 12, item 13).
        let ctx = req.page
        let projects = Dictionary(try await Project.query(on: req.db).all().map { ($0.id!, Bilingual.pick(ctx, ru: $0.name, kk: $0.nameKk)) }) {
            a, _ in a
        }
        try await req.audit(.list, "event")
        return EventsCSV.response(
            found.events, branchNames: names, projectNames: projects, ctx: ctx, name: "events-\(found.from.iso)-\(found.to.iso).csv",
            separator: CSV.separator(req))
    }

    /// A month of events; `month` is `yyyy-MM` (this month when left out; when unreadable too,
    /// and the page says so).
    func calendar(req: Request) async throws -> Response {
        let asked = req.queryValue("month", labelKey: "events.calendar_month") { LocalDate($0 + "-01") }
        let first = asked ?? LocalDate(year: req.today.year, month: req.today.month, day: 1)
        let last = LocalDate(year: first.year, month: first.month, day: LocalDate.daysIn(month: first.month, year: first.year))
        // Events that start in the month, or started before it and run into it.
        let events = try await Event.query(on: req.db).filter(\.$startsOn <= last.iso)
            .group(.or) { $0.filter(\.$startsOn >= first.iso).filter(\.$endsOn >= first.iso) }
            .sort(\.$startsOn).sort(\.$timeFrom).limit(EventQuery.limit).all()
        try await req.audit(.list, "event")
        return EventCalendarView.page(req.page, month: first, events: events)
    }

    func newForm(req: Request) async throws -> Response {
        var form = Form()
        form.starts_on = req.today.iso
        form.branch_id = try req.currentUser().branchID?.uuidString.lowercased()
        form.project_id = req.query[String.self, at: "project_id"]
        return try await EventsView.form(req.page, event: nil, form: form, errors: FieldErrors(), branches: branches(req), projects: projects(req))
    }

    func create(req: Request) async throws -> Response {
        try await save(req, event: Event())
    }

    func show(req: Request) async throws -> Response {
        let event = try await Self.find(req)
        try await req.audit(.view, "event", event.id)
        return try await Self.card(req, event, errors: FieldErrors())
    }

    /// The event's card with its attachments; after a refused file, with its error.
    static func card(_ req: Request, _ event: Event, errors: FieldErrors) async throws -> Response {
        let branch = try await event.$branch.get(on: req.db)
        let files = try await EventAttachment.query(on: req.db).filter(\.$event.$id == event.id!).sort(\.$createdAt).all()
        return EventCardView.page(
            req.page, event: event, branchName: branch?.name(req.lang), canEdit: try EventsController().canEdit(event, req), attachments: files,
            errors: errors, maxMB: req.application.config.attachmentMaxBytes / 1024 / 1024,
            project: try await event.$project.get(on: req.db))
    }

    func editForm(req: Request) async throws -> Response {
        let event = try await Self.find(req)
        guard try canEdit(event, req) else { throw AppError.forbidden }
        return try await EventsView.form(
            req.page, event: event, form: Form(event), errors: FieldErrors(), branches: branches(req), projects: projects(req))
    }

    func update(req: Request) async throws -> Response {
        let event = try await Self.find(req)
        guard try canEdit(event, req) else { throw AppError.forbidden }
        return try await save(req, event: event)
    }

    private func save(_ req: Request, event: Event) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let (payload, parseErrors) = form.payload()
        var errors = parseErrors
        let stored = event.id == nil ? nil : [event.startsOn, event.type, EventService.placeKey(event.place)]
        if errors.isEmpty { errors = try await EventService.apply(payload, to: event, by: try req.currentUser(), on: req.db) }
        // The same event entered twice (by two staff, or again after a lost page) would count its
        // participants twice in the reports: ask before saving a second one (issue 12, item 9).
        // An edit that keeps the day, type and place was asked about already.
        if errors.isEmpty, stored != [event.startsOn, event.type, EventService.placeKey(event.place)], form.duplicate_ok?.contains("1") != true,
            let twin = try await EventService.twin(of: event, on: req.db)
        {
            errors.add("duplicate_ok", "event.duplicate", ["title": twin.title])
        }
        guard errors.isEmpty else {
            return try await EventsView.form(
                req.page, event: event.id == nil ? nil : event, form: form, errors: errors, branches: branches(req), projects: projects(req),
                status: .unprocessableEntity)
        }
        let isNew = event.id == nil
        try await event.save(on: req.db)
        try await req.audit(isNew ? .create : .update, "event", event.id)
        return req.seeOther(.event(event.id!), flash: "event.saved")
    }

    static func find(_ req: Request) async throws -> Event {
        guard let event = try await Event.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return event
    }

    /// Coordinators change their own branch's events; administrators any.
    func canEdit(_ event: Event, _ req: Request) throws -> Bool {
        let user = try req.currentUser()
        guard user.isStaff else { return false }
        return user.isAdmin || (event.$branch.id != nil && event.$branch.id == user.branchID)
    }

    private func projects(_ req: Request) async throws -> [Project] {
        try await Project.query(on: req.db).sort(\.$name).all()
    }

    private func branches(_ req: Request) async throws -> [Branch] {
        let user = try req.currentUser()
        let all = try await Branch.query(on: req.db).sort(\.$code).all()
        return user.isAdmin ? all : all.filter { $0.id == user.branchID }
    }
}
