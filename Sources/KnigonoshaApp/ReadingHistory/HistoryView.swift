import Plot
import Vapor

/// The loan history upload, and what it stored and could not match.
enum HistoryView {
    static func page(_ ctx: PageContext, outcome: HistoryImport.Outcome?, errors: FieldErrors, status: HTTPResponseStatus = .ok) -> Response {
        Layout.page(
            ctx, title: ctx.t("history.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "history."),
            .unwrap(outcome) { result(ctx, $0) },
            .p(.class("hint"), .text(ctx.t("history.explain"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.readersHistory.path),
                    .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate"),
                    .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
                    Forms.input(
                        ctx,
                        .init(
                            name: "file", label: ctx.t("history.file"), error: errors["file"], required: true, type: "file",
                            hint: ctx.t("history.file_hint"), extra: [("accept", ".csv,.xlsx,.txt")])),
                    .div(.class("actions"), Forms.submit(ctx.t("history.submit"))),
                ]),
            .p(.a(.href(SiteRoute.readers.path), .text(ctx.t("nav.readers"))))
        )
    }

    private static func result(_ ctx: PageContext, _ o: HistoryImport.Outcome) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "history-result"),
            .h2(.id("history-result"), .text(ctx.t("history.result_title"))),
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    ctx.t(
                        "history.result",
                        [
                            "rows": ctx.number(o.read), "stored": ctx.number(o.stored), "known": ctx.number(o.known),
                            "readers": ctx.number(o.readers), "problems": ctx.number(o.problems.count),
                        ]))),
            .if(
                !o.problems.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .caption(.text(ctx.t("history.problems_caption"))),
                        .thead(.tr(.th(.text(ctx.t("history.row"))), .th(.text(ctx.t("history.reason"))), .th(.text(ctx.t("history.value"))))),
                        .tbody(
                            .forEach(o.problems.prefix(1000)) { p in
                                .tr(.td(.text(String(p.row))), .td(.text(ctx.t("history_problem." + p.code))), .td(.text(p.value)))
                            })
                    )
                ))
        )
    }
}
