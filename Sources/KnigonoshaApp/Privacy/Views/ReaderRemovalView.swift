import Plot
import Vapor

/// Anonymising or erasing a reader in two steps: choose what and why, then read what will
/// happen and type the card number to confirm. Nothing changes before the second button.
enum ReaderRemovalView {
    static func choose(
        _ ctx: PageContext, reader: Reader, form: PrivacyController.RemovalForm, errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) -> Response {
        let id = reader.id!
        return Layout.page(
            ctx, title: ctx.t("removal.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "removal.field_"),
            .p(.text(ctx.t("removal.who", ["name": reader.fullName, "card": reader.cardNumber]))),
            .p(.class("hint"), .text(ctx.t("removal.explain"))),
            .if(reader.removedAs != nil, .p(.class("removed-banner"), .text(ctx.t("removal.already_note")))),
            .unwrap(errors["reader"]) { .p(.class("field-error"), .id(Forms.id("reader")), .text(ctx.t("form.error_prefix") + " " + ctx.t($0))) },
            reader.removedAs != nil
                ? .a(.href(SiteRoute.reader(id).path), .text(ctx.t("export.back")))
                : Forms.post(
                    ctx, SiteRoute.readerRemove(id), novalidate: true,
                    Forms.choiceGroup(
                        ctx, name: "kind", legend: ctx.t("removal.field_kind"),
                        options: RemovalKind.allCases.map { ($0.rawValue, ctx.t($0.labelKey) + " — " + ctx.t(text($0).what)) },
                        selected: Set([form.kind ?? ""]), error: errors["kind"], radio: true),
                    Forms.select(
                        ctx,
                        .init(
                            name: "reason", label: ctx.t("removal.field_reason"), value: form.reason ?? "", error: errors["reason"], required: true),
                        options: [("", "—")] + RemovalReason.chosen.map { ($0.rawValue, ctx.t($0.labelKey)) }),
                    .div(
                        .class("actions"), Forms.submit(ctx.t("removal.next")),
                        .a(.href(SiteRoute.reader(id).path), .text(ctx.t("common.cancel"))))
                )
        )
    }

    static func review(
        _ ctx: PageContext, reader: Reader, kind: RemovalKind, reason: RemovalReason, errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) -> Response {
        let id = reader.id!
        let consequences =
            ["removal.gone_personal", "removal.gone_history"]
            + (kind == .anonymise
                ? ["removal.kept_statistics"] : ["removal.gone_statistics", "removal.kept_counts"]) + ["removal.irreversible"]
        return Layout.page(
            ctx, title: ctx.t(text(kind).title), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "removal.field_"),
            .p(.text(ctx.t("removal.who", ["name": reader.fullName, "card": reader.cardNumber]))),
            .p(.text(ctx.t("removal.field_reason") + ": " + ctx.t(reason.labelKey))),
            .div(.class("warning-box"), .ul(.forEach(consequences) { .li(.text(ctx.t($0))) })),
            Forms.post(
                ctx, SiteRoute.readerRemoveConfirm(id), novalidate: true,
                .input(.type(.hidden), .name("kind"), .value(kind.rawValue)),
                .input(.type(.hidden), .name("reason"), .value(reason.rawValue)),
                Forms.input(
                    ctx,
                    .init(
                        name: "confirm", label: ctx.t("removal.field_confirm"), error: errors["confirm"], required: true,
                        hint: ctx.t("removal.confirm_hint", ["card": reader.cardNumber]), autocomplete: "off")),
                .div(
                    .class("actions"),
                    .button(.type(.submit), .class("danger"), .text(ctx.t(text(kind).button))),
                    .a(.href(SiteRoute.readerRemove(id).path), .text(ctx.t("removal.back"))))
            )
        )
    }

    /// Each kind's catalog keys: what it does, the review's title and the final button.
    private static func text(_ kind: RemovalKind) -> (what: String, title: String, button: String) {
        switch kind {
        case .anonymise: ("removal.what_anonymise", "removal.review_title_anonymise", "removal.do_anonymise")
        case .erase: ("removal.what_erase", "removal.review_title_erase", "removal.do_erase")
        }
    }
}
