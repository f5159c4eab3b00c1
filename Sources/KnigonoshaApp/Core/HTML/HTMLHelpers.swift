import Plot

/// Elements that Plot types too narrowly for our use, as plain body nodes.
enum H {
    static func dt(_ text: String) -> Node<HTML.BodyContext> { .element(named: "dt", nodes: [.text(text)]) }
    static func dd(_ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { .element(named: "dd", nodes: nodes) }
    static func dd(_ text: String) -> Node<HTML.BodyContext> { .element(named: "dd", nodes: [.text(text)]) }
    static func dl(_ rows: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .element(named: "dl", nodes: [.class("record")] + rows)
    }
}

extension H {
    /// What every `.table-wrap` carries: a table wider than a phone scrolls sideways inside it,
    /// and a region that scrolls must be reachable and named for keyboard users (axe-core's
    /// `scrollable-region-focusable`; issue 12, item 16). A group, not a region: pages hold several
    /// tables, and landmarks must have names of their own.
    static func scrollRegion(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "group"),
            .attribute(named: "aria-label", value: ctx.t("table.scroll_region"))
        )
    }
}
