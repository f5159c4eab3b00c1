import Fluent
import SQLKit
import Stemming
import Vapor

/// Runs catalogue searches on SQLite (FTS5, ranked by BM25) or PostgreSQL (tsvector, ranked by
/// ts_rank). Title and author matches weigh most on both. Every value is a bound parameter; the
/// match expression is built only from analysed words, which hold letters and digits only.
enum CatalogSearch {
    static func run(
        _ query: CatalogQuery, on db: any Database, rankedLimit: Int = CatalogSearch.rankedLimit
    ) async throws -> (
        records: [BibRecord], total: Int
    ) {
        let sql = try db.sql
        let sqlite = DatabaseSetup.isSQLite(db)
        let terms = query.terms
        let groups = terms.map(\.all)
        let filters = filterSQL(query)
        let limit = query.perPage
        let offset = (query.pageNumber - 1) * query.perPage
        var ids: [Int] = []
        var total = 0
        if groups.isEmpty {
            let countRow = try await sql.raw("SELECT count(*) AS n FROM bib_records b WHERE 1 = 1 \(filters)").first()
            total = try countRow?.decode(column: "n", as: Int.self) ?? 0
            ids = try await sql.raw(
                "SELECT b.id FROM bib_records b WHERE 1 = 1 \(filters) ORDER BY b.title, b.id LIMIT \(bind: limit) OFFSET \(bind: offset)"
            )
            .all().map { try $0.decode(column: "id", as: Int.self) }
        } else if sqlite {
            func search(_ terms: [QueryTerms]) async throws -> ([Int], Int) {
                guard !terms.isEmpty else { return ([], 0) }
                return try await sqliteSearch(
                    MatchKinds(terms), filters: filters, hasFilters: query.hasFilters, limit: limit, offset: offset, rankedLimit: rankedLimit,
                    on: sql)
            }
            do {
                (ids, total) = try await search(terms)
            } catch  where isPhraseError(error) {
                // A word heaped with combining marks (schemathesis sent «Zalgo» text) can hold a mark
                // the FTS tokenizer takes for a separator: the term becomes a phrase, which this
                // index (detail=column) cannot answer. Without its marks the word is asked again;
                // if even that fails, nothing is found. Never a server error.
                do {
                    (ids, total) = try await search(terms.map(withoutMarks).filter { !$0.all.isEmpty })
                } catch  where isPhraseError(error) { (ids, total) = ([], 0) }
            }
        } else {
            let kinds = MatchKinds(terms)
            let tsquery = kinds.tsquery(kinds.all)
            let from: SQLQueryString = "FROM bib_records b WHERE b.search_vector @@ to_tsquery('simple', \(bind: tsquery)) \(filters)"
            total = try await sql.raw("SELECT count(*) AS n \(from)").first()?.decode(column: "n", as: Int.self) ?? 0
            // Exact forms first, then forms in the query's own script, then the other script
            // (docs/SEARCH.md, «Ranking»); then the column tiers and ts_rank.
            ids = try await sql.raw(
                """
                SELECT b.id \(from) ORDER BY CASE WHEN b.search_vector @@ to_tsquery('simple', \(bind: kinds.tsquery(kinds.exact))) THEN 0 \
                WHEN b.search_vector @@ to_tsquery('simple', \(bind: kinds.tsquery(kinds.sameScript))) THEN 1 ELSE 2 END, \
                CASE WHEN ts_filter(b.search_vector, '{a}') @@ to_tsquery('simple', \(bind: tsquery)) THEN 0 \
                WHEN ts_filter(b.search_vector, '{a,b}') @@ to_tsquery('simple', \(bind: tsquery)) THEN 1 ELSE 2 END, \
                ts_rank('{0.1, 0.2, 0.4, 1.0}', b.search_vector, to_tsquery('simple', \(bind: tsquery))) DESC, \
                b.title, b.id LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all().map { try $0.decode(column: "id", as: Int.self) }
        }
        guard !ids.isEmpty else { return ([], total) }
        let records = try await BibRecord.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(records.map { ($0.id!, $0) }) { a, _ in a }
        return (ids.compactMap { byID[$0] }, total)
    }

    /// Up to this many matches are ranked with BM25 inside each tier; larger result sets (a
    /// common word in a large catalogue) are listed tier by tier in record order, which FTS5 can
    /// stream without scoring every match.
    static let rankedLimit = 1000

    static func sqliteSearch(
        _ kinds: MatchKinds, filters: SQLQueryString, hasFilters: Bool, limit: Int, offset: Int, rankedLimit: Int, on sql: any SQLDatabase
    ) async throws -> ([Int], Int) {
        func count(_ expression: String) async throws -> Int {
            let q: SQLQueryString =
                hasFilters
                ? "SELECT count(*) AS n FROM bib_fts JOIN bib_records b ON b.id = bib_fts.rowid WHERE bib_fts MATCH \(bind: expression) \(filters)"
                : "SELECT count(*) AS n FROM bib_fts WHERE bib_fts MATCH \(bind: expression)"
            return try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let match = kinds.fts(kinds.all)
        let exact = kinds.fts(kinds.exact)
        let total = try await count(match)
        if total <= rankedLimit {
            let from: SQLQueryString = "FROM bib_fts JOIN bib_records b ON b.id = bib_fts.rowid WHERE bib_fts MATCH \(bind: match) \(filters)"
            // Exact forms first, then the query's own script, then the other (docs/SEARCH.md,
            // «Ranking»): each kind is its own FTS match, asked once for the whole result.
            let kind: SQLQueryString = """
                CASE WHEN b.id IN (SELECT rowid FROM bib_fts WHERE bib_fts MATCH \(bind: exact)) THEN 0 \
                WHEN b.id IN (SELECT rowid FROM bib_fts WHERE bib_fts MATCH \(bind: kinds.fts(kinds.sameScript))) THEN 1 ELSE 2 END
                """
            let ids = try await sql.raw(
                "SELECT b.id \(from) ORDER BY \(kind), \(sqliteTier(kinds.all)), bm25(bib_fts, 10.0, 10.0, 3.0, 3.0, 1.0), b.title, b.id LIMIT \(bind: limit) OFFSET \(bind: offset)"
            ).all().map { try $0.decode(column: "id", as: Int.self) }
            return (ids, total)
        }
        // Tiers as FTS5 column filters. When every word is asked in its exact forms only, title
        // and authors; then subjects and series; then the rest. Otherwise exact forms in title and
        // authors; then exact forms anywhere; then the rest (other forms and scripts).
        let tiers: [String]
        if exact == match {
            let near = "{title authors} : (\(match))"
            let wide = "{title authors subjects series} : (\(match))"
            tiers = [near, "(\(wide)) NOT (\(near))", "(\(match)) NOT (\(wide))"]
        } else {
            let near = "{title authors} : (\(exact))"
            tiers = [near, "(\(exact)) NOT (\(near))", "(\(match)) NOT (\(exact))"]
        }
        var ids: [Int] = []
        var skip = offset
        var want = limit
        for tier in tiers where want > 0 {
            let size = try await count(tier)
            if skip >= size {
                skip -= size
                continue
            }
            let q: SQLQueryString =
                hasFilters
                ? "SELECT b.id AS id FROM bib_fts JOIN bib_records b ON b.id = bib_fts.rowid WHERE bib_fts MATCH \(bind: tier) \(filters) ORDER BY bib_fts.rowid LIMIT \(bind: want) OFFSET \(bind: skip)"
                : "SELECT rowid AS id FROM bib_fts WHERE bib_fts MATCH \(bind: tier) ORDER BY rowid LIMIT \(bind: want) OFFSET \(bind: skip)"
            let found = try await sql.raw(q).all().map { try $0.decode(column: "id", as: Int.self) }
            ids += found
            want -= found.count
            skip = 0
        }
        return (ids, total)
    }

    /// The same three tiers as PostgreSQL's weights: 0 when title and authors alone hold every
    /// query word, 1 when subjects and series are needed too, 2 when only the summary has one.
    /// Computed on the index's own (stemmed) columns with bound LIKE patterns.
    static func sqliteTier(_ groups: [[String]]) -> SQLQueryString {
        func all(_ columns: String) -> SQLQueryString {
            var s: SQLQueryString = "("
            for (i, group) in groups.enumerated() {
                if i > 0 { s.appendInterpolation(unsafeRaw: " AND ") }
                s.appendInterpolation(unsafeRaw: "(")
                for (j, term) in group.enumerated() {
                    if j > 0 { s.appendInterpolation(unsafeRaw: " OR ") }
                    s.appendInterpolation(unsafeRaw: "(' ' || \(columns) || ' ') LIKE ")
                    s.appendInterpolation(bind: term.hasSuffix("*") ? "% \(term.dropLast())%" : "% \(term) %")
                }
                s.appendInterpolation(unsafeRaw: ")")
            }
            s.appendInterpolation(unsafeRaw: ")")
            return s
        }
        var s: SQLQueryString = "CASE WHEN "
        s.appendInterpolation(all("bib_fts.title || ' ' || bib_fts.authors"))
        s.appendInterpolation(unsafeRaw: " THEN 0 WHEN ")
        s.appendInterpolation(all("bib_fts.title || ' ' || bib_fts.authors || ' ' || bib_fts.subjects || ' ' || bib_fts.series"))
        s.appendInterpolation(unsafeRaw: " THEN 1 ELSE 2 END")
        return s
    }

    static func isPhraseError(_ error: any Error) -> Bool { String(describing: error).contains("phrase queries are not supported") }

    /// The terms without combining marks; terms left empty (or a bare prefix star) are dropped.
    static func withoutMarks(_ t: QueryTerms) -> QueryTerms {
        func strip(_ list: [String]) -> [String] { list.map(withoutMarks).filter { !$0.isEmpty && $0 != "*" } }
        return QueryTerms(exact: strip(t.exact), sameScript: strip(t.sameScript), otherScript: strip(t.otherScript))
    }

    /// The term without combining marks.
    static func withoutMarks(_ term: String) -> String {
        String(
            String.UnicodeScalarView(
                term.unicodeScalars.filter {
                    switch $0.properties.generalCategory {
                    case .nonspacingMark, .enclosingMark, .spacingMark: false
                    default: true
                    }
                }))
    }

    /// «"книг"», or «"кни"*» for a prefix.
    static func ftsTerm(_ term: String) -> String {
        term.hasSuffix("*") ? "\"\(term.dropLast())\"*" : "\"\(term)\""
    }

    /// «книг», or «кни:*» for a prefix.
    static func tsTerm(_ term: String) -> String {
        term.hasSuffix("*") ? "\(term.dropLast()):*" : term
    }

    static func filterSQL(_ q: CatalogQuery) -> SQLQueryString {
        var s: SQLQueryString = ""
        if let f = q.format { s.appendInterpolation(unsafeRaw: " AND b.form = "); s.appendInterpolation(bind: f) }
        if let l = q.language { s.appendInterpolation(unsafeRaw: " AND b.languages LIKE "); s.appendInterpolation(bind: "% \(l) %") }
        if let y = q.year_from { s.appendInterpolation(unsafeRaw: " AND b.year >= "); s.appendInterpolation(bind: y) }
        if let y = q.year_to { s.appendInterpolation(unsafeRaw: " AND b.year <= "); s.appendInterpolation(bind: y) }
        if let a = q.audience { s.appendInterpolation(unsafeRaw: " AND b.audience = "); s.appendInterpolation(bind: a) }
        if let b = q.branch.flatMap(UUID.init(uuidString:)) {
            s.appendInterpolation(unsafeRaw: " AND EXISTS (SELECT 1 FROM copies c WHERE c.bib_id = b.id AND c.branch_id = ")
            s.appendInterpolation(bind: b)
            s.appendInterpolation(unsafeRaw: " AND c.status = 'available')")
        }
        return s
    }
}
