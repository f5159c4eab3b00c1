import Plot
import Vapor

/// «План недели» as it stands: the week's visits by day with their carriers, the pins, the readers
/// the plan cannot place, and the button that asks the solver for a plan.
enum WeekPlanView {
    static func page(
        _ ctx: PageContext, week: WeekInput, branches: [Branch], noCoordinates: (readers: [Reader], total: Int), notice: String? = nil,
        status: HTTPStatus
    ) -> Response {
        let days = (0..<7).map { week.monday.adding(days: $0) }
        let branchValue = week.branch.id!.uuidString.lowercased()
        return Layout.page(
            ctx, title: title(ctx, week), status: status, wide: true,
            .unwrap(notice) { .p(.class("warning-box"), .attribute(named: "role", value: "alert"), .text(ctx.t($0))) },
            navigation(ctx, week, branches: branches),
            .if(
                week.branch.point == nil,
                .p(.class("warning-box"), .attribute(named: "role", value: status == .ok ? nil : "alert"), .text(ctx.t("plan.no_branch_point")))),
            .p(
                .class("lead"),
                .text(ctx.plural("plan.visit_count", week.visits.count) + " · " + ctx.plural("plan.carrier_count", week.carriers.count))),
            VisitsView.toDoCoordinates(ctx, noCoordinates),
            Forms.post(
                ctx, SiteRoute.visitsWeekPropose, class: "week-plan",
                .input(.type(.hidden), .name("branch"), .value(branchValue)),
                .input(.type(.hidden), .name("week"), .value(week.monday.iso)),
                .if(week.branch.point != nil, .p(.class("hint"), .text(ctx.t("plan.pins_hint")))),
                .forEach(days) { day in dayTable(ctx, week, day) },
                .if(week.visits.isEmpty, .p(.text(ctx.t("plan.empty")))),
                .if(week.branch.point != nil && week.visits.contains(where: week.isPlannable), Forms.submit(ctx.t("plan.propose")))
            )
        )
    }

    static func title(_ ctx: PageContext, _ week: WeekInput) -> String {
        ctx.t("plan.title", ["from": ctx.date(week.monday.iso), "to": ctx.date(week.sunday.iso), "branch": week.branch.name(ctx.lang)])
    }

    static func weekdayName(_ ctx: PageContext, _ day: LocalDate) -> String {
        ctx.t("weekday." + Weekday.allCases[day.schedulingDay.weekday - 1].rawValue)
    }

    static func dayLabel(_ ctx: PageContext, _ day: LocalDate) -> String { weekdayName(ctx, day) + ", " + ctx.date(day.iso) }

    /// The GET form of the week and of the sheets: the branch (administrators only) and a day.
    static func filters(_ ctx: PageContext, _ route: SiteRoute, day: Forms.Field, branch: String, branches: [Branch]) -> Node<HTML.BodyContext> {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: route.path), .class("filters no-print"),
                .if(
                    !branches.isEmpty,
                    Forms.select(
                        ctx, .init(name: "branch", label: ctx.t("visits.branch"), value: branch),
                        options: branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) })),
                Forms.input(ctx, day),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("calls.show"))),
            ])
    }

    /// The weeks before and after, the branch for an administrator, and each day's route sheets.
    static func navigation(_ ctx: PageContext, _ week: WeekInput, branches: [Branch]) -> Node<HTML.BodyContext> {
        let branchValue = week.branch.id!.uuidString.lowercased()
        func link(_ day: LocalDate) -> String { SiteRoute.visitsWeek.path(query: [("week", day.iso), ("branch", branchValue)]) }
        return .group(
            .nav(
                .class("actions no-print"), .attribute(named: "aria-label", value: ctx.t("plan.week_nav")),
                .a(.href(link(week.monday.adding(days: -7))), .text(ctx.t("visits.prev_week"))),
                .a(.href(link(week.today)), .text(ctx.t("plan.this_week"))),
                .a(.href(link(week.monday.adding(days: 7))), .text(ctx.t("visits.next_week")))
            ),
            filters(
                ctx, .visitsWeek, day: Forms.Field(name: "week", label: ctx.t("plan.week"), value: week.monday.iso, type: "date"),
                branch: branchValue, branches: branches),
            .nav(
                .class("actions no-print"), .attribute(named: "aria-label", value: ctx.t("plan.sheets_nav")),
                .span(.text(ctx.t("plan.sheets") + ":")),
                .forEach((0..<7).map { week.monday.adding(days: $0) }) { day in
                    .a(
                        .href(SiteRoute.routeSheets.path(query: [("date", day.iso), ("branch", branchValue)])),
                        .attribute(named: "aria-label", value: ctx.t("plan.sheets") + ": " + dayLabel(ctx, day)),
                        .text(weekdayName(ctx, day)))
                })
        )
    }

    /// One day's visits with their pins; a day without visits is left out.
    static func dayTable(_ ctx: PageContext, _ week: WeekInput, _ day: LocalDate) -> Node<HTML.BodyContext> {
        let visits = week.visits.filter { $0.scheduledOn == day.iso }
        guard !visits.isEmpty else { return .empty }
        return .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(
                    .text(
                        dayLabel(ctx, day) + (week.holidays.contains(day.iso) ? " · " + ctx.t("plan.holiday") : "") + " · "
                            + ctx.plural("visits.count", visits.count))),
                .thead(
                    .tr(
                        .th(.text(ctx.t("plan.window"))), .th(.text(ctx.t("plan.reader"))), .th(.text(ctx.t("plan.carrier"))),
                        .th(.text(ctx.t("plan.pin_carrier"))), .th(.text(ctx.t("plan.pin_day"))))),
                .tbody(.forEach(visits) { v in row(ctx, week, v) })))
    }

    static func row(_ ctx: PageContext, _ week: WeekInput, _ v: Visit) -> Node<HTML.TableContext> {
        let id = String(v.id!.uuidString.lowercased().prefix(8))
        let window = [v.timeFrom, v.timeTo].compactMap { $0 }.joined(separator: "–")
        // Without the branch's point there is no plan, so nothing to pin for.
        let plannable = week.isPlannable(v) && week.branch.point != nil
        let pins: Node<HTML.TableRowContext> =
            plannable
            ? .group(
                .td(
                    v.$carrier.id == nil
                        ? .text("—") : pin(name: "pin_carrier", id: "pc-" + id, v, on: v.pinCarrier == true, ctx.t("plan.pin_carrier"))),
                .td(pin(name: "pin_day", id: "pd-" + id, v, on: v.pinDay == true, ctx.t("plan.pin_day"))))
            : .td(.attribute(named: "colspan", value: "2"), .text(ctx.t("visit_status." + v.status)))
        return .tr(
            .td(.text(window.isEmpty ? ctx.t("plan.any_time") : window)),
            .td(
                .a(.href(SiteRoute.visit(v.id!).path), .text(v.reader.fullName)),
                .if(v.reader.point == nil, .text(" · " + ctx.t("plan.no_point")))),
            .td(.text(v.carrier?.fullName ?? ctx.t("calls.no_carrier"))),
            pins
        )
    }

    /// A pin's box, labelled for screen readers with what it pins.
    static func pin(name: String, id: String, _ v: Visit, on: Bool, _ label: String) -> Node<HTML.BodyContext> {
        var attributes: [Attribute<HTML.BodyContext>] = [
            .attribute(named: "type", value: "checkbox"), .attribute(named: "id", value: id), .attribute(named: "name", value: name + "[]"),
            .attribute(named: "value", value: v.id!.uuidString.lowercased()),
        ]
        if on { attributes.append(Attribute(name: "checked", value: nil, ignoreIfValueIsEmpty: false)) }
        return .group(
            .selfClosedElement(named: "input", attributes: attributes),
            .element(
                named: "label",
                nodes: [.attribute(named: "for", value: id), .span(.class("visually-hidden"), .text(label + ": " + v.reader.fullName))]))
    }
}
