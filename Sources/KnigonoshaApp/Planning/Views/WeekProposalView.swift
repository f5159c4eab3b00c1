import Plot
import Routing
import Vapor

/// The solver's plan for the week, set against the current one: what changes, what cannot be
/// placed and why, each route in order with expected arrivals, and the save.
extension WeekPlanView {
    static func proposal(_ ctx: PageContext, week: WeekInput, proposal p: WeekProposal, branches: [Branch]) -> Response {
        let branchValue = week.branch.id!.uuidString.lowercased()
        let planned = p.routes.reduce(0) { $0 + $1.stops.count }
        return Layout.page(
            ctx, title: ctx.t("plan.proposal_title", ["from": ctx.date(week.monday.iso), "to": ctx.date(week.sunday.iso)]), wide: true,
            .p(
                .class("lead"),
                .text(
                    ctx.plural("plan.planned_count", planned) + " · " + ctx.t("plan.travel_total", ["time": duration(ctx, p.travelMinutes)])
                        + " · " + ctx.plural("plan.continuity_breaks", p.continuityBreaks))),
            .section(
                .attribute(named: "aria-labelledby", value: "changes-h"),
                .h2(.id("changes-h"), .text(ctx.plural("plan.change_count", p.changes.count))),
                .if(week.carriers.isEmpty, .p(.class("warning-box"), .text(ctx.t("plan.no_carriers")))),
                .if(
                    p.changes.isEmpty && !week.carriers.isEmpty,
                    .p(.text(ctx.t(p.unplaced.isEmpty && p.unlocated.isEmpty ? "plan.no_changes" : "plan.no_changes_unplaced")))),
                .if(!p.changes.isEmpty, changesTable(ctx, p))),
            .if(!p.unplaced.isEmpty || !p.unlocated.isEmpty, unplacedSection(ctx, p)),
            Forms.post(
                ctx, SiteRoute.visitsWeekSave, class: "actions",
                .input(.type(.hidden), .name("branch"), .value(branchValue)),
                .input(.type(.hidden), .name("week"), .value(week.monday.iso)),
                .input(.type(.hidden), .name("basis"), .value(p.basis)),
                .forEach(p.changes) { c in
                    .input(
                        .type(.hidden), .name("assign[]"),
                        .value(WeekPlanSave.Assignment(visitID: c.visit.id!, carrierID: c.carrier.id!, day: c.day).formValue))
                },
                .if(!p.changes.isEmpty, Forms.submit(ctx.t("plan.save"))),
                .a(
                    .class("button"), .href(SiteRoute.visitsWeek.path(query: [("week", week.monday.iso), ("branch", branchValue)])),
                    .text(ctx.t("plan.back")))
            ),
            .if(!p.routes.isEmpty, .h2(.text(ctx.t("plan.routes")))),
            .forEach(p.routes) { routeTable(ctx, $0) }
        )
    }

    static func duration(_ ctx: PageContext, _ minutes: Int) -> String {
        minutes < 60
            ? ctx.t("plan.duration_minutes", ["m": String(minutes)])
            : ctx.t("plan.duration", ["h": String(minutes / 60), "m": String(format: "%02d", minutes % 60)])
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    static func changesTable(_ ctx: PageContext, _ p: WeekProposal) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.class("visually-hidden"), .text(ctx.t("plan.changes"))),
                .thead(
                    .tr(.th(.text(ctx.t("plan.reader"))), .th(.text(ctx.t("plan.now"))), .th(.text(ctx.t("plan.becomes"))))),
                .tbody(.forEach(p.changes) { changeRow(ctx, $0) })))
    }

    static func changeRow(_ ctx: PageContext, _ c: WeekProposal.Change) -> Node<HTML.TableContext> {
        // The reader has a carrier of their own and this is someone else.
        let notOwn = c.visit.reader.carrierID.map { $0 != c.carrier.id } ?? false
        let now = dayLabel(ctx, c.visit.day) + " · " + (c.visit.carrier?.fullName ?? ctx.t("calls.no_carrier"))
        let becomes: Node<HTML.BodyContext> = .group(
            .text(dayLabel(ctx, c.day) + " · " + c.carrier.fullName), .if(notOwn, .group(.text(" · "), .strong(.text(ctx.t("plan.not_own_carrier")))))
        )
        return .tr(.td(.a(.href(SiteRoute.visit(c.visit.id!).path), .text(c.visit.reader.fullName))), .td(.text(now)), .td(becomes))
    }

    /// Nothing is dropped silently: each visit the plan leaves where it is, and why.
    static func unplacedSection(_ ctx: PageContext, _ p: WeekProposal) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "unplaced-h"),
            .h2(.id("unplaced-h"), .text(ctx.plural("plan.unplaced_count", p.unplaced.count + p.unlocated.count))),
            .p(.class("hint"), .text(ctx.t("plan.unplaced_hint"))),
            .ul(
                .forEach(p.unplaced) { u in
                    .li(
                        .a(.href(SiteRoute.visit(u.visit.id!).path), .text(u.visit.reader.fullName + ", " + dayLabel(ctx, u.visit.day))),
                        .text(": " + ctx.t("plan.reason." + u.reason.rawValue)))
                },
                .forEach(p.unlocated) { v in
                    .li(
                        .a(.href(SiteRoute.readerEdit(v.$reader.id).path), .text(v.reader.fullName + ", " + dayLabel(ctx, v.day))),
                        .text(": " + ctx.t("plan.reason.no_coordinates")))
                }))
    }

    static func routeTable(_ ctx: PageContext, _ r: WeekProposal.Route) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(
                    .text(
                        dayLabel(ctx, r.day) + " · " + r.carrier.fullName + " · " + ctx.plural("visits.count", r.stops.count) + " · "
                            + ctx.t("plan.travel", ["time": duration(ctx, r.travelMinutes)]))),
                .thead(.tr(.th(.text("№")), .th(.text(ctx.t("plan.expected"))), .th(.text(ctx.t("plan.window"))), .th(.text(ctx.t("plan.reader"))))),
                .tbody(
                    .forEach(Array(r.stops.enumerated())) { n, s in
                        .tr(
                            .td(.text(String(n + 1))), .td(.text(clock(s.arrival))),
                            .td(.text([s.visit.timeFrom, s.visit.timeTo].compactMap { $0 }.joined(separator: "–"))),
                            .td(.text(s.visit.reader.fullName)))
                    })))
    }
}
