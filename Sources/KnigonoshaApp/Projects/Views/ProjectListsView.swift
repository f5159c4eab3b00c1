import Plot
import Vapor

/// The lists on a project's page: where it was presented, what it won, and its events.
enum ProjectListsView {
    static func section(
        _ ctx: PageContext, id: String, title: String, empty: Bool, _ table: Node<HTML.BodyContext>, add: Node<HTML.BodyContext>
    )
        -> Node<HTML.BodyContext>
    {
        .section(
            .attribute(named: "aria-labelledby", value: id),
            .h2(.id(id), .text(title)),
            empty ? .p(.text(ctx.t("project.none_yet"))) : table,
            add)
    }

    static func head(_ ctx: PageContext, _ keys: [String], canEdit: Bool) -> Node<HTML.TableContext> {
        .thead(
            .tr(
                .forEach(keys) { .th(.attribute(named: "scope", value: "col"), .text(ctx.t($0))) },
                .if(canEdit, .td(.class("no-print")))))
    }

    static func presentations(_ ctx: PageContext, _ r: ProjectRecord, canEdit: Bool) -> Node<HTML.BodyContext> {
        let table: Node<HTML.BodyContext> = .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(ctx.t("project.presentations"))),
                head(ctx, ["project.presented_on", "project.venue", "project.venue_kind", "project.material", "project.notes"], canEdit: canEdit),
                .tbody(
                    .forEach(r.presentations) { x in
                        .tr(
                            .td(.text(ctx.date(x.presentedOn))),
                            .th(.attribute(named: "scope", value: "row"), Bilingual.node(ctx, ru: x.venue, kk: x.venueKk)),
                            .td(.text(ctx.t("venue_kind." + x.venueKind))),
                            .td(
                                .text(ctx.t("presentation_material." + x.material)),
                                .if(x.link != nil, .group(.text(" · "), .a(.href(x.link ?? ""), .text(ctx.t("project.open_material")))))),
                            .td(.text(x.notes ?? "")),
                            .if(
                                canEdit,
                                .td(
                                    .class("no-print"),
                                    Forms.removeButton(
                                        ctx, .projectPartDelete(r.project.id!, .presentations, x.id!), label: ctx.t("common.remove"), what: x.venue)))
                        )
                    })))
        return section(
            ctx, id: "presentations-h", title: ctx.t("project.presentations"), empty: r.presentations.isEmpty, table,
            add: canEdit ? ProjectCardView.addLink(ctx, r.project, .presentations) : .empty)
    }

    static func awards(_ ctx: PageContext, _ r: ProjectRecord, canEdit: Bool) -> Node<HTML.BodyContext> {
        let table: Node<HTML.BodyContext> = .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(ctx.t("project.awards"))),
                head(ctx, ["project.award_name", "project.awarded_by", "project.awarded_on", "project.recipient"], canEdit: canEdit),
                .tbody(
                    .forEach(r.awards) { x in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), Bilingual.node(ctx, ru: x.name, kk: x.nameKk)),
                            .td(Bilingual.node(ctx, ru: x.awardedBy, kk: x.awardedByKk)), .td(.text(ctx.date(x.awardedOn))),
                            .td(.text(x.recipient)),
                            .if(
                                canEdit,
                                .td(
                                    .class("no-print"),
                                    Forms.removeButton(
                                        ctx, .projectPartDelete(r.project.id!, .awards, x.id!), label: ctx.t("common.remove"), what: x.name)))
                        )
                    })))
        return section(
            ctx, id: "awards-h", title: ctx.t("project.awards"), empty: r.awards.isEmpty, table,
            add: canEdit ? ProjectCardView.addLink(ctx, r.project, .awards) : .empty)
    }

    static func events(_ ctx: PageContext, _ r: ProjectRecord, canEdit: Bool) -> Node<HTML.BodyContext> {
        let total = r.events.reduce(0) { $0 + $1.participantsTotal }
        let table: Node<HTML.BodyContext> = .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(ctx.plural("event.count", r.events.count) + " · " + ctx.plural("event.participants_count", total))),
                head(ctx, ["event.starts_on", "event.title", "event.type", "event.participants_total"], canEdit: false),
                .tbody(
                    .forEach(r.events) { e in
                        .tr(
                            .td(.text(ctx.date(e.startsOn))),
                            .th(.attribute(named: "scope", value: "row"), .a(.href(SiteRoute.event(e.id!).path), .text(e.title))),
                            .td(.text(ctx.t(e.eventType.labelKey))), .td(.class("num"), .text(ctx.number(e.participantsTotal))))
                    })))
        let add: Node<HTML.BodyContext> = .p(
            .class("no-print"),
            .a(
                .class("button secondary"), .href(SiteRoute.eventNew.path(query: [("project_id", r.project.id!.uuidString.lowercased())])),
                .text(ctx.t("project.add_event"))))
        return section(ctx, id: "events-h", title: ctx.t("project.events"), empty: r.events.isEmpty, table, add: canEdit ? add : .empty)
    }
}
