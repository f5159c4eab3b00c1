import Plot
import Vapor

/// `/catalog`: the search form, the result count, results and pages.
enum CatalogSearchView {
    static func render(
        _ ctx: PageContext, query q: CatalogQuery, records: [BibRecord], total: Int, available: [Int: Int], branches: [Branch]
    ) -> Response {
        let pages = Swift.max(1, (total + q.perPage - 1) / q.perPage)
        return Layout.page(
            ctx, title: ctx.t("catalog.title"), wide: true,
            form(ctx, q, branches),
            .p(.id("result-count"), .attribute(named: "role", value: "status"), .text(ctx.plural("catalog.found", total))),
            .if(
                !records.isEmpty,
                .element(
                    named: "ol",
                    nodes: [.class("results"), .attribute(named: "start", value: String((q.pageNumber - 1) * q.perPage + 1))]
                        + records.map { result(ctx, $0, available[$0.id!] ?? 0) })
            ),
            pagination(ctx, q, pages),
            .if(
                total > 0,
                .p(
                    .class("actions"),
                    .a(.href(SiteRoute.catalogExport.path(query: link(q) + [("format", "marc21")])), .text(ctx.t("catalog.export_marc21"))),
                    .a(.href(SiteRoute.catalogExport.path(query: link(q) + [("format", "marcxml")])), .text(ctx.t("catalog.export_marcxml")))
                )
            )
        )
    }

    static func link(_ q: CatalogQuery) -> [(String, String)] {
        [
            ("q", q.q ?? ""), ("format", q.format ?? ""), ("language", q.language ?? ""), ("branch", q.branch ?? ""),
            ("year_from", q.year_from.map(String.init) ?? ""), ("year_to", q.year_to.map(String.init) ?? ""),
            ("audience", q.audience ?? ""),
        ]
    }

    private static func result(_ ctx: PageContext, _ b: BibRecord, _ available: Int) -> Node<HTML.BodyContext> {
        let authors = b.contributorList.prefix(3).map(\.name).joined(separator: "; ")
        let facts = [
            b.year.map(String.init), ctx.t("material." + b.form),
            b.languageCodes.map { ctx.l10n.has("lang639." + $0) ? ctx.t("lang639." + $0) : $0 }.joined(separator: ", "),
        ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return .element(
            named: "li",
            nodes: [
                .class("result"),
                .h2(.class("result-title"), .a(.href(SiteRoute.catalogRecord(b.id!).path), .text(b.title + (b.subtitle.map { ": " + $0 } ?? "")))),
                .if(!authors.isEmpty, .p(.text(authors))),
                .p(.class("muted"), .text(facts)),
                .p(.text(available > 0 ? ctx.plural("catalog.available_copies", available) : ctx.t("catalog.no_available_copies"))),
            ]
        )
    }

    private static func form(_ ctx: PageContext, _ q: CatalogQuery, _ branches: [Branch]) -> Node<HTML.BodyContext> {
        let formOptions = [("", ctx.t("filter.any"))] + MaterialFormatCode.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }
        let languageOptions = [("", ctx.t("filter.any"))] + CatalogQuery.languages.map { ($0, ctx.t("lang639." + $0)) }
        let audienceOptions = [("", ctx.t("filter.any"))] + ["juvenile", "adolescent", "adult", "specialized"].map { ($0, ctx.t("audience." + $0)) }
        return .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.catalog.path),
                .class("filters"), .attribute(named: "role", value: "search"), .attribute(named: "aria-label", value: ctx.t("catalog.search_form")),
                Forms.input(ctx, .init(name: "q", label: ctx.t("catalog.q"), value: q.q ?? "", type: "search", hint: ctx.t("catalog.q_hint"))),
                .div(
                    .class("grid"),
                    Forms.select(ctx, .init(name: "format", label: ctx.t("catalog.format"), value: q.format ?? ""), options: formOptions),
                    Forms.select(ctx, .init(name: "language", label: ctx.t("catalog.language"), value: q.language ?? ""), options: languageOptions),
                    Forms.select(
                        ctx, .init(name: "branch", label: ctx.t("catalog.available_at"), value: q.branch ?? ""),
                        options: [("", ctx.t("filter.any"))] + branches.map { ($0.id!.uuidString, $0.name(ctx.lang)) }
                    ),
                    Forms.input(
                        ctx, .init(name: "year_from", label: ctx.t("catalog.year_from"), value: q.year_from.map(String.init) ?? "", type: "number")),
                    Forms.input(
                        ctx, .init(name: "year_to", label: ctx.t("catalog.year_to"), value: q.year_to.map(String.init) ?? "", type: "number")),
                    Forms.select(ctx, .init(name: "audience", label: ctx.t("catalog.audience"), value: q.audience ?? ""), options: audienceOptions)
                ),
                .div(.class("actions"), Forms.submit(ctx.t("filter.apply")), .a(.href(SiteRoute.catalog.path), .text(ctx.t("filter.reset")))),
            ]
        )
    }

    private static func pagination(_ ctx: PageContext, _ q: CatalogQuery, _ pages: Int) -> Node<HTML.BodyContext> {
        Pagination.nav(ctx, current: q.pageNumber, pages: pages) { SiteRoute.catalog.path(query: link(q) + [("page", String($0))]) }
    }
}
