import Stemming

/// A query's words as three nested sets of terms, one per rank of match (docs/SEARCH.md,
/// «Ranking»): `exact` (the words' own stems), `sameScript` (with their keyboard-folded forms and
/// keys in the query's script) and `all` (with the other script's spellings too).
struct MatchKinds {
    let exact: [[String]]
    let sameScript: [[String]]
    let all: [[String]]

    init(_ terms: [QueryTerms]) {
        all = terms.map(\.all)
        // A word whose marks left it no exact term is matched at the next kind, never by an empty group.
        exact = terms.map { $0.exact.isEmpty ? $0.all : $0.exact }
        sameScript = terms.map { ($0.exact + $0.sameScript).isEmpty ? $0.all : $0.exact + $0.sameScript }
    }

    /// The FTS5 expression: every word (AND), each by any of its terms (OR), never in the
    /// holdings column, whose tokens are branch ids.
    func fts(_ groups: [[String]]) -> String {
        "{title authors subjects series summary} : ("
            + groups.map { "(" + $0.map(CatalogSearch.ftsTerm).joined(separator: " OR ") + ")" }.joined(separator: " AND ") + ")"
    }

    /// The same for PostgreSQL's `to_tsquery('simple', …)`.
    func tsquery(_ groups: [[String]]) -> String {
        groups.map { "(" + $0.map(CatalogSearch.tsTerm).joined(separator: " | ") + ")" }.joined(separator: " & ")
    }
}
