import Plot
import Vapor

/// The visits calendar, the on-request form and the pick list.
enum VisitsView {
    /// The active readers without a map point, each linked to their card's form (issue 15, §3);
    /// nothing when there are none.
    static func toDoCoordinates(_ ctx: PageContext, _ list: (readers: [Reader], total: Int)) -> Node<HTML.BodyContext> {
        .if(
            list.total > 0,
            .element(
                named: "details",
                nodes: [
                    .class("to-do"),
                    .element(named: "summary", nodes: [.text(ctx.plural("visits.no_coordinates", list.total))]),
                    .ul(.forEach(list.readers) { r in .li(.a(.href(SiteRoute.readerEdit(r.id!).path), .text(r.fullName))) }),
                ]))
    }

    static func calendar(
        _ ctx: PageContext, _ c: VisitCalendar, today: LocalDate, planErrors: FieldErrors = FieldErrors(), weeks: String = "8",
        noCoordinates: (readers: [Reader], total: Int) = ([], 0)
    ) -> Response {
        let step = c.view == .week ? 7 : 1
        let days = stride(from: 0, through: c.until.schedulingDay.ordinal - c.from.schedulingDay.ordinal, by: 1).map { c.from.adding(days: $0) }
        let branchValue = c.branchID?.uuidString.lowercased() ?? ""
        return Layout.page(
            ctx, title: ctx.t("visits.title"), status: planErrors.isEmpty ? .ok : .unprocessableEntity, wide: true,
            Forms.errorSummary(ctx, planErrors, labels: ["weeks": ctx.t("visits.plan_weeks")]),
            .nav(
                .class("actions"), .attribute(named: "aria-label", value: ctx.t("visits.period_nav")),
                .a(.href(c.link(date: c.from.adding(days: -step))), .text(ctx.t(c.view == .week ? "visits.prev_week" : "visits.prev_day"))),
                .a(.href(c.link(date: today)), .text(ctx.t("visits.today"))),
                .a(.href(c.link(date: c.from.adding(days: step))), .text(ctx.t(c.view == .week ? "visits.next_week" : "visits.next_day"))),
                .a(.href(c.link(view: c.view == .week ? .day : .week)), .text(ctx.t(c.view == .week ? "visits.day_view" : "visits.week_view")))
            ),
            filters(ctx, c),
            .p(
                .class("lead"),
                .text(
                    ctx.date(c.from.iso) + (c.view == .week ? " – " + ctx.date(c.until.iso) : "") + " · " + ctx.plural("visits.count", c.rows.count))),
            .forEach(days) { day in dayTable(ctx, day, c.rows.filter { $0.visit.scheduledOn == day.iso }, c) },
            .section(
                .class("card no-print"), .attribute(named: "aria-labelledby", value: "plan-h"),
                .h2(.id("plan-h"), .text(ctx.t("visits.work"))),
                .div(
                    .class("actions"),
                    .a(.class("button primary"), .href(SiteRoute.visitNew.path), .text(ctx.t("visits.new_request"))),
                    // The pick list of the day in view: today when the week shown holds it.
                    .a(
                        .class("button"),
                        .href(
                            SiteRoute.pickList.path(query: [
                                ("date", (c.from <= today && today <= c.until ? today : c.from).iso), ("branch", branchValue),
                            ])),
                        .text(ctx.t("visits.pick_list_open"))),
                    // Tomorrow's visits to confirm by phone (issue 15, §3).
                    .a(.class("button"), .href(SiteRoute.visitCalls.path), .text(ctx.t("nav.calls"))),
                    // The week's route plan and the printable sheets (issue 15, §3).
                    .a(
                        .class("button"), .href(SiteRoute.visitsWeek.path(query: [("week", c.from.iso), ("branch", branchValue)])),
                        .text(ctx.t("nav.week_plan")))
                ),
                toDoCoordinates(ctx, noCoordinates),
                Forms.post(
                    ctx, SiteRoute.visitsPlan, class: "inline-form",
                    .input(.type(.hidden), .name("branch_id"), .value(branchValue)),
                    Forms.input(
                        ctx,
                        .init(
                            name: "weeks", label: ctx.t("visits.plan_weeks"), value: weeks, error: planErrors["weeks"], type: "number",
                            inputmode: "numeric")),
                    Forms.submit(ctx.t("visits.plan"))
                ),
                Forms.post(
                    ctx, SiteRoute.visitsSelect, class: "inline-form",
                    .input(.type(.hidden), .name("branch_id"), .value(branchValue)),
                    .input(.type(.hidden), .name("from"), .value(c.from.iso)),
                    .input(.type(.hidden), .name("to"), .value(c.until.iso)),
                    .input(.type(.hidden), .name("return_to"), .value(c.link())),
                    Forms.submit(ctx.t(c.view == .week ? "visits.select_week" : "visits.select_day"))
                )
            )
        )
    }

    static func filters(_ ctx: PageContext, _ c: VisitCalendar) -> Node<HTML.BodyContext> {
        var branchField = Forms.Field(name: "branch", label: ctx.t("visits.branch"), value: c.branchID?.uuidString.lowercased() ?? "")
        branchField.controlID = "filter-branch"
        var carrierField = Forms.Field(name: "carrier", label: ctx.t("visits.carrier"), value: c.carrierID?.uuidString.lowercased() ?? "")
        carrierField.controlID = "filter-carrier"
        let fields: [Node<HTML.BodyContext>] = [
            .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.visits.path), .class("filters no-print"),
            .input(.type(.hidden), .name("view"), .value(c.view.rawValue)),
            Forms.input(ctx, .init(name: "date", label: ctx.t("visits.date"), value: c.from.iso, type: "date")),
            .if(
                ctx.user?.isAdmin == true,
                Forms.select(
                    ctx, branchField,
                    options: [("", ctx.t("visits.all_branches"))] + c.branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) })),
            Forms.select(
                ctx, carrierField, options: [("", ctx.t("visits.all_carriers"))] + c.carriers.map { ($0.id!.uuidString.lowercased(), $0.fullName) }),
            .button(.type(.submit), .text(ctx.t("visits.show"))),
        ]
        return .element(named: "form", nodes: fields)
    }

    static func dayTable(_ ctx: PageContext, _ day: LocalDate, _ rows: [VisitCalendar.Row], _ c: VisitCalendar) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .class("responsive"),
                .caption(
                    .text(
                        ctx.t("weekday." + Weekday.allCases[day.schedulingDay.weekday - 1].rawValue) + ", " + ctx.date(day.iso) + " — "
                            + ctx.plural("visits.count", rows.count))),
                .thead(
                    .tr(
                        .th(.text(ctx.t("visits.time"))), .th(.text(ctx.t("visits.reader"))), .th(.text(ctx.t("visits.carrier"))),
                        .th(.text(ctx.t("visits.status"))), .th(.text(ctx.t("visits.items"))))),
                .tbody(
                    .forEach(rows) { r in
                        .tr(
                            .td(
                                .attribute(named: "data-label", value: ctx.t("visits.time")),
                                .text([r.visit.timeFrom, r.visit.timeTo].compactMap { $0 }.joined(separator: "–"))),
                            .td(
                                .a(.href(SiteRoute.visit(r.visit.id!).path), .text(r.visit.reader.fullName)),
                                // Not on the carrier's run and not selected for: the coordinator must renew it.
                                .if(
                                    !r.visit.reader.hasConsent(on: r.visit.scheduledOn),
                                    .strong(.class("flag"), .text(" · " + ctx.t("visits.consent_expired"))))),
                            .td(.attribute(named: "data-label", value: ctx.t("visits.carrier")), .text(r.carrierName ?? ctx.t("visits.unassigned"))),
                            .td(
                                .attribute(named: "data-label", value: ctx.t("visits.status")),
                                .text(ctx.t(r.visit.visitStatus.labelKey) + (r.visit.kind == "request" ? " · " + ctx.t("visit_kind.request") : ""))),
                            .td(.attribute(named: "data-label", value: ctx.t("visits.items")), .text("\(r.chosen) / \(r.visit.reader.itemsPerVisit)"))
                        )
                    }
                )
            )
        )
    }
}
