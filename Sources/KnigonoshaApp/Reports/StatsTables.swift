import Plot

/// The tables of the delivery figures, shared by the dashboard and the annual report.
enum StatsTables {
    static func label(_ ctx: PageContext, _ line: StatsLine) -> String {
        line.arg.map { ctx.t(line.key, ["reason": ctx.t($0)]) } ?? ctx.t(line.key)
    }

    static func share(_ ctx: PageContext, _ line: StatsLine) -> String {
        guard let tenths = line.shareTenths else { return "" }
        return Formats.decimal(Double(tenths) / 10, fractionDigits: 1, ctx.lang) + " %"
    }

    /// One section as a table; with `drill`, each figure links to its list.
    static func table(_ ctx: PageContext, _ section: StatsSection, period: String, drill: ((StatsLine) -> String?)?) -> Node<HTML.BodyContext> {
        let hasShare = section.lines.contains { $0.total != nil }
        return .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .class("stats"),
                .caption(.text(ctx.t(section.key) + ", " + period)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("stats.indicator"))),
                        .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("stats.value"))),
                        .if(
                            hasShare,
                            .group(
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("stats.library_total"))),
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("stats.share_col"))))))),
                .tbody(
                    .forEach(section.lines) { line in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(label(ctx, line))),
                            .td(
                                .class("num"),
                                drill?(line).map { Node<HTML.BodyContext>.a(.href($0), .text(ctx.number(line.value))) }
                                    ?? .text(ctx.number(line.value))),
                            .if(
                                hasShare,
                                .group(
                                    .td(.class("num"), .text(line.total.map { ctx.number($0) } ?? "")), .td(.class("num"), .text(share(ctx, line)))))
                        )
                    })))
    }

    /// The months of the period: readers, visits done and items issued.
    static func months(_ ctx: PageContext, _ stats: DeliveryStats) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(ctx.t("stats.by_month_table"))),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("report.month"))),
                        .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("stats.readers_served"))),
                        .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("stats.visits_done"))),
                        .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("stats.issued"))))),
                .tbody(
                    .forEach(stats.byMonth) { m in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(monthLabel(ctx, m.month))),
                            .td(.class("num"), .text(ctx.number(m.readers))), .td(.class("num"), .text(ctx.number(m.visitsDone))),
                            .td(.class("num"), .text(ctx.number(m.issued))))
                    })))
    }

    static func monthLabel(_ ctx: PageContext, _ code: String) -> String {
        let parts = code.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]) else { return code }
        return String(ctx.t("month.\(m)").prefix(3)) + " " + String(parts[0].suffix(2))
    }

    /// A chart of one series with its description (the figures in words) for screen readers.
    static func chart(_ ctx: PageContext, id: String, title: String, legend: String, _ bars: [BarChart.Bar]) -> Node<HTML.BodyContext> {
        BarChart.svg(
            id: id, title: title, legend: legend, description: bars.map { $0.label + ": " + String($0.value) }.joined(separator: ", "), bars: bars)
    }
}
