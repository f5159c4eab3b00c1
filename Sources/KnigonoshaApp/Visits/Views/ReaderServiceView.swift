import Plot
import Vapor

/// The visits and loans section of a reader's page.
enum ReaderServiceView {
    /// `nextVisit`: what was typed into the next-visit field and its error, after a refused save.
    static func section(
        _ ctx: PageContext, _ reader: Reader, _ s: ReaderService, nextVisit: (value: String, errors: FieldErrors)? = nil
    ) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "service-history-h"),
            .h2(.id("service-history-h"), .text(ctx.t("reader.service_history"))),
            .p(.text(ctx.t("slip.next") + ": " + (s.nextVisit.map { ctx.date($0.scheduledOn) } ?? ctx.t("common.not_given")))),
            reader.removedAs != nil
                ? .empty
                : Forms.post(
                    ctx, SiteRoute.readerNextVisit(reader.id!), class: "inline-form",
                    Forms.input(
                        ctx,
                        .init(
                            name: "next_visit_on", label: ctx.t("visits.next_visit_on"), value: nextVisit?.value ?? reader.nextVisitOn ?? "",
                            error: nextVisit?.errors["next_visit_on"], type: "date", hint: ctx.t("visits.next_visit_hint"))),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("common.save")))
                ),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.plural("visits.count", s.visits.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("visits.date"))), .th(.text(ctx.t("visits.status"))), .th(.text(ctx.t("visits.carrier"))),
                            .th(.text(ctx.t("run.comment"))))),
                    .tbody(
                        .forEach(s.visits) { v in
                            .tr(
                                .td(.a(.href(SiteRoute.visit(v.id!).path), .text(ctx.date(v.scheduledOn)))),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("visits.status")),
                                    .text(ctx.t(v.visitStatus.labelKey) + (v.reason.map { " — " + ctx.t("cancel_reason." + $0) } ?? ""))),
                                .td(.attribute(named: "data-label", value: ctx.t("visits.carrier")), .text(v.carrier?.fullName ?? "—")),
                                .td(.attribute(named: "data-label", value: ctx.t("run.comment")), .text(v.comment ?? ""))
                            )
                        }
                    )
                )
            ),
            LoansView.table(ctx, s.loans, caption: ctx.plural("loans.count", s.loans.count), showReader: false)
        )
    }
}
