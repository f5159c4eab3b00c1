import Plot

/// A bar chart drawn on the server as SVG, so that it shows without JavaScript and prints. It is
/// a figure with a visible title and legend, and an image with a title and a description; the page
/// puts the same figures in a table beside it for screen-reader users.
enum BarChart {
    struct Bar {
        var label: String
        var value: Int
    }

    /// Width of text at `fontSize` in the worst case for our labels (Cyrillic capitals and digits
    /// run about 0.62 em in the system sans-serif), so that slots are never narrower than a label.
    static func textWidth(_ s: String, fontSize: Double) -> Int { Int((Double(s.count) * fontSize * 0.62).rounded(.up)) }

    /// The width of one bar's slot: wide enough for its axis label and its value, plus a gap, so
    /// that neighbouring labels never overlap.
    static func slotWidth(_ bars: [Bar]) -> Int {
        let widest = bars.map { max(textWidth($0.label, fontSize: 11), textWidth(String($0.value), fontSize: 12)) }.max() ?? 0
        return max(44, widest + 10)
    }

    static func svg(id: String, title: String, legend: String, description: String, bars: [Bar]) -> Node<HTML.BodyContext> {
        let slot = slotWidth(bars)
        let barWidth = min(32, slot - 12)
        let width = max(320, bars.count * slot + 40)
        let height = 220
        let top = 20
        let bottom = 40
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        var parts = "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(description))</desc>"
        parts += "<line x1=\"30\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#333\"/>"
        for (i, bar) in bars.enumerated() {
            let h = (height - top - bottom) * bar.value / maxValue
            let centre = 36 + i * slot + slot / 2
            let y = height - bottom - h
            parts += "<rect x=\"\(centre - barWidth / 2)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"#1d4f91\"/>"
            parts += "<text x=\"\(centre)\" y=\"\(y - 4)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">\(bar.value)</text>"
            parts +=
                "<text x=\"\(centre)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">\(escape(bar.label))</text>"
        }
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" class=\"chart\">"
            + parts + "</svg>"
        // The caption is hidden from screen readers: the image's own title says the same.
        return .element(
            named: "figure",
            nodes: [
                .class("chart-figure"),
                .element(
                    named: "figcaption",
                    nodes: [
                        .attribute(named: "aria-hidden", value: "true"), .span(.class("chart-title"), .text(title)),
                        .span(.class("chart-legend"), .span(.class("swatch")), .text(legend)),
                    ]),
                // A chart wider than the screen scrolls in its own box, which the keyboard can reach.
                .div(
                    .class("chart-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "group"),
                    .attribute(named: "aria-label", value: title), .raw(svg)),
            ])
    }

    /// Text for SVG: the labels come from our own catalogs and dates, escaped all the same.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
