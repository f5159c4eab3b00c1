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
