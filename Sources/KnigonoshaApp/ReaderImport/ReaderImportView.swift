import Plot
import Vapor

/// The readers upload: the form, and either what was stored or every cell that stopped it.
enum ReaderImportView {
    static func page(
        _ ctx: PageContext, branches: [Branch], choices: ReaderImportController.Choices, outcome: ReaderImport.Outcome?, errors: FieldErrors,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.page(
            ctx, title: ctx.t("reader_import.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "reader_import."),
            .unwrap(outcome) { $0.stored ? stored(ctx, $0) : refused(ctx, $0) },
            .p(.class("hint"), .text(ctx.t("reader_import.explain"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.readersImport.path),
                    .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate"),
                    .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
                    Forms.input(
                        ctx,
                        .init(
                            name: "file", label: ctx.t("reader_import.file"), error: errors["file"], required: true, type: "file",
                            hint: ctx.t("reader_import.file_hint"), extra: [("accept", ".csv,.xlsx,.txt")])),
                    Forms.select(
                        ctx,
                        .init(
                            name: "branch_id", label: ctx.t("reader_import.branch_id"), value: choices.branchID, error: errors["branch_id"],
                            hint: ctx.t("reader_import.branch_hint")),
                        options: [("", ctx.t("reader_import.branch_none"))] + branches.map { ($0.id?.uuidString ?? "", $0.name(ctx.lang)) }),
                    Forms.input(
                        ctx,
                        .init(
                            name: "settlement", label: ctx.t("reader_import.settlement"), value: choices.settlement, error: errors["settlement"],
                            hint: ctx.t("reader_import.settlement_hint"))),
                    Forms.choiceGroup(
                        ctx, name: "update_existing", legend: ctx.t("reader_import.existing"),
                        options: [("on", ctx.t("reader_import.update_existing"))], selected: choices.updateExisting ? ["on"] : [], error: nil,
                        hint: ctx.t("reader_import.update_hint")),
                    .div(.class("actions"), Forms.submit(ctx.t("reader_import.submit"))),
                ]),
            .p(.a(.href(SiteRoute.readers.path), .text(ctx.t("nav.readers"))))
        )
    }

    private static func stored(_ ctx: PageContext, _ o: ReaderImport.Outcome) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "import-result"),
            .h2(.id("import-result"), .text(ctx.t("reader_import.result_title"))),
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    ctx.t(
                        "reader_import.result",
                        [
                            "rows": ctx.number(o.rows), "created": ctx.number(o.count(.created)), "updated": ctx.number(o.count(.updated)),
                            "unchanged": ctx.number(o.count(.unchanged)),
                        ]))),
            .if(o.count(.created) > 0, .p(.text(ctx.t("reader_import.pending_note")))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.t("reader_import.readers_caption"))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("reader.card_number"))), .th(.text(ctx.t("reader_import.name"))),
                            .th(.text(ctx.t("reader_import.outcome"))))),
                    .tbody(
                        .forEach(o.done.prefix(1000)) { d in
                            .tr(
                                .td(.text(d.card)),
                                .td(.unwrap(d.id, { .a(.href(SiteRoute.reader($0).path), .text(d.name)) }, else: .text(d.name))),
                                .td(.text(ctx.t(d.result.labelKey))))
                        })
                )
            )
        )
    }

    /// Nothing was stored: every failing cell, by row and column, in the language of the page.
    private static func refused(_ ctx: PageContext, _ o: ReaderImport.Outcome) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "import-result"),
            .h2(.id("import-result"), .text(ctx.t("reader_import.refused_title"))),
            .p(.attribute(named: "role", value: "alert"), .text(ctx.plural("reader_import.refused", o.problems.count, ["rows": ctx.number(o.rows)]))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.t("reader_import.problems_caption"))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("history.row"))), .th(.text(ctx.t("reader_import.column"))), .th(.text(ctx.t("history.value"))),
                            .th(.text(ctx.t("history.reason"))))),
                    .tbody(
                        .forEach(o.problems.prefix(1000)) { p in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(String(p.row))), .td(.text(column(ctx, p))), .td(.text(p.value)),
                                .td(.text(ctx.t(p.message))))
                        })
                )
            )
        )
    }

    /// The header as the file has it; a field no column holds (the form's own rules) by its label.
    private static func column(_ ctx: PageContext, _ p: ReaderImport.Problem) -> String {
        p.column == p.field ? ctx.t("reader." + p.field.split(separator: "[").first.map(String.init)!) : p.column
    }
}
