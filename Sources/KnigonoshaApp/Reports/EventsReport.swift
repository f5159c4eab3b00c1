import Fluent
import Spreadsheet
import Vapor

/// Events and their participants in a period, by type and by target group. Every figure links to
/// the list of the events behind it, so that a reported number can be checked event by event.
struct EventsReport {
    struct Row {
        var code: String
        var events = 0
        var participants = 0
        var disabled = 0
    }

    var byType: [Row]
    var byGroup: [Row]
    var total: Row
    /// Per month of the period (`yyyy-MM`), in order; at most three years of months.
    var byMonth: [Row] = []

    /// Counts `events`; an event with several target groups counts once in each. With a period,
    /// every month of it gets a row, empty months too.
    init(_ events: [Event], from: LocalDate? = nil, to: LocalDate? = nil) {
        var types = Dictionary(uniqueKeysWithValues: EventType.allCases.map { ($0.rawValue, Row(code: $0.rawValue)) })
        var groups = Dictionary(uniqueKeysWithValues: TargetGroup.allCases.map { ($0.rawValue, Row(code: $0.rawValue)) })
        var total = Row(code: "total")
        func add(_ row: inout Row, _ e: Event) {
            row.events += 1
            row.participants += e.participantsTotal
            row.disabled += e.disabled ?? 0
        }
        for e in events {
            add(&types[e.type, default: Row(code: e.type)], e)
            for g in e.groups { add(&groups[g.rawValue, default: Row(code: g.rawValue)], e) }
            add(&total, e)
        }
        var months: [String: Row] = [:]
        for e in events { add(&months[String(e.startsOn.prefix(7)), default: Row(code: String(e.startsOn.prefix(7)))], e) }
        if let from, let to {
            for key in StatsScope.monthKeys(from: from, to: to) where months[key] == nil { months[key] = Row(code: key) }
        }
        byMonth = months.keys.sorted().suffix(36).compactMap { months[$0] }
        byType = EventType.allCases.compactMap { types[$0.rawValue] }
        byGroup = TargetGroup.allCases.compactMap { groups[$0.rawValue] }
        self.total = total
    }
}

extension EventsReport {
    /// The report of the events that start in the scope's period, at its branch.
    static func load(_ scope: StatsScope, on db: any Database) async throws -> EventsReport {
        var q = Event.query(on: db).filter(\.$startsOn >= scope.from.iso).filter(\.$startsOn <= scope.to.iso)
        if let b = scope.branchID { q = q.filter(\.$branch.$id == b) }
        return EventsReport(try await q.all(), from: scope.from, to: scope.to)
    }

    /// The report as a workbook, with the page's localised headings.
    func workbook(_ ctx: PageContext) -> Workbook {
        func sheet(_ name: String, _ head: String, _ rows: [Row], key: String) -> Workbook.Sheet {
            let heading: [Workbook.Cell] = [
                .text(head), .text(ctx.t("report.events")), .text(ctx.t("report.participants")), .text(ctx.t("event.disabled")),
            ]
            let body = (rows + [total]).map { r -> [Workbook.Cell] in
                [
                    .text(r.code == "total" ? ctx.t("report.total") : ctx.t(key + "." + r.code)), .number(r.events), .number(r.participants),
                    .number(r.disabled),
                ]
            }
            return Workbook.Sheet(name: name, rows: [heading] + body)
        }
        return Workbook(sheets: [
            sheet(ctx.t("report.by_type"), ctx.t("event.type"), byType, key: "event_type"),
            sheet(ctx.t("report.by_group"), ctx.t("event.target_group"), byGroup, key: "target_group"),
        ])
    }
}

/// The events report as the API returns it.
struct EventsReportDTO: Content {
    struct Row: Content {
        var code: String
        var events: Int
        var participants: Int
        var disabled: Int
    }

    var from: String
    var to: String
    var by_type: [Row]
    var by_group: [Row]
    var by_month: [Row]
    var total: Row

    init(_ r: EventsReport, from: LocalDate, to: LocalDate) {
        func rows(_ list: [EventsReport.Row]) -> [Row] { list.map(row) }
        func row(_ x: EventsReport.Row) -> Row { Row(code: x.code, events: x.events, participants: x.participants, disabled: x.disabled) }
        self.from = from.iso
        self.to = to.iso
        by_type = rows(r.byType)
        by_group = rows(r.byGroup)
        by_month = rows(r.byMonth)
        total = row(r.total)
    }
}

/// `GET /api/v1/reports/events`: the same figures as the page.
struct ReportsAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("reports", "events", use: events)
    }

    func events(req: Request) async throws -> EventsReportDTO {
        var filter = try req.query.decode(EventFilter.self)
        try EventsAPIController.rejectEmpty([("from", filter.from), ("to", filter.to), ("branch_id", filter.branch_id)])
        filter.type = nil
        filter.group = nil
        let found = try await EventQuery.find(filter, today: req.today, on: req.db)
        guard found.errors.isEmpty else { throw AppError.validation(found.errors) }
        try await req.audit(.list, "event")
        return EventsReportDTO(EventsReport(found.events, from: found.from, to: found.to), from: found.from, to: found.to)
    }
}

/// `/reports/events`: the events report page.
struct ReportsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.reportEvents.pattern, use: events)
        routes.get(SiteRoute.reportEventsXLSX.pattern, use: xlsx)
    }

    /// The same report as an .xlsx workbook: a sheet by type and a sheet by target group.
    func xlsx(req: Request) async throws -> Response {
        var filter = try req.query.decode(EventFilter.self)
        filter.type = nil
        filter.group = nil
        let found = try await EventQuery.find(filter, today: req.today, on: req.db)
        guard found.errors.isEmpty else { throw AppError.validation(found.errors) }
        try await req.audit(.list, "event")
        var book = EventsReport(found.events).workbook(req.page)
        let branch = filter.branch_id.flatMap(UUID.init(uuidString:))
        book.headed(try await ReportHeading.load(req.page, branchID: branch, from: found.from, to: found.to, on: req.db).rows(req.page))
        let data = try book.data()
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"events-report-\(found.from.iso)-\(found.to.iso).xlsx\"")
        return response
    }

    func events(req: Request) async throws -> Response {
        var filter = try req.query.decode(EventFilter.self)
        filter.type = nil
        filter.group = nil
        let found = try await EventQuery.find(filter, today: req.today, on: req.db)
        try await req.audit(.list, "event")
        let branches = try await Branch.query(on: req.db).sort(\.$code).all()
        return EventsReportView.page(
            req.page, filter: filter, found: found, report: EventsReport(found.events, from: found.from, to: found.to), branches: branches)
    }
}
