import Plot
import Vapor

/// Loans: the overdue list, a reader's loans and "who had this title".
enum LoansView {
    static func table(
        _ ctx: PageContext, _ loans: [Loan], caption: String, showReader: Bool, actions: Bool = false, today: LocalDate? = nil
    ) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .class("responsive"),
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .if(showReader, .th(.text(ctx.t("visits.reader")))), .th(.text(ctx.t("visits.title_col"))), .th(.text(ctx.t("loans.issued"))),
                        .th(.text(ctx.t("loans.due"))), .th(.text(ctx.t("visits.status"))), .th(.text(ctx.t("loans.rating"))),
                        .if(actions, .th(.text(ctx.t("common.actions")))))),
                .tbody(.forEach(loans) { row(ctx, $0, showReader: showReader, actions: actions, today: today) })
            )
        )
    }

    static func row(_ ctx: PageContext, _ l: Loan, showReader: Bool, actions: Bool, today: LocalDate?) -> Node<HTML.TableContext> {
        let overdue = today.map { l.loanStatus == .onLoan && l.dueOn < $0.iso } ?? false
        return .tr(
            showReader ? .td(.a(.href(SiteRoute.reader(l.$reader.id).path), .text(l.reader.fullName))) : .empty,
            .td(.a(.href(SiteRoute.catalogRecord(l.$bib.id).path), .text(l.bib.title))),
            .td(.attribute(named: "data-label", value: ctx.t("loans.issued")), .text(ctx.date(l.issuedOn))),
            .td(
                .attribute(named: "data-label", value: ctx.t("loans.due")),
                .text(ctx.date(l.dueOn) + (overdue ? " — " + ctx.t("loans.overdue_mark") : ""))),
            .td(
                .attribute(named: "data-label", value: ctx.t("visits.status")),
                .text(ctx.t(l.loanStatus.labelKey) + (l.returnedOn.map { " " + ctx.date($0) } ?? ""))),
            .td(
                .attribute(named: "data-label", value: ctx.t("loans.rating")), .text(l.rating.map { "\($0) / 5" } ?? "—"),
                .unwrap(l.comment) { .text(" · " + $0) }),
            .if(
                actions && l.loanStatus == .onLoan,
                .td(
                    Forms.post(
                        ctx, action: SiteRoute.loanRenew(l.id!).path, class: "inline",
                        [
                            .button(
                                .type(.submit), .class("secondary"),
                                .attribute(named: "aria-label", value: ctx.t("loans.renew") + ": " + l.bib.title), .text(ctx.t("loans.renew")))
                        ]),
                    Forms.post(
                        ctx, action: SiteRoute.loanLost(l.id!).path, class: "inline",
                        [
                            .button(
                                .type(.submit), .class("secondary"), .attribute(named: "aria-label", value: ctx.t("loans.lost") + ": " + l.bib.title),
                                .text(ctx.t("loans.lost")))
                        ])
                ))
        )
    }

    static func page(_ ctx: PageContext, loans: [Loan], overdueOnly: Bool, today: LocalDate) -> Response {
        Layout.page(
            ctx, title: ctx.t(overdueOnly ? "loans.overdue_title" : "loans.title"), wide: true,
            .nav(
                .class("actions"), .attribute(named: "aria-label", value: ctx.t("loans.filter")),
                .a(
                    .href(SiteRoute.loans.path(query: [("status", "overdue")])), .if(overdueOnly, .attribute(named: "aria-current", value: "page")),
                    .text(ctx.t("loans.overdue_title"))),
                .a(.href(SiteRoute.loans.path), .if(!overdueOnly, .attribute(named: "aria-current", value: "page")), .text(ctx.t("loans.title")))
            ),
            table(ctx, loans, caption: ctx.plural("loans.count", loans.count), showReader: true, actions: true, today: today)
        )
    }
}
