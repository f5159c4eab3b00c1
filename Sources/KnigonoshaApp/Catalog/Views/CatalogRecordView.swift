import MARCKit
import Plot
import Vapor

/// `/catalog/{id}`: the description and every copy, by branch, with its status.
enum CatalogRecordView {
    static func render(
        _ ctx: PageContext, bib b: BibRecord, copies: [Copy], branches: [Branch], form: CopyPayload, errors: FieldErrors,
        status: HTTPResponseStatus = .ok, readers: [Loan] = [], stored: Bibliographic? = nil
    ) -> Response {
        func row(_ key: String, _ value: String?) -> [Node<HTML.BodyContext>] {
            guard let value, !value.isEmpty else { return [] }
            return [H.dt(ctx.t(key)), H.dd(value)]
        }
        var rows: [Node<HTML.BodyContext>] = []
        rows += row("catalog.subtitle", b.subtitle)
        rows += row(
            "catalog.contributors",
            b.contributorList.map { $0.role.isEmpty ? $0.name : "\($0.name) (\(ContributorRole.label($0.role, ctx)))" }.joined(separator: "; "))
        rows += row("catalog.edition", b.edition)
        rows += row("catalog.publication", [b.place, b.publisher, b.year.map(String.init)].compactMap { $0 }.joined(separator: ", "))
        rows += row("catalog.isbn", b.isbns.replacingOccurrences(of: " ", with: ", "))
        rows += row("catalog.issn", b.issns.replacingOccurrences(of: " ", with: ", "))
        rows += row("catalog.language", b.languageCodes.map { ctx.l10n.has("lang639." + $0) ? ctx.t("lang639." + $0) : $0 }.joined(separator: ", "))
        rows += row("catalog.format", ctx.t("material." + b.form))
        let series = stored?.allSeries ?? []
        if series.count > 1 {
            rows += [
                H.dt(ctx.t("catalog.series")),
                H.dd(.forEach(series) { .div(.text([$0.title, $0.number].compactMap { $0 }.joined(separator: " ; "))) }),
            ]
        } else {
            rows += row("catalog.series", [b.series, b.seriesNumber].compactMap { $0 }.joined(separator: " ; "))
        }
        rows += row("catalog.physical", b.physical)
        rows += row("catalog.subjects", b.subjectList.joined(separator: "; "))
        rows += row("catalog.genres", b.genreList.joined(separator: "; "))
        rows += row("catalog.audience", b.audience.map { ctx.l10n.has("audience." + $0) ? ctx.t("audience." + $0) : $0 })
        rows += row("catalog.summary", b.summary)
        // The description in its original script beside the romanised one; `dir="auto"` lets
        // Arabic and Hebrew run right to left.
        if let alt = stored?.alternateScript, !alt.isEmpty {
            var lines: [String] = []
            if let title = alt.title { lines.append(([title] + (alt.subtitle.map { [$0] } ?? [])).joined(separator: " : ")) }
            lines.append(alt.contributors.map(\.name).joined(separator: "; "))
            lines.append([alt.place, alt.publisher].compactMap { $0 }.joined(separator: ", "))
            lines.append(alt.series.map(\.title).joined(separator: "; "))
            lines.append(alt.subjects.joined(separator: "; "))
            lines = lines.filter { !$0.isEmpty }
            rows += [H.dt(ctx.t("catalog.original_script")), H.dd(.attribute(named: "dir", value: "auto"), .forEach(lines) { .div(.text($0)) })]
        }
        let byBranch = Dictionary(grouping: copies) { $0.branch?.name(ctx.lang) ?? ctx.t("catalog.no_branch") }
        return Layout.page(
            ctx, title: b.title, status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "copy."),
            H.dl(rows),
            .h2(.id("copies"), .text(ctx.plural("catalog.copies_count", copies.count))),
            .forEach(byBranch.keys.sorted()) { branch in
                .section(
                    .class("card"),
                    .h3(.text(branch)),
                    .div(
                        .class("table-wrap"), H.scrollRegion(ctx),
                        .table(
                            .class("responsive"),
                            .thead(.tr(.th(.text(ctx.t("copy.inventory"))), .th(.text(ctx.t("copy.shelf_mark"))), .th(.text(ctx.t("copy.status"))))),
                            .tbody(
                                .forEach(byBranch[branch] ?? []) { c in
                                    .tr(
                                        .td(.attribute(named: "data-label", value: ctx.t("copy.inventory")), .text(c.inventoryNumber)),
                                        .td(.attribute(named: "data-label", value: ctx.t("copy.shelf_mark")), .text(c.shelfMark ?? "—")),
                                        .td(.attribute(named: "data-label", value: ctx.t("copy.status")), .text(ctx.t("copy_status." + c.status)))
                                    )
                                }
                            )
                        )
                    )
                )
            },
            // Staff add the library's copies here, so that a title imported without holdings
            // can be delivered (issue 12, finding 4).
            addCopyForm(ctx, b, branches: branches, form: form, errors: errors),
            .section(
                .attribute(named: "aria-labelledby", value: "who-had-h"),
                .h2(.id("who-had-h"), .text(ctx.t("catalog.who_had"))),
                readers.isEmpty
                    ? .p(.text(ctx.t("catalog.nobody_had")))
                    : LoansView.table(ctx, readers, caption: ctx.plural("loans.count", readers.count), showReader: true)
            ),
            .p(
                .class("actions"),
                .a(
                    .href(SiteRoute.catalogExport.path(query: [("ids", String(b.id!)), ("format", "marc21")])), .text(ctx.t("catalog.export_marc21"))),
                .a(
                    .href(SiteRoute.catalogExport.path(query: [("ids", String(b.id!)), ("format", "marcxml")])),
                    .text(ctx.t("catalog.export_marcxml"))),
                .a(.href(SiteRoute.catalog.path), .text(ctx.t("catalog.back")))
            )
        )
    }

    private static func addCopyForm(
        _ ctx: PageContext, _ b: BibRecord, branches: [Branch], form: CopyPayload, errors: FieldErrors
    ) -> Node<HTML.BodyContext> {
        guard !branches.isEmpty else { return .empty }
        func field(_ name: String, _ value: String?, required: Bool = false, type: String = "text") -> Node<HTML.BodyContext> {
            Forms.input(ctx, .init(name: name, label: ctx.t("copy." + name), value: value ?? "", error: errors[name], required: required, type: type))
        }
        return .group(
            .h2(.id("add-copy"), .text(ctx.t("copy.add_title"))),
            Forms.post(
                ctx, .catalogCopies(b.id!), ariaLabel: ctx.t("copy.add_title"), novalidate: true,
                .div(
                    .class("grid"),
                    field("inventory_number", form.inventory_number, required: true),
                    field("barcode", form.barcode),
                    Forms.select(
                        ctx,
                        .init(
                            name: "branch_id", label: ctx.t("copy.branch_id"), value: form.branch_id ?? "", error: errors["branch_id"], required: true
                        ),
                        options: branches.map { ($0.id!.uuidString, $0.name(ctx.lang)) }
                    ),
                    field("shelf_mark", form.shelf_mark),
                    field("acquired_on", form.acquired_on, type: "date")
                ),
                Forms.textarea(ctx, .init(name: "notes", label: ctx.t("copy.notes"), value: form.notes ?? "", error: errors["notes"]), rows: 2),
                .div(.class("actions"), Forms.submit(ctx.t("copy.add")))
            )
        )
    }
}
