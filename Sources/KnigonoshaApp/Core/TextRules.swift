/// Rules for free text typed by people.
enum TextRules {
    /// Control characters (NUL above all, which PostgreSQL rejects) have no place in a name or a
    /// note; line breaks and tabs are allowed.
    static func hasControlCharacters(_ s: String) -> Bool {
        s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 0x7F }
    }
}
