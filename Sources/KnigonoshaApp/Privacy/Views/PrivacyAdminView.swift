import Plot
import Vapor

/// The retention page and the list of consents about to end.
enum PrivacyAdminView {
    struct Model {
        var settings: RetentionSettings
        var form: PrivacyAdminController.SettingsForm?
        var errors: FieldErrors
        var due: [Retention.Due]
        var staffDue: [(user: User, dueOn: LocalDate)]
        var lastRun: String?
        var today: LocalDate
    }

    static func page(_ ctx: PageContext, _ m: Model, status: HTTPResponseStatus) -> Response {
        let (settings, form, errors, due, lastRun, today) = (m.settings, m.form, m.errors, m.due, m.lastRun, m.today)
        let value = form?.retention_months ?? settings.months.map(String.init) ?? ""
        let staffValue = form?.staff_retention_months ?? settings.staffMonths.map(String.init) ?? ""
        return Layout.page(
            ctx, title: ctx.t("privacy.title"), status: status, wide: true,
            Forms.errorSummary(ctx, errors, labelPrefix: "privacy."),
            .p(.class("hint"), .text(ctx.t("privacy.explain"))),
            Forms.post(
                ctx, SiteRoute.adminPrivacy, novalidate: true,
                Forms.input(
                    ctx,
                    .init(
                        name: "retention_months", label: ctx.t("privacy.retention_months"), value: value, error: errors["retention_months"],
                        // Text, not a number input: a browser sends a mistyped number as empty, which would turn retention off.
                        hint: ctx.t("privacy.retention_hint"), inputmode: "numeric")),
                Forms.input(
                    ctx,
                    .init(
                        name: "staff_retention_months", label: ctx.t("privacy.staff_retention_months"), value: staffValue,
                        error: errors["staff_retention_months"], hint: ctx.t("privacy.staff_retention_hint"), inputmode: "numeric")),
                .div(.class("actions"), Forms.submit(ctx.t("common.save")))
            ),
            .p(
                .text(
                    settings.months.map { ctx.plural("privacy.retention_on", $0) } ?? ctx.t("privacy.retention_off")),
                .text(" "), .text(lastRun.flatMap { $0.isEmpty ? nil : ctx.t("privacy.last_run", ["date": ctx.date($0)]) } ?? "")),
            .p(
                .text(
                    settings.staffMonths.map { ctx.t("privacy.staff_retention_on", ["count": String($0)]) }
                        ?? ctx.t("privacy.staff_retention_off"))),
            .if(settings.months != nil, dueTable(ctx, due, today)),
            .if(settings.staffMonths != nil, staffTable(ctx, m.staffDue))
        )
    }

    private static func staffTable(_ ctx: PageContext, _ due: [(user: User, dueOn: LocalDate)]) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "staff-due-h"),
            .h2(.id("staff-due-h"), .text(ctx.t("privacy.staff_due_title"))),
            .p(.id("staff-due-count"), .text(ctx.plural("privacy.staff_due_count", due.count))),
            .if(
                !due.isEmpty,
                .ul(
                    .forEach(due) { d in
                        .li(
                            .a(.href(SiteRoute.adminUser(d.user.id!).path), .text(d.user.fullName)),
                            .text(" — " + ctx.t("privacy.due_on") + " " + ctx.date(d.dueOn.iso)))
                    }))
        )
    }

    private static func dueTable(_ ctx: PageContext, _ due: [Retention.Due], _ today: LocalDate) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "due-h"),
            .h2(.id("due-h"), .text(ctx.t("privacy.due_title"))),
            .p(.id("due-count"), .text(ctx.plural("privacy.due_count", due.count))),
            .if(
                !due.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .class("responsive"),
                        .thead(
                            .tr(
                                .th(.text(ctx.t("reader.card_number"))), .th(.text(ctx.t("reader.ended_on"))), .th(.text(ctx.t("privacy.due_on"))),
                                .th(.text(ctx.t("privacy.state"))))),
                        .tbody(
                            .forEach(due) { d in
                                .tr(
                                    .td(.a(.href(SiteRoute.reader(d.reader.id!).path), .text(d.reader.cardNumber))),
                                    .td(.attribute(named: "data-label", value: ctx.t("reader.ended_on")), .text(ctx.date(d.reader.endedOn))),
                                    .td(.attribute(named: "data-label", value: ctx.t("privacy.due_on")), .text(ctx.date(d.dueOn.iso))),
                                    .td(
                                        .attribute(named: "data-label", value: ctx.t("privacy.state")),
                                        .text(
                                            d.blockers.isEmpty
                                                ? ctx.t(d.dueOn <= today ? "privacy.state_next_pass" : "privacy.state_ready")
                                                : d.blockers.items.map { ctx.t($0.message) }.joined(separator: "; ")))
                                )
                            })
                    )))
        )
    }

    static func consents(_ ctx: PageContext, rows: [ConsentsEnding.Row], today: LocalDate, until: LocalDate) -> Response {
        Layout.page(
            ctx, title: ctx.t("consents.title"),
            .p(.class("hint"), .text(ctx.t("consents.explain", ["date": ctx.date(until.iso)]))),
            .p(.id("result-count"), .text(ctx.plural("consents.count_records", rows.count))),
            .if(
                !rows.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .class("responsive"),
                        .thead(
                            .tr(
                                .th(.text(ctx.t("stats.col_reader"))), .th(.text(ctx.t("reader.card_number"))),
                                .th(.text(ctx.t("consent.field.scope"))), .th(.text(ctx.t("consent.field.until"))))),
                        .tbody(
                            .forEach(rows) { row in
                                let (r, c) = (row.reader, row.consent)
                                return .tr(
                                    .td(.a(.href(SiteRoute.readerConsentRecords(r.id!).path), .text(r.fullName))),
                                    .td(.attribute(named: "data-label", value: ctx.t("reader.card_number")), .text(r.cardNumber)),
                                    .td(
                                        .attribute(named: "data-label", value: ctx.t("consent.field.scope")), .text(ctx.t("consent_scope." + c.scope))
                                    ),
                                    .td(
                                        .attribute(named: "data-label", value: ctx.t("consent.field.until")),
                                        .text(ctx.date(c.until) + ((c.until ?? "") < today.iso ? " — " + ctx.t("consents.expired") : "")))
                                )
                            })
                    )))
        )
    }
}
