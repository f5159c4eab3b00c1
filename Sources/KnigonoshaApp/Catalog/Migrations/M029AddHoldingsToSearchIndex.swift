import Fluent
import Foundation
import SQLKit

/// On SQLite the full-text index gets a `holdings` column: one token per branch that holds a copy
/// of the record (`SearchHoldings.token`). Book selection searches a reader's interests among the
/// titles of one branch, a tenth of the catalogue or less; with the branch in the match, FTS5
/// intersects the two term lists itself instead of the query checking the copies of every title
/// that mentions an interest. Triggers on `copies` keep the column true whichever code adds,
/// moves or deletes a copy. The statements are fixed text with no input in them. PostgreSQL
/// filters through its copies index as before.
struct M029AddHoldingsToSearchIndex: AsyncMigration {
    static let holdings = """
        (SELECT coalesce(group_concat(t, ' '), '') FROM (SELECT DISTINCT 'h' || lower(replace(c.branch_id, '-', '')) AS t \
        FROM copies c WHERE c.bib_id = %@ AND c.branch_id IS NOT NULL))
        """

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await rebuild(withHoldings: true, on: sql)
        for (name, event, key) in [("ins", "INSERT", "NEW"), ("del", "DELETE", "OLD"), ("upd", "UPDATE OF bib_id, branch_id", "NEW")] {
            var body =
                "UPDATE bib_fts SET holdings = \(Self.holdings.replacingOccurrences(of: "%@", with: "\(key).bib_id")) WHERE rowid = \(key).bib_id;"
            if name == "upd" {
                body += " UPDATE bib_fts SET holdings = \(Self.holdings.replacingOccurrences(of: "%@", with: "OLD.bib_id")) WHERE rowid = OLD.bib_id;"
            }
            try await sql.raw("CREATE TRIGGER copies_holdings_\(unsafeRaw: name) AFTER \(unsafeRaw: event) ON copies BEGIN \(unsafeRaw: body) END")
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        for name in ["ins", "del", "upd"] { try await sql.raw("DROP TRIGGER copies_holdings_\(unsafeRaw: name)").run() }
        try await rebuild(withHoldings: false, on: sql)
    }

    /// FTS5 cannot add a column: a new table, filled from the old one, takes its name.
    private func rebuild(withHoldings: Bool, on sql: any SQLDatabase) async throws {
        let extra = withHoldings ? ", holdings" : ""
        try await sql.raw(
            """
            CREATE VIRTUAL TABLE bib_fts_new USING fts5(title, authors, subjects, series, summary\(unsafeRaw: extra), \
            tokenize = 'unicode61 remove_diacritics 0', prefix = '3', detail = column)
            """
        ).run()
        let value = withHoldings ? ", " + Self.holdings.replacingOccurrences(of: "%@", with: "f.rowid") : ""
        try await sql.raw(
            """
            INSERT INTO bib_fts_new (rowid, title, authors, subjects, series, summary\(unsafeRaw: extra)) \
            SELECT f.rowid, f.title, f.authors, f.subjects, f.series, f.summary\(unsafeRaw: value) FROM bib_fts f
            """
        ).run()
        try await sql.raw("DROP TABLE bib_fts").run()
        try await sql.raw("ALTER TABLE bib_fts_new RENAME TO bib_fts").run()
        try await sql.raw("INSERT INTO bib_fts (bib_fts) VALUES ('optimize')").run()
    }
}

/// The search-index token for "a copy is held at this branch".
enum SearchHoldings {
    static func token(_ branchID: UUID) -> String {
        "h" + branchID.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Copies written by one import beyond which the index is merged afterwards.
    static let bulk = 1000

    /// Merges the SQLite index into one segment. Each copy added rewrites its record's row, which
    /// leaves a deleted and a new version in the index that every query then reads past: after
    /// one copy of each of the Library of Congress records, merging took a selection batch from
    /// 6.5 s to 4.7 s. It takes about a second per 250,000 records. Records alone do not need it
    /// (catalogue search was no faster merged).
    static func merge(on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("INSERT INTO bib_fts (bib_fts) VALUES ('optimize')").run()
    }

    /// After re-imported records were indexed again: their copies were already there, so no
    /// trigger told the index about them.
    static func refresh(_ ids: [Int], on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        for chunk in ids.chunked(500) {
            var q: SQLQueryString =
                "UPDATE bib_fts SET holdings = \(unsafeRaw: M029AddHoldingsToSearchIndex.holdings.replacingOccurrences(of: "%@", with: "bib_fts.rowid")) WHERE rowid IN ("
            for (i, id) in chunk.enumerated() {
                if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
                q.appendInterpolation(bind: id)
            }
            q.appendInterpolation(unsafeRaw: ")")
            try await sql.raw(q).run()
        }
    }
}
