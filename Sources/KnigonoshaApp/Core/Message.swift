import Foundation

/// A user-facing message, kept as a catalog key so that it is rendered in the reader's language.
public struct Message: Sendable, Equatable, Hashable {
    public let key: String
    public let args: [String: String]

    public init(_ key: String, _ args: [String: String] = [:]) {
        self.key = key
        self.args = args
    }
}

/// Validation failures in form order, keyed by field name.
public struct FieldErrors: Error, Sendable, Equatable {
    public private(set) var items: [(field: String, message: Message)] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    public subscript(field: String) -> Message? { items.first { $0.field == field }?.message }

    /// Records the first problem of a field; later ones for the same field are dropped,
    /// so a person fixes one thing at a time.
    public mutating func add(_ field: String, _ key: String, _ args: [String: String] = [:]) {
        guard self[field] == nil else { return }
        items.append((field, Message(key, args)))
    }

    /// Trims a typed text and records its problems: missing when required, too long, or with
    /// control characters. Returns nil for an empty value.
    public mutating func text(_ value: String?, _ field: String, required: Bool = false, max: Int = 200) -> String? {
        let v = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if v.isEmpty {
            if required { add(field, "validation.required") }
            return nil
        }
        // Counted before trimming and in code points, as the OpenAPI document's `maxLength` is:
        // a value the document calls too long is refused, whatever spaces it starts with.
        if v.count > max || (value ?? "").unicodeScalars.count > max { add(field, "validation.too_long", ["max": String(max)]) }
        if TextRules.hasControlCharacters(v) { add(field, "validation.control_chars") }
        return v
    }

    /// `text` for a one-line name (a genre, the library's name), which breaks the lists and
    /// headings it is shown in when it holds a line break or a tab.
    public mutating func oneLine(_ value: String?, _ field: String, required: Bool = false, max: Int = 200) -> String? {
        let v = text(value, field, required: required, max: max)
        if let v, TextRules.hasLineBreaks(v) { add(field, "validation.line_breaks") }
        return v
    }

    /// A calendar day typed in a field: empty is "not set" (an error only when required); anything
    /// else must be a real day, from `earliestYear` on.
    public mutating func date(_ value: String?, _ field: String, required: Bool = false, earliestYear: Int = 1) -> LocalDate? {
        guard let v = text(value, field, required: required, max: 10) else { return nil }
        guard let d = LocalDate(v), d.year >= earliestYear else {
            add(field, "validation.date")
            return nil
        }
        return d
    }

    public mutating func merge(_ other: FieldErrors) {
        for item in other.items { add(item.field, item.message.key, item.message.args) }
    }

    public static func == (a: FieldErrors, b: FieldErrors) -> Bool {
        a.items.map(\.field) == b.items.map(\.field) && a.items.map(\.message) == b.items.map(\.message)
    }
}
