/// Rules for free text typed by people.
enum TextRules {
    /// Control characters (NUL above all, which PostgreSQL rejects) have no place in a name or a
    /// note; line breaks and tabs are allowed.
    /// Line breaks and tabs, which `hasControlCharacters` lets through for multi-line texts;
    /// Unicode's own line and paragraph separators (U+2028, U+2029, NEL) break lines too.
    static func hasLineBreaks(_ s: String) -> Bool {
        s.unicodeScalars.contains { ["\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
    }

    static func hasControlCharacters(_ s: String) -> Bool {
        s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 0x7F }
    }
}
