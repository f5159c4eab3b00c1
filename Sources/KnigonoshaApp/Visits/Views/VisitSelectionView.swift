import Plot
import Vapor

/// The selection part of a visit's page, and the outcome forms.
enum VisitSelectionView {
    static func section(_ ctx: PageContext, _ m: VisitView.Model) -> Node<HTML.BodyContext> {
        let open = m.visit.visitStatus.isOpen
        let wanted = m.visit.reader.itemsPerVisit
        return .section(
            .id("selection"), .attribute(named: "aria-labelledby", value: "selection-h"),
            .h2(.id("selection-h"), .text(ctx.t("visits.selection") + " (" + ctx.plural("visits.wanted", wanted) + ")")),
            .if(m.details.items.isEmpty, .p(.text(ctx.t("visits.selection_empty")))),
            .if(
                !m.details.items.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .class("responsive"),
                        .caption(.text(ctx.plural("visits.items_count", m.details.items.count))),
                        .thead(
                            .tr(
                                .th(.text(ctx.t("visits.title_col"))), .th(.text(ctx.t("visits.state"))), .th(.text(ctx.t("copy.shelf_mark"))),
                                .th(.text(ctx.t("visits.why"))), .th(.text(ctx.t("common.actions"))))),
                        .tbody(.forEach(m.details.items) { row(ctx, m, $0, open: open) })
                    )
                )
            ),
            .if(
                open,
                .div(
                    .class("actions"),
                    action(ctx, m, "suggest", nil, ctx.t("visits.suggest"), primary: false),
                    action(ctx, m, "accept_all", nil, ctx.t("visits.suggest_and_reserve"), primary: true)
                )
            ),
            .if(open, search(ctx, m))
        )
    }

    static func row(_ ctx: PageContext, _ m: VisitView.Model, _ i: VisitItem, open: Bool) -> Node<HTML.TableContext> {
        let label = i.bib.title
        let home = m.visit.$branch.id
        // A suggestion the visit's branch cannot give: the branches that can are offered instead.
        let lacking = open && i.itemState == .suggested && !m.stock.hasFree(i.$bib.id, at: home)
        let askable = lacking ? Array(m.stock.elsewhere(i.$bib.id, home: home, ctx.lang).prefix(3)) : []
        let from = i.copy.flatMap { c in c.$branch.id == home ? nil : c.$branch.id.flatMap { m.stock.branches[$0] } }
        return .tr(
            .td(
                .a(.href(SiteRoute.catalogRecord(i.$bib.id).path), .text(label)),
                .if(i.bib.form != "print", .text(" (" + ctx.t("material." + i.bib.form) + ")"))),
            .td(
                .attribute(named: "data-label", value: ctx.t("visits.state")), .text(ctx.t(i.itemState.labelKey)),
                .unwrap(from) { .span(.class("hint"), .text(" — " + ctx.t("visits.from_branch", ["branch": $0.name(ctx.lang)]))) },
                .if(lacking, .span(.class("hint"), .text(" — " + ctx.t(askable.isEmpty ? "visits.no_copy_anywhere" : "visits.no_copy_here"))))),
            .td(
                .attribute(named: "data-label", value: ctx.t("copy.shelf_mark")),
                .text([i.copy?.shelfMark, i.copy?.inventoryNumber].compactMap { $0 }.joined(separator: " · "))),
            .td(.attribute(named: "data-label", value: ctx.t("visits.why")), .text(reasons(i.reasons, ctx))),
            .td(
                .if(
                    open && i.itemState == .suggested && !lacking, action(ctx, m, "accept", i.id, ctx.t("visits.accept"), primary: true, about: label)
                ),
                .forEach(askable) { b in
                    action(
                        ctx, m, "request", i.id, ctx.t("visits.request_from", ["branch": b.name(ctx.lang)]), primary: true, about: label,
                        extra: [("branch", b.id!.uuidString.lowercased())])
                },
                .if(open && i.itemState != .delivered, action(ctx, m, "swap", i.id, ctx.t("visits.swap"), primary: false, about: label)),
                .if(open && i.itemState != .delivered, action(ctx, m, "remove", i.id, ctx.t("visits.remove"), primary: false, about: label))
            )
        )
    }

    /// «subject:История» as «Тема: История».
    static func reasons(_ raw: String, _ ctx: PageContext) -> String {
        raw.split(separator: "\n").map { r in
            let parts = r.split(separator: ":", maxSplits: 1).map(String.init)
            return ctx.t("reason." + parts[0]) + (parts.count > 1 ? ": " + parts[1] : "")
        }.joined(separator: "; ")
    }

    static func action(
        _ ctx: PageContext, _ m: VisitView.Model, _ name: String, _ item: UUID?, _ label: String, primary: Bool, about: String? = nil,
        extra: [(String, String)] = []
    ) -> Node<HTML.BodyContext> {
        Forms.post(
            ctx, action: SiteRoute.visitItems(m.visit.id!).path, class: "inline",
            [
                .input(.type(.hidden), .name("action"), .value(name)),
                .unwrap(item) { .input(.type(.hidden), .name("item"), .value($0.uuidString.lowercased())) },
                .forEach(extra) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
                .button(
                    .type(.submit), .class(primary ? "primary" : "secondary"),
                    .unwrap(about) { .attribute(named: "aria-label", value: label + ": " + $0) }, .text(label)),
            ])
    }

    static func search(_ ctx: PageContext, _ m: VisitView.Model) -> Node<HTML.BodyContext> {
        .div(
            .class("card"),
            .h3(.id("add-h"), .text(ctx.t("visits.add_title"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.visit(m.visit.id!).path + "#add-h"),
                    .class("inline-form"),
                    Forms.input(ctx, .init(name: "q", label: ctx.t("catalog.q"), value: m.query, type: "search")),
                    .button(.type(.submit), .text(ctx.t("catalog.search"))),
                ]),
            .if(!m.query.isEmpty && m.found.isEmpty, .p(.text(ctx.t("visits.nothing_available")))),
            .ul(
                .forEach(m.found) { b in
                    let home = m.visit.$branch.id
                    let here = m.stock.hasFree(b.id!, at: home)
                    let others = here ? [] : Array(m.stock.elsewhere(b.id!, home: home, ctx.lang).prefix(3))
                    return .li(
                        .text(b.title + (b.form == "print" ? "" : " (" + ctx.t("material." + b.form) + ")") + " "),
                        .if(!here, .span(.class("hint"), .text(ctx.t(others.isEmpty ? "visits.no_copy_anywhere" : "visits.no_copy_here") + " "))),
                        .forEach(others) { branch in
                            Forms.post(
                                ctx, action: SiteRoute.visitItems(m.visit.id!).path, class: "inline",
                                [
                                    .input(.type(.hidden), .name("action"), .value("add")),
                                    .input(.type(.hidden), .name("bib_id"), .value(String(b.id!))),
                                    .input(.type(.hidden), .name("branch"), .value(branch.id!.uuidString.lowercased())),
                                    .button(
                                        .type(.submit),
                                        .attribute(
                                            named: "aria-label",
                                            value: ctx.t("visits.request_from", ["branch": branch.name(ctx.lang)]) + ": " + b.title),
                                        .text(ctx.t("visits.request_from", ["branch": branch.name(ctx.lang)]))),
                                ])
                        },
                        .if(
                            here,
                            Forms.post(
                                ctx, action: SiteRoute.visitItems(m.visit.id!).path, class: "inline",
                                [
                                    .input(.type(.hidden), .name("action"), .value("add")),
                                    .input(.type(.hidden), .name("bib_id"), .value(String(b.id!))),
                                    .button(
                                        .type(.submit), .attribute(named: "aria-label", value: ctx.t("visits.add") + ": " + b.title),
                                        .text(ctx.t("visits.add"))),
                                ]))
                    )
                })
        )
    }

    static func outcomeForms(_ ctx: PageContext, _ m: VisitView.Model) -> Node<HTML.BodyContext> {
        let key = UUID().uuidString.lowercased()
        let action = SiteRoute.visitOutcome(m.visit.id!).path
        return .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "outcome-h"),
            .h2(.id("outcome-h"), .text(ctx.t("visits.outcome"))),
            Forms.post(
                ctx, action: action, class: "inline-form",
                [
                    .input(.type(.hidden), .name("key"), .value(key)),
                    Forms.submit(ctx.t("run.done"), name: "outcome", value: "done"),
                    .button(.type(.submit), .class("secondary"), .name("outcome"), .value("no_answer"), .text(ctx.t("run.no_answer"))),
                ]),
            Forms.post(
                ctx, action: action, novalidate: true,
                [
                    .input(.type(.hidden), .name("outcome"), .value("cancelled")),
                    Forms.select(
                        ctx, .init(name: "reason", label: ctx.t("visits.reason"), error: m.errors["reason"], required: true),
                        options: [("", ctx.t("common.not_chosen"))] + CancelReason.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
                    Forms.input(ctx, .init(name: "reason_note", label: ctx.t("visits.reason_note"), error: m.errors["reason_note"])),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("visits.cancel_visit"))),
                ]),
            Forms.post(
                ctx, action: action, novalidate: true,
                [
                    .input(.type(.hidden), .name("outcome"), .value("rescheduled")),
                    Forms.input(
                        ctx,
                        .init(
                            name: "reschedule_to", label: ctx.t("visits.reschedule_to"), error: m.errors["reschedule_to"], required: true,
                            type: "date")),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("visits.reschedule"))),
                ])
        )
    }
}
