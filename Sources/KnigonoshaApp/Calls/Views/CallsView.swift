import Plot
import Vapor

/// The call list: one card per visit with whom to call and how, the reminder to read or send, the
/// last answer, and the form for this call's answer.
enum CallsView {
    static func page(_ ctx: PageContext, day: LocalDate, entries: [CallEntry], refused: CallsController.Refused?, status: HTTPStatus) -> Response {
        Layout.page(
            ctx, title: ctx.t("calls.title", ["date": ctx.date(day.iso)]), status: status,
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.visitCalls.path),
                    .class("filters no-print"),
                    Forms.input(ctx, .init(name: "date", label: ctx.t("calls.date"), value: day.iso, type: "date")),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("calls.show"))),
                ]),
            .p(.class("lead"), .text(ctx.plural("calls.count", entries.count))),
            .forEach(entries) { card(ctx, $0, refused: refused?.visitID == $0.visit_id ? refused : nil) }
        )
    }

    static func card(_ ctx: PageContext, _ e: CallEntry, refused: CallsController.Refused?) -> Node<HTML.BodyContext> {
        let base = "c-" + String(e.visit_id.uuidString.lowercased().prefix(8))
        let heading = [e.time_from, e.time_to].compactMap { $0 }.joined(separator: "–")
        return .article(
            .class("call card"), .id("call-" + e.visit_id.uuidString.lowercased()), .attribute(named: "aria-labelledby", value: base + "-h"),
            .h2(.id(base + "-h"), .text((heading.isEmpty ? "" : heading + " · ") + e.reader_name)),
            .p(
                .a(.href(SiteRoute.visit(e.visit_id).path), .text(ctx.t("calls.visit"))), .text(" · "),
                .text(ctx.t("calls.carrier") + ": " + (e.carrier_name ?? ctx.t("calls.no_carrier")))),
            .if(e.contacts.isEmpty, .p(.class("warning-box"), .text(ctx.t("calls.no_phone")))),
            .ul(
                .class("contacts"),
                .forEach(e.contacts) { c in
                    let who = c.who == "caregiver" ? ctx.t("calls.caregiver") + (c.name.map { " (" + $0 + ")" } ?? "") : ctx.t("calls.reader")
                    let shown = PhoneDisplay.format(c.number) ?? c.number
                    return .li(
                        .text(who + ": "), .a(.href(c.tel), .text(shown)), .text(" · "),
                        .a(.href(c.whatsapp), .attribute(named: "aria-label", value: "WhatsApp: " + shown), .text("WhatsApp")), .text(" · "),
                        .a(.href(c.telegram), .attribute(named: "aria-label", value: "Telegram: " + shown), .text("Telegram")))
                }),
            .element(
                named: "details",
                nodes: [
                    .element(named: "summary", nodes: [.text(ctx.t("calls.reminder"))]),
                    .p(.attribute(named: "lang", value: e.language), .text(e.reminder)),
                ]),
            .unwrap(e.last_call) { last in
                .p(
                    .class("last-call"),
                    .text(
                        ctx.t("calls.last", ["result": ctx.t("call_result." + last.result), "at": ctx.dateTime(last.at)])
                            + (last.moved_to.map { " → " + ctx.date($0) } ?? "") + (last.note.map { " · " + $0 } ?? "")))
            },
            form(ctx, e, base: base, refused: refused)
        )
    }

    static func form(_ ctx: PageContext, _ e: CallEntry, base: String, refused: CallsController.Refused?) -> Node<HTML.BodyContext> {
        let errors = refused?.errors ?? FieldErrors()
        var result = Forms.Field(
            name: "result", label: ctx.t("calls.result"), value: refused?.input.result ?? "", error: errors["result"], required: true)
        result.controlID = base + "-result"
        var moved = Forms.Field(
            name: "moved_to", label: ctx.t("calls.moved_to"), value: refused?.input.moved_to ?? "", error: errors["moved_to"], type: "date",
            hint: ctx.t("calls.moved_to_hint"))
        moved.controlID = base + "-moved"
        var reason = Forms.Field(name: "reason", label: ctx.t("calls.reason"), value: refused?.input.reason ?? "", error: errors["reason"])
        reason.controlID = base + "-reason"
        var note = Forms.Field(name: "note", label: ctx.t("calls.note"), value: refused?.input.note ?? "", error: errors["note"])
        note.controlID = base + "-note"
        note.extra = [("maxlength", "500")]
        return Forms.post(
            ctx, action: SiteRoute.visitCall(e.visit_id).path, class: "call-form", ariaLabel: ctx.t("calls.answer_for") + " " + e.reader_name,
            [
                Forms.select(
                    ctx, result, options: [("", ctx.t("common.not_chosen"))] + CallResult.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
                Forms.input(ctx, moved),
                Forms.select(
                    ctx, reason, options: [("", ctx.t("calls.reason_default"))] + CancelReason.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
                Forms.input(ctx, note),
                Forms.submit(ctx.t("calls.save")),
            ])
    }
}
