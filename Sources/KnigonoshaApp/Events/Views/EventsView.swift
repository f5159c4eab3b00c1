import Plot
import Vapor

/// The event list with its filters, and the event form.
enum EventsView {
    typealias Found = (events: [Event], from: LocalDate, to: LocalDate, errors: FieldErrors)

    static func list(_ ctx: PageContext, filter: EventFilter, found: Found, branches: [Branch]) -> Response {
        let names = Dictionary(branches.map { ($0.id!, $0.name(ctx.lang)) }) { a, _ in a }
        let total = found.events.reduce(0) { $0 + $1.participantsTotal }
        let summary = ctx.plural("event.count", found.events.count) + " · " + ctx.plural("event.participants_count", total)
        return Layout.page(
            ctx, title: ctx.t("event.list_title"), status: found.errors.isEmpty ? .ok : .unprocessableEntity,
            Forms.errorSummary(ctx, found.errors, labelPrefix: "event.filter_"),
            filters(ctx, filter, found, branches),
            .div(
                .class("actions no-print"),
                .if(ctx.canWrite, .a(.class("button primary"), .href(SiteRoute.eventNew.path), .text(ctx.t("event.new")))),
                .a(.class("button secondary"), .href(SiteRoute.eventsCSV.path + "?" + filter.query), .text(ctx.t("event.export_csv"))),
                .a(
                    .class("button secondary"), .href(SiteRoute.eventsCalendar.path + "?month=" + String(found.from.iso.prefix(7))),
                    .text(ctx.t("event.calendar_title")))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.date(found.from.iso) + " — " + ctx.date(found.to.iso) + ": " + summary)),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("event.starts_on"))), .th(.text(ctx.t("event.title"))), .th(.text(ctx.t("event.type"))),
                            .th(.text(ctx.t("event.branch"))), .th(.text(ctx.t("event.participants_total"))))),
                    .tbody(.forEach(found.events) { row(ctx, $0, branch: $0.$branch.id.flatMap { names[$0] }) })
                )
            )
        )
    }

    static func row(_ ctx: PageContext, _ e: Event, branch: String?) -> Node<HTML.TableContext> {
        .tr(
            .td(.text(ctx.date(e.startsOn) + (e.timeFrom.map { ", " + $0 } ?? ""))),
            .td(.attribute(named: "data-label", value: ctx.t("event.title")), .a(.href(SiteRoute.event(e.id!).path), .text(e.title))),
            .td(.attribute(named: "data-label", value: ctx.t("event.type")), .text(ctx.t(e.eventType.labelKey))),
            .td(.attribute(named: "data-label", value: ctx.t("event.branch")), .text(branch ?? "—")),
            .td(.attribute(named: "data-label", value: ctx.t("event.participants_total")), .text(ctx.number(e.participantsTotal)))
        )
    }

    static func filters(_ ctx: PageContext, _ f: EventFilter, _ found: Found, _ branches: [Branch]) -> Node<HTML.BodyContext> {
        var type = Forms.Field(name: "type", label: ctx.t("event.type"), value: f.type ?? "", error: found.errors["type"])
        type.controlID = "filter-type"
        var group = Forms.Field(name: "group", label: ctx.t("event.target_group"), value: f.group ?? "", error: found.errors["group"])
        group.controlID = "filter-group"
        var branch = Forms.Field(name: "branch_id", label: ctx.t("event.branch"), value: f.branch_id?.lowercased() ?? "")
        branch.controlID = "filter-branch"
        var from = Forms.Field(name: "from", label: ctx.t("period.from"), value: f.from ?? found.from.iso, error: found.errors["from"], type: "date")
        from.controlID = "f-from"
        var to = Forms.Field(name: "to", label: ctx.t("period.to"), value: f.to ?? found.to.iso, error: found.errors["to"], type: "date")
        to.controlID = "f-to"
        let nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.events.path), .class("filters no-print"),
            Forms.input(ctx, from), Forms.input(ctx, to),
            Forms.select(ctx, type, options: [("", ctx.t("event.any_type"))] + EventType.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
            Forms.select(ctx, group, options: [("", ctx.t("event.any_group"))] + TargetGroup.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
            Forms.select(
                ctx, branch, options: [("", ctx.t("visits.all_branches"))] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
            .button(.type(.submit), .text(ctx.t("visits.show"))),
        ]
        return .element(named: "form", nodes: nodes)
    }
}
