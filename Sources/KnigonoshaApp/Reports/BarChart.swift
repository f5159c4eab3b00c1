import Plot

/// A bar chart drawn on the server as SVG, so that it shows without JavaScript and prints. It is
/// an image with a title and a description; the page puts the same figures in a table beside it
/// for screen-reader users.
enum BarChart {
    struct Bar {
        var label: String
        var value: Int
    }

    static func svg(id: String, title: String, description: String, bars: [Bar]) -> Node<HTML.BodyContext> {
        let width = max(320, bars.count * 44 + 40)
        let height = 220
        let top = 20
        let bottom = 40
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        var parts = "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(description))</desc>"
        parts += "<line x1=\"30\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#333\"/>"
        for (i, bar) in bars.enumerated() {
            let h = (height - top - bottom) * bar.value / maxValue
            let x = 36 + i * 44
            let y = height - bottom - h
            parts += "<rect x=\"\(x)\" y=\"\(y)\" width=\"32\" height=\"\(h)\" fill=\"#1d4f91\"/>"
            parts += "<text x=\"\(x + 16)\" y=\"\(y - 4)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">\(bar.value)</text>"
            parts +=
                "<text x=\"\(x + 16)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">\(escape(bar.label))</text>"
        }
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" class=\"chart\">"
            + parts + "</svg>"
        return .div(.class("chart-wrap"), .raw(svg))
    }

    /// Text for SVG: the labels come from our own catalogs and dates, escaped all the same.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
