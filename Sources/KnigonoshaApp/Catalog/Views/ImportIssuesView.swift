import Plot

/// The two tables of an import's report: records skipped, with the reason in the reader's
/// language (the technical detail beside it, the same in every language, for whoever fixes the
/// file), and records read with repairs.
enum ImportIssuesView {
    static func tables(_ ctx: PageContext, skipped: Int, issues: [ImportIssue]) -> Node<HTML.BodyContext> {
        let skips = issues.filter { !$0.isRepair && !$0.isCopy }
        let repairs = issues.filter(\.isRepair)
        let copies = CopyEntriesView.entries(issues)
        return .group(
            .if(
                !copies.isEmpty,
                .group(
                    .h2(.text(ctx.plural("import.copies_count", copies.count))),
                    .p(.class("hint"), .text(ctx.t("import.copies_hint"))),
                    CopyEntriesView.table(ctx, caption: ctx.t("import.copies_caption"), entries: copies)
                )),
            .h2(.text(ctx.plural("import.skipped_count", skipped))),
            .if(
                !skips.isEmpty,
                table(ctx, caption: ctx.t("import.skipped_caption"), rows: skips) { i in
                    .td(
                        .text(i.code.map { ctx.t("marc_error." + $0) } ?? i.reason),
                        .if(i.code != nil, .span(.class("muted"), .text(" (" + i.reason + ")"))))
                }),
            .if(
                !repairs.isEmpty,
                .group(
                    .h2(.text(ctx.plural("import.repaired_count", repairs.count))),
                    .p(.class("hint"), .text(ctx.t("import.repaired_hint"))),
                    table(ctx, caption: ctx.t("import.repaired_caption"), rows: repairs) { i in
                        // One line per repair: 001, the field, what was found and what was done;
                        // rows stored before these details only have the kinds.
                        let lines = WarningLine.decode(i.reason)
                        return lines.isEmpty
                            ? .td(.text((i.code ?? "").split(separator: ",").map { ctx.t("marc_warning." + $0) }.joined(separator: "; ")))
                            : .td(
                                .unwrap(lines.first?.control) { .div(.text("001: " + $0)) },
                                .forEach(lines) { .div(.text($0.localized(ctx))) })
                    }
                ))
        )
    }

    private static func table(
        _ ctx: PageContext, caption: String, rows: [ImportIssue], reason: @escaping (ImportIssue) -> Node<HTML.TableRowContext>
    ) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(caption)),
                .thead(.tr(.th(.text(ctx.t("import.record_number"))), .th(.text(ctx.t("import.reason"))))),
                .tbody(.forEach(rows) { i in .tr(.td(.text(String(i.recordNumber))), reason(i)) })
            )
        )
    }
}
