import Plot
import Vapor

/// The readers, visits or loans behind one figure of the statistics.
enum StatsRowsView {
    static func page(_ ctx: PageContext, scope: StatsScope, list: String, subset: String, page: Int, found: StatsLists.Page) -> Response {
        let query = StatsFilter.query(scope)
        let pages = max(1, (found.total + StatsLists.pageSize - 1) / StatsLists.pageSize)
        let period = ctx.date(scope.from.iso) + " — " + ctx.date(scope.to.iso)
        let caption = ctx.t("stats.list_\(list)") + ", " + period + ": " + ctx.number(found.total)
        return Layout.page(
            ctx, title: ctx.t("stats.list_\(list)"),
            .p(.class("lead"), .text(ctx.t("stats.list_lead", ["subset": subsetLabel(ctx, list, subset)]))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(caption)),
                    .thead(.tr(.forEach(found.headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(
                        .forEach(found.rows) { row in
                            .tr(
                                .forEach(Array(row.cells.enumerated())) { i, cell in
                                    i == 0 && row.link != nil
                                        ? .td(.attribute(named: "data-label", value: found.headings[i]), .a(.href(row.link!.path), .text(cell)))
                                        : .td(.attribute(named: "data-label", value: found.headings[i]), .text(cell))
                                })
                        }))),
            Pagination.nav(ctx, current: page, pages: pages) { p in
                SiteRoute.reportRows.path(query: query + [("list", list), ("subset", subset), ("page", String(p))])
            },
            .p(.class("no-print"), .a(.href(SiteRoute.reports.path(query: query)), .text(ctx.t("stats.back"))))
        )
    }

    /// The figure's name: the list's subset in words.
    static func subsetLabel(_ ctx: PageContext, _ list: String, _ subset: String) -> String {
        let parts = subset.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            let prefix = ["disability": "disability", "age": "age_band", "form": "material", "language": "language"][parts[0]] ?? parts[0]
            return ctx.t(prefix + "." + parts[1])
        }
        if subset.hasPrefix("cancelled_") {
            return ctx.t("stats.cancelled_because", ["reason": ctx.t("cancel_reason." + subset.dropFirst("cancelled_".count))])
        }
        let keys = [
            "readers.all": "stats.readers_served", "readers.new": "stats.readers_new", "visits.all": "stats.visits_planned",
            "visits.done": "stats.visits_done", "visits.failed": "stats.visits_failed", "visits.open": "stats.visits_open",
            "visits.no_answer": "visit_status.no_answer", "visits.rescheduled": "visit_status.rescheduled", "loans.issued": "stats.issued",
            "loans.returned": "stats.returned", "loans.overdue": "stats.overdue",
        ]
        return ctx.t(keys[list + "." + subset] ?? "stats.list_\(list)")
    }
}
