import Plot
import Routing
import Vapor

/// Printable route sheets: per carrier, the sketch and the stops in order with what the carrier
/// needs at each door. Each sheet starts on a new page when printed.
enum RouteSheetsView {
    static func page(
        _ ctx: PageContext, branch: Branch, day: LocalDate, sheets: [RouteSheetsController.Sheet], unassigned: Int, branches: [Branch]
    ) -> Response {
        let branchValue = branch.id!.uuidString.lowercased()
        return Layout.page(
            ctx, title: ctx.t("sheets.title", ["date": WeekPlanView.dayLabel(ctx, day), "branch": branch.name(ctx.lang)]), wide: true,
            WeekPlanView.filters(
                ctx, .routeSheets, day: Forms.Field(name: "date", label: ctx.t("calls.date"), value: day.iso, type: "date"), branch: branchValue,
                branches: branches),
            .p(
                .class("no-print"),
                .a(.href(SiteRoute.visitsWeek.path(query: [("week", day.iso), ("branch", branchValue)])), .text(ctx.t("sheets.to_week")))),
            .if(!sheets.isEmpty, PrintParts.button(ctx, ctx.t("sheets.print"))),
            .if(sheets.isEmpty, .p(.class("lead"), .text(ctx.t("sheets.none")))),
            // Without the branch's point the stops cannot be timed or drawn (a new user's try).
            .if(branch.point == nil && !sheets.isEmpty, .p(.class("warning-box"), .text(ctx.t("plan.no_branch_point")))),
            .if(unassigned > 0, .p(.class("warning-box no-print"), .text(ctx.plural("sheets.unassigned", unassigned)))),
            .forEach(sheets) { sheet(ctx, $0, day: day) }
        )
    }

    static func sheet(_ ctx: PageContext, _ s: RouteSheetsController.Sheet, day: LocalDate) -> Node<HTML.BodyContext> {
        let id = "sheet-" + String(s.carrier.id!.uuidString.lowercased().prefix(8))
        let head: Node<HTML.TableContext> = .thead(
            .tr(
                .th(.text("№")), .th(.text(ctx.t("plan.expected"))), .th(.text(ctx.t("plan.window"))), .th(.text(ctx.t("plan.reader"))),
                .th(.text(ctx.t("sheets.address"))), .th(.text(ctx.t("sheets.phone"))), .th(.text(ctx.t("sheets.books"))),
                .th(.text(ctx.t("sheets.done")))))
        let sketch: Node<HTML.BodyContext> =
            s.start.map { start in
                s.points.isEmpty
                    ? .empty : RouteSketchView.svg(ctx, start: start, points: s.points, label: ctx.t("sheets.sketch", ["name": s.carrier.fullName]))
            } ?? .empty
        return .section(
            .class("route-sheet"), .id(id), .attribute(named: "aria-labelledby", value: id + "-h"),
            .h2(.id(id + "-h"), .text(s.carrier.fullName + " · " + WeekPlanView.dayLabel(ctx, day))),
            .p(.text(ctx.plural("visits.count", s.stops.count) + " · " + ctx.t("travel_mode." + CarrierTravel.of(s.carrier).rawValue))),
            .if(s.heldBack > 0, .p(.class("warning-box"), .text(ctx.plural("run.held_back", s.heldBack)))),
            sketch,
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.class("visually-hidden"), .text(ctx.t("sheets.stops", ["name": s.carrier.fullName]))),
                    head,
                    .tbody(.forEach(s.stops) { row(ctx, $0) })))
        )
    }

    static func row(_ ctx: PageContext, _ s: RunStop) -> Node<HTML.TableContext> {
        let address = RunView.address(s, ctx)
        let access = RunView.access(s, ctx)
        let phones =
            s.phones.map { PhoneDisplay.format($0.number) ?? $0.number }
            + (s.caregiver_phone.map { [ctx.t("run.caregiver") + ": " + (PhoneDisplay.format($0) ?? $0)] } ?? [])
        let open = VisitStatus(rawValue: s.status)?.isOpen ?? false
        return .tr(
            .td(.text(String(s.position))),
            .td(
                .text(open ? (s.expected_at ?? "—") : ctx.t("visit_status." + s.status)),
                .if(open && s.window_missed, .text(" ⚠ " + ctx.t("sheets.late")))),
            .td(.text([s.time_from, s.time_to].compactMap { $0 }.joined(separator: "–"))),
            .td(.text(s.reader_name)),
            .td(
                .text(address), .if(!access.isEmpty, .br()), .text(access.joined(separator: " · ")),
                .unwrap(s.access_notes) { .group(.br(), .text($0)) }),
            .td(.text(phones.joined(separator: ", "))),
            .td(.text(ctx.t("sheets.deliver_collect", ["deliver": String(s.deliver.count), "collect": String(s.collect.count)]))),
            .td(.text("☐"))
        )
    }
}
