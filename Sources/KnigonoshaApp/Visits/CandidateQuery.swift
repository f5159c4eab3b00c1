import Fluent
import SQLKit
import Stemming
import Vapor

/// Finds titles worth ranking for a reader in one query: any of the reader's interests in the
/// title, authors, subjects or series (through the same full-text index as catalogue search), in a
/// form and language the reader uses, with a copy available at the reader's branch. The ranker
/// then applies the exact rules; this only has to find enough of the right ones quickly.
enum CandidateQuery {
    static let limit = 1500

    static func ids(
        interests: [String], forms: [String], languages: Set<String>, branchID: UUID, exclude: Set<Int>, on db: any Database,
        limit: Int = CandidateQuery.limit
    ) async throws -> [Int] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var filters: SQLQueryString =
            " AND EXISTS (SELECT 1 FROM copies c WHERE c.bib_id = b.id AND c.branch_id = \(bind: branchID) AND c.status = 'available')"
        if !forms.isEmpty {
            filters.appendInterpolation(unsafeRaw: " AND b.form IN (")
            for (i, f) in forms.enumerated() {
                if i > 0 { filters.appendInterpolation(unsafeRaw: ", ") }
                filters.appendInterpolation(bind: f)
            }
            filters.appendInterpolation(unsafeRaw: ")")
        }
        if !languages.isEmpty {
            filters.appendInterpolation(unsafeRaw: " AND (b.languages = ''")
            for l in languages.sorted() {
                filters.appendInterpolation(unsafeRaw: " OR b.languages LIKE ")
                filters.appendInterpolation(bind: "% \(l) %")
            }
            filters.appendInterpolation(unsafeRaw: ")")
        }
        // Each interest is a phrase: all its words (any stem of each), and any of the phrases.
        let phrases = interests.map { SearchAnalyzer.words($0).prefix(6).map(SearchAnalyzer.queryStems) }.filter { !$0.isEmpty }
        let rows: [any SQLRow]
        if phrases.isEmpty {
            rows = try await sql.raw("SELECT b.id FROM bib_records b WHERE 1 = 1 \(filters) ORDER BY b.id DESC LIMIT \(bind: limit)").all()
        } else if DatabaseSetup.isSQLite(db) {
            let match =
                "{title authors subjects series} : ("
                + phrases.map { "(" + $0.map { "(" + $0.map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }.joined(separator: " AND ") + ")" }
                .joined(separator: " OR ") + ")"
            rows = try await sql.raw(
                "SELECT b.id FROM bib_fts JOIN bib_records b ON b.id = bib_fts.rowid WHERE bib_fts MATCH \(bind: match) \(filters) ORDER BY b.id DESC LIMIT \(bind: limit)"
            ).all()
        } else {
            let tsquery = phrases.map { "(" + $0.map { "(" + $0.map { "\($0):AB" }.joined(separator: " | ") + ")" }.joined(separator: " & ") + ")" }
                .joined(separator: " | ")
            rows = try await sql.raw(
                "SELECT b.id FROM bib_records b WHERE b.search_vector @@ to_tsquery('simple', \(bind: tsquery)) \(filters) ORDER BY b.id DESC LIMIT \(bind: limit)"
            ).all()
        }
        return try rows.map { try $0.decode(column: "id", as: Int.self) }.filter { !exclude.contains($0) }
    }
}
