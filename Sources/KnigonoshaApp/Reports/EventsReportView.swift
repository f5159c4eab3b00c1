import Plot
import Vapor

/// The events report: two tables (by type, by target group), each figure a link to its events.
enum EventsReportView {
    static func page(_ ctx: PageContext, filter: EventFilter, found: EventsView.Found, report: EventsReport, branches: [Branch]) -> Response {
        let period = ctx.date(found.from.iso) + " — " + ctx.date(found.to.iso)
        var exportFilter = filter
        exportFilter.from = found.from.iso
        exportFilter.to = found.to.iso
        let exportQuery = exportFilter.query
        var from = Forms.Field(
            name: "from", label: ctx.t("period.from"), value: filter.from ?? found.from.iso, error: found.errors["from"], type: "date")
        from.controlID = "f-from"
        var to = Forms.Field(name: "to", label: ctx.t("period.to"), value: filter.to ?? found.to.iso, error: found.errors["to"], type: "date")
        to.controlID = "f-to"
        var branch = Forms.Field(name: "branch_id", label: ctx.t("event.branch"), value: filter.branch_id?.lowercased() ?? "")
        branch.controlID = "filter-branch"
        let form: Node<HTML.BodyContext> = .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.reportEvents.path),
                .class("filters no-print"), Forms.input(ctx, from), Forms.input(ctx, to),
                Forms.select(
                    ctx, branch,
                    options: [("", ctx.t("visits.all_branches"))] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
                .button(.type(.submit), .text(ctx.t("visits.show"))),
            ])
        return Layout.page(
            ctx, title: ctx.t("report.events_title"), status: found.errors.isEmpty ? .ok : .unprocessableEntity,
            Forms.errorSummary(ctx, found.errors, labelPrefix: "event.filter_"),
            form,
            .p(.class("lead"), .text(ctx.t("report.events_lead"))),
            .div(
                .class("actions no-print"),
                .a(.class("button secondary"), .href(SiteRoute.reportEventsXLSX.path + "?" + exportQuery), .text(ctx.t("report.export_xlsx")))),
            trend(ctx, report),
            tables(ctx, report, from: found.from, to: found.to, branch: filter.branch_id.flatMap(UUID.init(uuidString:)), period: period)
        )
    }

    /// The tables by type and by target group; each count links to its events.
    static func tables(
        _ ctx: PageContext, _ report: EventsReport, from: LocalDate, to: LocalDate, branch: UUID?, period: String
    )
        -> Node<HTML.BodyContext>
    {
        func link(_ extra: (String, String)?) -> String {
            SiteRoute.events.path(
                query: [("from", from.iso), ("to", to.iso), ("branch_id", branch?.uuidString.lowercased() ?? "")] + (extra.map { [$0] } ?? []))
        }
        func table(_ caption: String, _ head: String, _ rows: [EventsReport.Row], key: String, param: String) -> Node<HTML.BodyContext> {
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(caption + ", " + period)),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(head)),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("report.events"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("report.participants"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("event.disabled"))))),
                    .tbody(
                        .forEach(rows) { r in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(ctx.t(key + "." + r.code))),
                                .td(.class("num"), .a(.href(link((param, r.code))), .text(ctx.number(r.events)))),
                                .td(.class("num"), .text(ctx.number(r.participants))),
                                .td(.class("num"), .text(ctx.number(r.disabled))))
                        }),
                    .tfoot(
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(ctx.t("report.total"))),
                            .td(.class("num"), .a(.href(link(nil)), .text(ctx.number(report.total.events)))),
                            .td(.class("num"), .text(ctx.number(report.total.participants))),
                            .td(.class("num"), .text(ctx.number(report.total.disabled)))))
                )
            )
        }
        return .group(
            table(ctx.t("report.by_type"), ctx.t("event.type"), report.byType, key: "event_type", param: "type"),
            table(ctx.t("report.by_group"), ctx.t("event.target_group"), report.byGroup, key: "target_group", param: "group"))
    }

    /// Events per month: the chart, and the same figures as a table.
    static func trend(_ ctx: PageContext, _ report: EventsReport) -> Node<HTML.BodyContext> {
        func label(_ code: String) -> String { StatsTables.monthLabel(ctx, code) }
        let bars = report.byMonth.map { BarChart.Bar(label: label($0.code), value: $0.events) }
        return .section(
            .attribute(named: "aria-labelledby", value: "trend-h"),
            .h2(.id("trend-h"), .text(ctx.t("report.by_month"))),
            StatsTables.chart(ctx, id: "events-by-month", title: ctx.t("report.by_month"), legend: ctx.t("stats.legend_events"), bars),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.t("report.by_month_table"))),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(ctx.t("report.month"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("report.events"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("report.participants"))))),
                    .tbody(
                        .forEach(report.byMonth) { r in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(label(r.code))),
                                .td(.class("num"), .text(ctx.number(r.events))), .td(.class("num"), .text(ctx.number(r.participants))))
                        })))
        )
    }
}
