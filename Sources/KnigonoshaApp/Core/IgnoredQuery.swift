import Vapor

/// Query-string values a page could not read and did not use.
///
/// A page never replaces what it was asked with something else in silence (issue 12, finding 1):
/// a date or page number it cannot read is left out and the page says so above its heading, so a
/// bookmarked or hand-edited link that shows today instead of the day asked for is noticed.
struct IgnoredQueryKey: StorageKey { typealias Value = [Message] }

extension Request {
    /// Notes that the field labelled `labelKey` held `value`, which was not used.
    func noteIgnored(labelKey: String, value: String) {
        // The value is the visitor's own text: cut short, and shown as text like every value.
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        storage[IgnoredQueryKey.self] = (storage[IgnoredQueryKey.self] ?? []) + [Message("query.ignored", ["field": labelKey, "value": shown])]
    }

    /// Notes each named field of a page's filter form that was dropped; `labels` maps a field to
    /// the label key its form shows.
    func noteIgnored(fields: [String], labels: [String: String]) {
        for field in fields {
            guard let key = labels[field] else { continue }
            noteIgnored(labelKey: key, value: query[String.self, at: field] ?? "")
        }
    }

    /// A query parameter read by `parse`: nil when absent or empty; when present but unreadable,
    /// noted against the field labelled `labelKey`, and nil.
    func queryValue<T>(_ name: String, labelKey: String, _ parse: (String) -> T?) -> T? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        if let value = parse(raw) { return value }
        noteIgnored(labelKey: labelKey, value: raw)
        return nil
    }
}
