import Plot

/// Page links: previous, first, around the current page, last, next.
enum Pagination {
    static func nav(_ ctx: PageContext, current: Int, pages: Int, href: (Int) -> String) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        let shown = Array(Set([1, pages, current - 1, current, current + 1].filter { $0 >= 1 && $0 <= pages })).sorted()
        return .nav(
            .class("pagination"), .ariaLabel(ctx.t("pagination.label")),
            .p(.text(ctx.t("pagination.page_of", ["page": String(current), "pages": String(pages)]))),
            .ul(
                .if(current > 1, .li(.a(.href(href(current - 1)), .attribute(named: "rel", value: "prev"), .text(ctx.t("pagination.prev"))))),
                .forEach(shown) { page in
                    .li(
                        page == current
                            ? .span(.attribute(named: "aria-current", value: "page"), .text(String(page)))
                            : .a(
                                .href(href(page)), .attribute(named: "aria-label", value: ctx.t("pagination.page_n", ["page": String(page)])),
                                .text(String(page)))
                    )
                },
                .if(current < pages, .li(.a(.href(href(current + 1)), .attribute(named: "rel", value: "next"), .text(ctx.t("pagination.next")))))
            )
        )
    }
}
