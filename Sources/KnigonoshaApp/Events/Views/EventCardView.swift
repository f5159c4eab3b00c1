import Plot
import Vapor

/// An event's card, in the order of the library's report (title, date, place, participants,
/// their number, goal, expected result), then what came of it. It prints as the report.
enum EventCardView {
    static func page(
        _ ctx: PageContext, event e: Event, branchName: String?, canEdit: Bool, attachments: [EventAttachment] = [],
        errors: FieldErrors = FieldErrors(), maxMB: Int = 20, project: Project? = nil
    ) -> Response {
        func row(_ key: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            guard let value, !value.isEmpty else { return .empty }
            return .group(.dt(.text(ctx.t(key))), .dd(.text(value)))
        }
        var when = ctx.date(e.startsOn)
        if let end = e.endsOn { when += " — " + ctx.date(end) }
        if let from = e.timeFrom { when += ", " + from + (e.timeTo.map { "–" + $0 } ?? "") }
        var count = ctx.plural("event.people", e.participantsTotal)
        let parts: [(String, Int?)] = [
            ("event.children", e.children), ("event.youth", e.youth), ("event.adults", e.adults), ("event.disabled", e.disabled),
        ]
        let breakdown = parts.compactMap { key, n in n.map { ctx.t(key) + ": " + ctx.number($0) } }
        if !breakdown.isEmpty { count += " (" + breakdown.joined(separator: "; ") + ")" }
        let rows: [Node<HTML.DescriptionListContext>] = [
            row("event.type", ctx.t(e.eventType.labelKey)),
            row("event.when", when),
            row("event.place", e.place),
            row("event.organiser", e.organiser),
            row("event.branch", branchName),
            row("event.target_groups", e.groups.map { ctx.t($0.labelKey) }.joined(separator: ", ")),
            row("event.participants", e.participants),
            row("event.participants_total", count),
            row("event.goal", e.goal),
            row("event.expected_result", e.expectedResult),
            row("event.actual_result", e.actualResult),
            row("event.notes", e.notes),
            project.map { p in
                .group(
                    .dt(.text(ctx.t("event.project"))),
                    .dd(Bilingual.link(ctx, SiteRoute.project(p.id!).path, ru: p.name, kk: p.nameKk)))
            }
                ?? .empty,
        ]
        let card: Node<HTML.BodyContext> = .dl(.class("card-fields"), .group(rows))
        return Layout.page(
            ctx, title: e.title, status: errors.isEmpty ? .ok : .unprocessableEntity,
            Forms.errorSummary(ctx, errors, labels: ["file": ctx.t("attachment.file")]),
            card,
            files(ctx, e, attachments, canEdit: canEdit, errors: errors, maxMB: maxMB),
            .div(
                .class("actions no-print"),
                .if(canEdit, .a(.class("button primary"), .href(SiteRoute.eventEdit(e.id!).path), .text(ctx.t("event.edit")))),
                .if(canEdit, .a(.class("button danger"), .href(SiteRoute.eventDelete(e.id!).path), .text(ctx.t("event.delete")))),
                .a(.class("button secondary"), .href(SiteRoute.events.path), .text(ctx.t("event.back_to_list"))))
        )
    }

    static func files(
        _ ctx: PageContext, _ e: Event, _ list: [EventAttachment], canEdit: Bool, errors: FieldErrors, maxMB: Int
    )
        -> Node<HTML.BodyContext>
    {
        let items: Node<HTML.BodyContext> = .ul(
            .class("attachments"),
            .forEach(list) { a in
                .li(
                    .a(.href(SiteRoute.eventAttachment(e.id!, a.id!).path), .text(a.fileName)),
                    .text(" (" + ctx.number(max(1, a.size / 1024)) + " KB)"),
                    .if(
                        canEdit,
                        Forms.removeButton(ctx, .eventAttachmentDelete(e.id!, a.id!), label: ctx.t("attachment.delete"), what: a.fileName)))
            })
        let upload: Node<HTML.BodyContext> = .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.eventAttachments(e.id!).path),
                .attribute(named: "enctype", value: "multipart/form-data"), .class("no-print"),
                .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
                Forms.input(
                    ctx,
                    .init(
                        name: "file", label: ctx.t("attachment.file"), error: errors["file"], type: "file",
                        hint: ctx.t("attachment.hint", ["max": String(maxMB)]),
                        extra: [("accept", ".jpg,.jpeg,.png,.pdf,.pptx,.odp")])),
                Forms.submit(ctx.t("attachment.upload")),
            ])
        return .section(
            .attribute(named: "aria-labelledby", value: "attachments-h"),
            .h2(.id("attachments-h"), .text(ctx.t("attachment.title"))),
            list.isEmpty ? .p(.text(ctx.t("attachment.none"))) : items,
            .if(canEdit, upload))
    }
}
