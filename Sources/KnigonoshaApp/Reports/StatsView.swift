import Plot
import Vapor

/// The statistics dashboard: filters and period shortcuts, the monthly trend and breakdown
/// charts (each with its figures in a table), and every figure linked to its list.
enum StatsView {
    static func page(
        _ ctx: PageContext, filter: StatsFilter, loaded: DeliveryReportController.Loaded, branches: [Branch], canDrill: Bool, today: LocalDate
    ) -> Response {
        let scope = loaded.scope
        let period = ctx.date(scope.from.iso) + " — " + ctx.date(scope.to.iso)
        let query = StatsFilter.query(scope)
        let drill: ((StatsLine) -> String?)? =
            canDrill
            ? { line in
                guard let list = line.list, let subset = line.subset else { return nil }
                return SiteRoute.reportRows.path(query: query + [("list", list), ("subset", subset)])
            } : nil
        var body: [Node<HTML.BodyContext>] = [
            Forms.errorSummary(ctx, loaded.errors, labelPrefix: "event.filter_"),
            filters(ctx, filter, scope: scope, errors: loaded.errors, branches: branches, today: today),
        ]
        if let stats = loaded.stats, let events = loaded.events {
            let sections = stats.sections(totals: loaded.totals)
            body += [
                .p(.class("lead"), .text(ctx.t("stats.lead", ["period": period]))),
                .if(!canDrill, .p(.class("hint"), .text(ctx.t("stats.drill_own_branch")))),
                .div(
                    .class("actions no-print"),
                    .a(.class("button secondary"), .href(SiteRoute.reportsCSV.path(query: query)), .text(ctx.t("event.export_csv"))),
                    .a(
                        .class("button secondary"), .href(SiteRoute.reportsCSV.path(query: query + [("sep", "semicolon")])),
                        .text(ctx.t("export.csv_semicolon"))),
                    .a(.class("button secondary"), .href(SiteRoute.reportsXLSX.path(query: query)), .text(ctx.t("report.export_xlsx"))),
                    .a(
                        .class("button secondary"),
                        .href(SiteRoute.reportAnnual.path(query: [("year", String(scope.to.year)), ("branch_id", query[2].1)])),
                        .text(ctx.t("annual.link"))),
                    .a(.class("button secondary"), .href(SiteRoute.reportEvents.path(query: query)), .text(ctx.t("report.events_title"))),
                    .a(.class("button secondary"), .href(SiteRoute.reportTotals.path), .text(ctx.t("totals.title")))),
                // For the library's own system (issue 14, §3): names readers by card, so staff only.
                .if(
                    canDrill && ctx.canWrite,
                    .div(
                        .class("actions no-print"),
                        .a(
                            .class("button secondary"), .href(SiteRoute.reportCirculation.path(query: query + [("format", "csv")])),
                            .text(ctx.t("circulation.csv"))),
                        .a(
                            .class("button secondary"), .href(SiteRoute.reportCirculation.path(query: query + [("format", "marc")])),
                            .text(ctx.t("circulation.marc"))))),
                trend(ctx, stats),
            ]
            for section in sections {
                switch section.key {
                case "stats.by_disability", "stats.by_format":
                    let bars = section.lines.map { BarChart.Bar(label: StatsTables.label(ctx, $0), value: $0.value) }
                    body.append(
                        .section(
                            .attribute(named: "aria-labelledby", value: section.key.replacingOccurrences(of: ".", with: "-")),
                            .h2(.id(section.key.replacingOccurrences(of: ".", with: "-")), .text(ctx.t(section.key))),
                            StatsTables.chart(
                                ctx, id: "chart-" + section.key.replacingOccurrences(of: ".", with: "-"), title: ctx.t(section.key),
                                legend: ctx.t(section.key == "stats.by_format" ? "stats.legend_issued" : "stats.legend_readers"), bars),
                            StatsTables.table(ctx, section, period: period, drill: drill)))
                default: body.append(StatsTables.table(ctx, section, period: period, drill: drill))
                }
            }
            body.append(EventsReportView.tables(ctx, events, from: scope.from, to: scope.to, branch: scope.branchID, period: period))
        }
        return Layout.page(
            ctx, title: ctx.t("stats.title"), status: loaded.errors.isEmpty ? .ok : .unprocessableEntity, wide: true, .group(body))
    }

    static func trend(_ ctx: PageContext, _ stats: DeliveryStats) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "stats-trend-h"),
            .h2(.id("stats-trend-h"), .text(ctx.t("stats.trend"))),
            .div(
                .class("charts"),
                StatsTables.chart(
                    ctx, id: "chart-visits", title: ctx.t("stats.visits_done_by_month"), legend: ctx.t("stats.legend_visits"),
                    stats.byMonth.map { BarChart.Bar(label: StatsTables.monthLabel(ctx, $0.month), value: $0.visitsDone) }),
                StatsTables.chart(
                    ctx, id: "chart-issued", title: ctx.t("stats.issued_by_month"), legend: ctx.t("stats.legend_issued"),
                    stats.byMonth.map { BarChart.Bar(label: StatsTables.monthLabel(ctx, $0.month), value: $0.issued) })),
            StatsTables.months(ctx, stats))
    }

    static func filters(
        _ ctx: PageContext, _ f: StatsFilter, scope: StatsScope, errors: FieldErrors, branches: [Branch], today: LocalDate
    ) -> Node<HTML.BodyContext> {
        var from = Forms.Field(name: "from", label: ctx.t("period.from"), value: f.from ?? scope.from.iso, error: errors["from"], type: "date")
        from.controlID = "f-from"
        var to = Forms.Field(name: "to", label: ctx.t("period.to"), value: f.to ?? scope.to.iso, error: errors["to"], type: "date")
        to.controlID = "f-to"
        var branch = Forms.Field(name: "branch_id", label: ctx.t("event.branch"), value: f.branch_id?.lowercased() ?? "", error: errors["branch_id"])
        branch.controlID = "f-branch_id"
        let b = scope.branchID?.uuidString.lowercased() ?? ""
        let quarterStart = (today.month - 1) / 3 * 3 + 1
        let quarterEnd = quarterStart + 2
        let presets: [(String, LocalDate, LocalDate)] = [
            (
                "stats.this_month", LocalDate(year: today.year, month: today.month, day: 1),
                LocalDate(year: today.year, month: today.month, day: LocalDate.daysIn(month: today.month, year: today.year))
            ),
            (
                "stats.this_quarter", LocalDate(year: today.year, month: quarterStart, day: 1),
                LocalDate(year: today.year, month: quarterEnd, day: LocalDate.daysIn(month: quarterEnd, year: today.year))
            ),
            ("stats.this_year", LocalDate(year: today.year, month: 1, day: 1), LocalDate(year: today.year, month: 12, day: 31)),
            ("stats.last_year", LocalDate(year: today.year - 1, month: 1, day: 1), LocalDate(year: today.year - 1, month: 12, day: 31)),
        ]
        let form: Node<HTML.BodyContext> = .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.reports.path), .class("filters no-print"),
                Forms.input(ctx, from), Forms.input(ctx, to),
                Forms.select(
                    ctx, branch,
                    options: [("", ctx.t("stats.whole_library"))] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
                .button(.type(.submit), .text(ctx.t("visits.show"))),
            ])
        return .group(
            form,
            .nav(
                .class("presets no-print"), .ariaLabel(ctx.t("stats.presets")),
                .ul(
                    .forEach(presets) { key, a, z in
                        .li(.a(.href(SiteRoute.reports.path(query: [("from", a.iso), ("to", z.iso), ("branch_id", b)])), .text(ctx.t(key))))
                    })))
    }
}
