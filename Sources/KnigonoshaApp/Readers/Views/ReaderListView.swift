import Plot
import TextKit
import Vapor

enum ReaderListView {
    static func render(_ ctx: PageContext, query: ReaderQuery, readers: [Reader], total: Int, branches: [Branch]) -> Response {
        let pages = max(1, (total + query.perPage - 1) / query.perPage)
        return Layout.page(
            ctx, title: ctx.t("reader.list_title"), wide: true,
            .div(
                .class("actions"), .a(.class("button primary"), .href(SiteRoute.readerNew.path), .text(ctx.t("reader.new"))),
                .a(.class("button secondary"), .href(SiteRoute.readersImport.path), .text(ctx.t("reader_import.title"))),
                .a(.class("button secondary"), .href(SiteRoute.readersHistory.path), .text(ctx.t("history.title"))),
                .a(.class("button secondary"), .href(SiteRoute.readersConsents.path), .text(ctx.t("consents.title")))),
            filters(ctx, query, branches),
            .p(.id("result-count"), .attribute(named: "role", value: "status"), .text(ctx.plural("reader.found", total))),
            .if(
                !readers.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .class("responsive"),
                        .caption(.class("visually-hidden"), .text(ctx.t("reader.list_title"))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("reader.name"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("reader.card_number"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("reader.branch_id"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("reader.status"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("reader.disability_group"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("reader.phone")))
                            )
                        ),
                        .tbody(.forEach(readers) { row(ctx, $0) })
                    )
                )
            ),
            pagination(ctx, query, pages)
        )
    }

    private static func row(_ ctx: PageContext, _ r: Reader) -> Node<HTML.TableContext> {
        let phone = (r.$phones.value ?? []).sorted { $0.position < $1.position }.first?.number
        return .tr(
            .td(.a(.href(SiteRoute.reader(r.id!).path), .text(r.fullName))),
            .td(.attribute(named: "data-label", value: ctx.t("reader.card_number")), .text(r.cardNumber)),
            .td(.attribute(named: "data-label", value: ctx.t("reader.branch_id")), .text(r.$branch.value?.name(ctx.lang) ?? "")),
            .td(
                .attribute(named: "data-label", value: ctx.t("reader.status")),
                .span(.class("badge status-\(r.status)"), .text(ctx.t("status." + r.status)))
            ),
            .td(.attribute(named: "data-label", value: ctx.t("reader.disability_group")), .text(ctx.t("disability." + r.disabilityGroup))),
            .td(.attribute(named: "data-label", value: ctx.t("reader.phone")), .text(phone.flatMap { PhoneDisplay.format($0) } ?? ""))
        )
    }

    private static func filters(_ ctx: PageContext, _ q: ReaderQuery, _ branches: [Branch]) -> Node<HTML.BodyContext> {
        func options<C: LabeledCode>(_ type: C.Type) -> [(String, String)] {
            [("", ctx.t("filter.any"))] + C.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }
        }
        return .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.readers.path),
                .class("filters"), .attribute(named: "role", value: "search"),
                .attribute(named: "aria-label", value: ctx.t("reader.search_form")),
                .div(
                    .class("grid"),
                    Forms.input(
                        ctx, .init(name: "q", label: ctx.t("reader.search"), value: q.q ?? "", type: "search", hint: ctx.t("reader.search_hint"))),
                    .if(
                        branches.count > 1,
                        Forms.select(
                            ctx, .init(name: "branch", label: ctx.t("reader.branch_id"), value: q.branch ?? ""),
                            options: [("", ctx.t("filter.any"))] + branches.map { ($0.id!.uuidString, $0.name(ctx.lang)) }
                        )
                    ),
                    Forms.select(
                        ctx, .init(name: "status", label: ctx.t("reader.status"), value: q.status ?? ""), options: options(ReaderStatus.self)),
                    Forms.select(
                        ctx, .init(name: "disability", label: ctx.t("reader.disability_group"), value: q.disability ?? ""),
                        options: options(DisabilityGroup.self)
                    ),
                    Forms.select(
                        ctx, .init(name: "format", label: ctx.t("reader.formats"), value: q.format ?? ""), options: options(MaterialFormat.self)),
                    Forms.select(
                        ctx, .init(name: "language", label: ctx.t("reader.languages"), value: q.language ?? ""),
                        options: options(MaterialLanguage.self)
                    ),
                    Forms.select(
                        ctx, .init(name: "sort", label: ctx.t("filter.sort"), value: q.sort ?? "name"),
                        options: ReaderQuery.sorts.map { ($0, ctx.t("sort." + $0)) }
                    ),
                    Forms.select(
                        ctx, .init(name: "per_page", label: ctx.t("filter.per_page"), value: String(q.perPage)),
                        options: ["10", "25", "50", "100"].map { ($0, $0) }
                    )
                ),
                .div(
                    .class("actions"), Forms.submit(ctx.t("filter.apply")),
                    .a(.href(SiteRoute.readers.path), .text(ctx.t("filter.reset")))
                ),
            ]
        )
    }

    private static func pagination(_ ctx: PageContext, _ q: ReaderQuery, _ pages: Int) -> Node<HTML.BodyContext> {
        Pagination.nav(ctx, current: q.pageNumber, pages: pages) { page in
            SiteRoute.readers.path(query: [
                ("q", q.q ?? ""), ("branch", q.branch ?? ""), ("status", q.status ?? ""), ("disability", q.disability ?? ""),
                ("format", q.format ?? ""), ("language", q.language ?? ""), ("sort", q.sort ?? ""),
                ("per_page", q.per_page.map(String.init) ?? ""), ("page", String(page)),
            ])
        }
    }
}

/// Shows a stored `+7XXXXXXXXXX` number in its readable form.
enum PhoneDisplay {
    static func format(_ stored: String) -> String? {
        PhoneNumber(parsing: stored)?.display ?? stored
    }
}
