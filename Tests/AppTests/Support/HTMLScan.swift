import Foundation

/// A small HTML tokenizer for tests: the tags a browser would see, with their attributes, so that
/// a test can say "no element and no attribute appeared that the page did not write". It follows
/// the HTML rules that matter for injection: quoted and unquoted attribute values, comments, and
/// script and style bodies that hold no tags. Character references are decoded in values.
struct HTMLTag: Sendable {
    var name: String
    var attributes: [(name: String, value: String)]
    /// Offset just past the tag's `>`, in unicode scalars.
    var end: Int
    var isEnd: Bool

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }
}

enum HTMLScan {
    static func tags(_ html: String) -> [HTMLTag] {
        let s = Array(html.unicodeScalars)
        var out: [HTMLTag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else {
                i += 1
                continue
            }
            let next = s[i + 1]
            if next == "!" {
                // A comment ends at -->, a doctype at >.
                if i + 3 < s.count, s[i + 2] == "-", s[i + 3] == "-" {
                    i = find(s, "-->", from: i + 4).map { $0 + 3 } ?? s.count
                } else {
                    i = (s[i...].firstIndex(of: ">") ?? s.count - 1) + 1
                }
                continue
            }
            let isEnd = next == "/"
            var j = isEnd ? i + 2 : i + 1
            guard j < s.count, s[j].properties.isAlphabetic else {
                i += 1
                continue
            }
            var name = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" {
                name.unicodeScalars.append(s[j])
                j += 1
            }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" {
                    j += 1
                    continue
                }
                var attr = ""
                while j < s.count, !isSpace(s[j]), s[j] != "=", s[j] != ">" {
                    attr.unicodeScalars.append(s[j])
                    j += 1
                }
                while j < s.count, isSpace(s[j]) { j += 1 }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote {
                            value.unicodeScalars.append(s[j])
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" {
                            value.unicodeScalars.append(s[j])
                            j += 1
                        }
                    }
                }
                if !attr.isEmpty { attributes.append((attr.lowercased(), decode(value))) }
            }
            let tag = HTMLTag(name: name.lowercased(), attributes: attributes, end: min(j + 1, s.count), isEnd: isEnd)
            out.append(tag)
            i = tag.end
            // Script and style bodies hold text only, up to their end tag.
            if !isEnd, tag.name == "script" || tag.name == "style" {
                i = find(s, "</" + tag.name, from: i) ?? s.count
            }
        }
        return out
    }

    /// The names of the form fields (inputs and selects) on a page, in order.
    static func fieldNames(_ html: String) -> [String] {
        tags(html).filter { !$0.isEnd && ($0.name == "input" || $0.name == "select") }.compactMap { $0.attribute("name") }
    }

    /// The text between a start tag and the next `</name`, decoded (a textarea's value).
    static func text(after tag: HTMLTag, in html: String) -> String {
        let s = Array(html.unicodeScalars)
        let stop = find(s, "</" + tag.name, from: tag.end) ?? s.count
        var out = ""
        out.unicodeScalars.append(contentsOf: s[tag.end..<stop])
        return decode(out)
    }

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, char) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out
    }

    private static func find(_ s: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard start <= s.count - n.count else { return nil }
        var i = start
        while i <= s.count - n.count {
            if s[i] == n[0], Array(s[i..<(i + n.count)]).elementsEqual(n, by: { String($0).lowercased() == String($1).lowercased() }) {
                return i
            }
            i += 1
        }
        return nil
    }
}

/// A form as a browser would submit it: every field with its current value, empty ones included.
struct HTMLForm {
    var action: String
    var fields: [(name: String, value: String, type: String)]
    /// Fields marked required (`required` or `aria-required="true"`).
    var required: Set<String> = []

    /// The form whose `action` is `action` (or the first POST form when nil).
    static func find(in html: String, action: String? = nil) -> HTMLForm? {
        let tags = HTMLScan.tags(html)
        guard
            let start = tags.firstIndex(where: { tag in
                let target = tag.attribute("action") ?? ""
                return !tag.isEnd && tag.name == "form" && (tag.attribute("method") ?? "").lowercased() == "post"
                    && (action.map { $0 == target } ?? !isChrome(target))
            })
        else { return nil }
        var form = HTMLForm(action: tags[start].attribute("action") ?? "", fields: [])
        var select: (name: String, multiple: Bool, options: [(String, Bool)])?
        var submitted = false
        for tag in tags[(start + 1)...] {
            if tag.isEnd && tag.name == "form" { break }
            if tag.isEnd && tag.name == "select", let s = select {
                // The selected option, or what a person would pick: the first with a value.
                let chosen = s.options.filter(\.1).map(\.0).filter { !$0.isEmpty }
                let first = s.options.first { !$0.0.isEmpty }?.0 ?? s.options.first?.0
                for value in (chosen.isEmpty ? (first.map { [$0] } ?? []) : (s.multiple ? chosen : [chosen[0]])) {
                    form.fields.append((s.name, value, "select"))
                }
                select = nil
                continue
            }
            guard !tag.isEnd, let name = tag.attribute("name") ?? (tag.name == "option" ? "" : nil) else { continue }
            if tag.has("required") || tag.attribute("aria-required") == "true" { form.required.insert(name) }
            switch tag.name {
            case "input":
                let type = (tag.attribute("type") ?? "text").lowercased()
                if ["checkbox", "radio"].contains(type) && !tag.has("checked") { continue }
                if ["submit", "button", "image", "file", "reset"].contains(type) { continue }
                form.fields.append((name, tag.attribute("value") ?? "", type))
            case "textarea":
                form.fields.append((name, HTMLScan.text(after: tag, in: html), "textarea"))
            case "select":
                select = (name, tag.has("multiple"), [])
            case "option":
                select?.options.append((tag.attribute("value") ?? HTMLScan.text(after: tag, in: html), tag.has("selected")))
            case "button":
                // The first named submit button is the one "clicked".
                if !submitted, (tag.attribute("type") ?? "submit") == "submit" {
                    form.fields.append((name, tag.attribute("value") ?? "", "submit"))
                    submitted = true
                }
            default: break
            }
        }
        return form
    }

    /// The layout's own forms (sign out, language, text size), which every page has.
    static func isChrome(_ action: String) -> Bool { action == "/logout" || action.hasPrefix("/preferences") }

    /// Fields a person types free text into.
    static let textTypes: Set<String> = ["text", "search", "textarea", "email", "tel", "url"]
}
