import Foundation
import Plot
import Routing

/// A route's sketch as inline SVG: the start as a square, the stops as numbered circles joined in
/// visiting order, and a scale bar. Made of numbers and the page's own words only, through Plot's
/// escaping like every other attribute; the table beside it is the text alternative.
enum RouteSketchView {
    static func svg(_ ctx: PageContext, start: GeoPoint, points: [(position: Int, point: GeoPoint)], label: String) -> Node<HTML.BodyContext> {
        let sketch = RouteSketch(start: start, stops: points.map(\.point))
        let path = ([sketch.start] + sketch.stops).map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
        let bar = (x: 12.0, y: sketch.height - 10)
        return .element(
            named: "svg",
            nodes: [
                .attribute(named: "class", value: "route-sketch"),
                .attribute(named: "viewBox", value: "0 0 \(f(sketch.width)) \(f(sketch.height))"),
                .attribute(named: "role", value: "img"), .attribute(named: "aria-label", value: label),
                .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
                shape("polyline", [("points", path), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1.5")]),
                shape(
                    "rect",
                    [("x", f(sketch.start.x - 6)), ("y", f(sketch.start.y - 6)), ("width", "12"), ("height", "12"), ("fill", "#1a5e20")]),
                .forEach(Array(zip(points, sketch.stops))) { stop, p in
                    .group(
                        shape(
                            "circle", [("cx", f(p.x)), ("cy", f(p.y)), ("r", "9"), ("fill", "#fff"), ("stroke", "#0b3d91"), ("stroke-width", "2")]),
                        .element(
                            named: "text",
                            nodes: [
                                .attribute(named: "x", value: f(p.x)), .attribute(named: "y", value: f(p.y + 4)),
                                .attribute(named: "text-anchor", value: "middle"), .attribute(named: "font-size", value: "11"),
                                .attribute(named: "fill", value: "#000"), .text(String(stop.position)),
                            ]))
                },
                shape(
                    "line",
                    [
                        ("x1", f(bar.x)), ("y1", f(bar.y)), ("x2", f(bar.x + sketch.scaleLength)), ("y2", f(bar.y)), ("stroke", "#000"),
                        ("stroke-width", "2"),
                    ]),
                .element(
                    named: "text",
                    nodes: [
                        .attribute(named: "x", value: f(bar.x)), .attribute(named: "y", value: f(bar.y - 4)),
                        .attribute(named: "font-size", value: "10"), .attribute(named: "fill", value: "#000"),
                        .text(scaleText(ctx, sketch.scaleKilometres)),
                    ]),
            ])
    }

    private static func shape(_ name: String, _ attributes: [(String, String)]) -> Node<HTML.BodyContext> {
        .selfClosedElement(named: name, attributes: attributes.map { Attribute(name: $0.0, value: $0.1) })
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Whole kilometres, or metres below one: no decimal separator to localise.
    static func scaleText(_ ctx: PageContext, _ km: Double) -> String {
        km >= 1 ? ctx.t("sheets.scale_km", ["n": String(Int(km))]) : ctx.t("sheets.scale_m", ["n": String(Int((km * 1000).rounded()))])
    }
}
