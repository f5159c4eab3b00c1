import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Selection
import Stemming
import Vapor

/// Finds titles worth ranking for a reader: for each of the reader's interests, the newest titles
/// that mention it in the title, authors, subjects or series (through the same full-text index as
/// catalogue search), in a form and language the reader uses, with a copy available at the
/// reader's branch. One short query per interest gives every interest its share (one query for all
/// of them returned only the commonest), and each stops after a few hits instead of sorting every
/// match of a common word. The ranker then applies the exact rules.
enum CandidateQuery {
    /// Titles per interest, some 120 in all (plenty to choose a visit's few from); a reader with
    /// few interests gets more per interest.
    static func perInterest(_ count: Int) -> Int { max(8, min(60, 120 / max(count, 1))) }

    /// Interests searched for one visit. A reader may list sixty; searching a dozen of them per
    /// visit, a different dozen each week, finds plenty to rank (every interest still counts in
    /// the ranking) and covers all of them over the visits, instead of the commonest crowding out
    /// the rest. The others are searched too when the dozen finds too little.
    static let interestsPerVisit = 12

    /// This visit's share of the interests, and the rest: `turn` (the visit's week) moves the start.
    static func rotation(_ interests: [String], turn: Int) -> (now: [String], rest: [String]) {
        guard interests.count > interestsPerVisit else { return (interests, []) }
        let start = (turn * interestsPerVisit) % interests.count
        let rotated = Array(interests[start...] + interests[..<start])
        return (Array(rotated.prefix(interestsPerVisit)), Array(rotated.dropFirst(interestsPerVisit)))
    }

    /// Words too common to narrow a search («history and criticism»): left out of the candidate
    /// query, where each costs a walk through most of the index, but kept by the ranker.
    static let stopWords: Set<String> = [
        "and", "the", "of", "in", "on", "for", "to", "a", "an", "и", "в", "на", "о", "об", "по", "с", "к", "для", "из", "және", "мен",
    ]

    static func ids(
        interests: [String], forms: [String], languages: Set<String>, branchID: UUID, exclude: Set<Int>, on db: any Database,
        cache: SelectionMemo? = nil, limit: Int = 200
    ) async throws -> [Int] {
        let sql = try db.sql
        let sqlite = DatabaseSetup.isSQLite(db)
        // Each interest is a phrase: all its words, each in any of its stems.
        // In NFC, as the catalogue is indexed: an interest pasted with decomposed letters still matches.
        let phrases = interests.map {
            SearchAnalyzer.words($0.precomposedStringWithCanonicalMapping).filter { !stopWords.contains($0) }.prefix(6)
                .map(SearchAnalyzer.queryStems)
        }
        .filter { !$0.isEmpty }
        var seen = Set<Int>()
        var out: [Int] = []
        func add(_ ids: [Int]) {
            for id in ids where !exclude.contains(id) && seen.insert(id).inserted { out.append(id) }
        }
        let scope = "\(branchID)|\(forms.joined(separator: ","))|\(languages.sorted().joined(separator: ","))"
        guard !phrases.isEmpty else {
            let filters = filterSQL(key: "b.id", forms: forms, languages: languages, branchID: branchID)
            let rows = try await sql.raw("SELECT b.id FROM bib_records b WHERE 1 = 1 \(filters) ORDER BY b.id DESC LIMIT \(bind: limit)").all()
            add(try rows.map { try $0.decode(column: "id", as: Int.self) })
            return out
        }
        let each = perInterest(phrases.count)
        let keys = Set(phrases.map { $0.map { $0.joined(separator: "|") }.joined(separator: " ") }).sorted()
        var found: [String: [Int]] = [:]
        var missing: [String] = []
        for phrase in keys {
            if let hit = cache?[scope + "|\(each)|" + phrase] { found[phrase] = hit } else { missing.append(phrase) }
        }
        // The copy check names the index's row id on SQLite, so it runs before the record's row is read.
        let filters = filterSQL(key: sqlite ? "bib_fts.rowid" : "b.id", forms: forms, languages: languages, branchID: branchID)
        let holdings = SearchHoldings.token(branchID)
        // The interests not in the cache go in one statement: a UNION ALL of one limited query each.
        for chunk in missing.chunked(40) {
            func statement(strip: Bool) -> SQLQueryString {
                var q: SQLQueryString = ""
                var parts = 0
                for (k, phrase) in chunk.enumerated() {
                    var groups = phrase.split(separator: " ").map { $0.split(separator: "|").map(String.init) }
                    if strip { groups = groups.map { $0.map(CatalogSearch.withoutMarks).filter { !$0.isEmpty } }.filter { !$0.isEmpty } }
                    guard !groups.isEmpty else { continue }
                    if parts > 0 { q.appendInterpolation(unsafeRaw: " UNION ALL ") }
                    parts += 1
                    if sqlite {
                        let words: [String] = groups.map { group in "(" + group.map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }
                        let match = "{title authors subjects series} : (\(words.joined(separator: " AND "))) AND holdings : \"\(holdings)\""
                        // Ascending rowid is the order FTS5 streams, so each part stops after `each` hits.
                        let part: SQLQueryString =
                            "SELECT \(unsafeRaw: String(k)) AS k, id FROM (SELECT bib_fts.rowid AS id FROM bib_fts JOIN bib_records b ON b.id = bib_fts.rowid WHERE bib_fts MATCH \(bind: match) \(filters) ORDER BY bib_fts.rowid LIMIT \(unsafeRaw: String(each)))"
                        q.appendInterpolation(part)
                    } else {
                        let tsquery = groups.map { "(" + $0.map { "\($0):AB" }.joined(separator: " | ") + ")" }.joined(separator: " & ")
                        let part: SQLQueryString =
                            "SELECT \(unsafeRaw: String(k)) AS k, id FROM (SELECT b.id FROM bib_records b WHERE b.search_vector @@ to_tsquery('simple', \(bind: tsquery)) \(filters) ORDER BY b.id LIMIT \(unsafeRaw: String(each))) AS p\(unsafeRaw: String(k))"
                        q.appendInterpolation(part)
                    }
                }
                return parts == 0 ? "SELECT 0 AS k, 0 AS id WHERE 1 = 0" : q
            }
            var rows: [any SQLRow]
            do {
                rows = try await sql.raw(statement(strip: false)).all()
            } catch  where CatalogSearch.isPhraseError(error) {
                // An interest heaped with combining marks (pasted «Zalgo» text) holds a mark SQLite's
                // FTS tokenizer takes for a separator: asked again without marks, and if even that
                // fails, these interests give no candidates. The selection goes on either way.
                do { rows = try await sql.raw(statement(strip: true)).all() } catch  where CatalogSearch.isPhraseError(error) { rows = [] }
            }
            var byPart: [Int: [Int]] = [:]
            for row in rows {
                byPart[try row.decode(column: "k", as: Int.self), default: []].append(try row.decode(column: "id", as: Int.self))
            }
            for (k, phrase) in chunk.enumerated() {
                let ids = byPart[k] ?? []
                found[phrase] = ids
                cache?[scope + "|\(each)|" + phrase] = ids
            }
        }
        for phrase in keys { add(found[phrase] ?? []) }
        return out
    }

    static func filterSQL(key: String, forms: [String], languages: Set<String>, branchID: UUID) -> SQLQueryString {
        var filters: SQLQueryString =
            " AND EXISTS (SELECT 1 FROM copies c WHERE c.bib_id = \(unsafeRaw: key) AND c.branch_id = \(bind: branchID) AND c.status = 'available')"
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
        return filters
    }
}

/// What the visits of one batch share. Candidate lists per (branch, forms, languages, interest):
/// readers of a branch share many interests. Titles read and analysed once: ranking compares every
/// candidate's words with every interest, and the same titles come up for many readers. And the
/// library's settings. A reserved copy can make a remembered title unavailable; reserving checks
/// again, so that only costs a candidate.
final class SelectionMemo: Sendable {
    private let lists = NIOLockedValueBox<[String: [Int]]>([:])
    private let titles = NIOLockedValueBox<[Int: Candidate]>([:])
    private let settings = NIOLockedValueBox<DeliverySettings?>(nil)

    init() {}

    subscript(key: String) -> [Int]? {
        get { lists.withLockedValue { $0[key] } }
        set { lists.withLockedValue { $0[key] = newValue } }
    }

    /// The remembered titles among `ids`.
    func titles(_ ids: [Int]) -> [Int: Candidate] {
        titles.withLockedValue { known in
            var out: [Int: Candidate] = [:]
            for id in ids { if let c = known[id] { out[id] = c } }
            return out
        }
    }

    func remember(_ candidates: [Candidate]) {
        titles.withLockedValue { known in for c in candidates { known[c.id] = c } }
    }

    func settings(on db: any Database) async throws -> DeliverySettings {
        if let known = settings.withLockedValue({ $0 }) { return known }
        let loaded = try await DeliverySettings.load(on: db)
        settings.withLockedValue { $0 = loaded }
        return loaded
    }
}
