/// Folds text for matching: case-insensitive, with «ё» treated as «е».
///
/// Stored search columns and incoming queries both pass through the same function, so a
/// plain `LIKE` comparison behaves the same on SQLite (whose `LIKE` only folds ASCII) and on
/// PostgreSQL.
public enum SearchFolding {
    /// Lower-cases `text`, maps «ё» to «е» and collapses runs of white space.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
        }
        return out
    }

    /// Splits a query into folded terms, dropping the `LIKE` wildcards `%` and `_` so that
    /// user input can never widen a pattern.
    public static func terms(_ query: String) -> [String] {
        fold(query)
            .split(separator: " ")
            .map { $0.filter { $0 != "%" && $0 != "_" && $0 != "\\" && !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) } }
            .filter { !$0.isEmpty }
    }
}
