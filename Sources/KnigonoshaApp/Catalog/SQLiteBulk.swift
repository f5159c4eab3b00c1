import FluentSQLiteDriver
import Foundation
import MARCKit
import NIOCore
import SQLiteNIO

/// The two large inserts of an import on SQLite, bound directly as SQLite values. The SQL text is
/// fixed (only the number of placeholder groups varies with the batch); every value is a bound
/// parameter. Going around SQLKit's serialiser and encoder here saves about a fifth of the
/// import's database time, measured on the Library of Congress file (docs/BENCHMARKS.md).
enum SQLiteBulk {
    static func insertRecords(_ records: [PreparedRecord], on db: any SQLiteDatabase) async throws -> [(String, Int)] {
        let columns = BatchWriter.columns.joined(separator: ", ")
        let group = "(" + Array(repeating: "?", count: BatchWriter.columns.count).joined(separator: ", ") + ")"
        // OR FAIL, not the default ABORT: an aborting statement inside a transaction keeps a
        // statement journal of every page it touches so that it can undo itself alone, and that
        // was a twentieth of the import's time. A failure here fails the whole batch anyway: the
        // transaction rolls back and the batch is written again record by record.
        let sql =
            "INSERT OR FAIL INTO bib_records (\(columns)) VALUES " + Array(repeating: group, count: records.count).joined(separator: ", ")
            + " RETURNING id, match_key"
        var binds: [SQLiteData] = []
        binds.reserveCapacity(records.count * BatchWriter.columns.count)
        for r in records { binds.append(contentsOf: r.sqliteRow) }
        // The connection's own `query` hands each returned row to our closure on the database
        // thread. `SQLiteDatabase.query` would submit every row to the event loop as a task of
        // its own: 250,000 wake-ups for the Library of Congress file, a fifth of the import's
        // context switches.
        nonisolated(unsafe) var keys: [(String, Int)] = []
        keys.reserveCapacity(records.count)
        try await db.withConnection { [binds] connection in
            try await connection.query(sql, binds) { row in
                keys.append((row.column("match_key")?.string ?? "", row.column("id")?.integer ?? 0))
            }
        }
        return keys
    }

    static func insertIndex(_ records: [PreparedRecord], ids: [String: Int], on db: any SQLiteDatabase) async throws {
        let sql =
            "INSERT INTO bib_fts (rowid, title, authors, subjects, series, summary) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: records.count).joined(separator: ", ")
        var binds: [SQLiteData] = []
        binds.reserveCapacity(records.count * 6)
        for r in records {
            binds.append(.integer(ids[r.matchKey] ?? 0))
            binds.append(.text(r.index.title))
            binds.append(.text(r.index.authors))
            binds.append(.text(r.index.subjects))
            binds.append(.text(r.index.series))
            binds.append(.text(r.index.summary))
        }
        try await db.withConnection { [binds] connection in try await connection.query(sql, binds) { _ in } }
    }

    /// One record's values in `BatchWriter.columns` order.
    static func row(bib b: Bibliographic, matchKey: String, contributors: String, languages: String, marc: [UInt8]) -> [SQLiteData] {
        let now = Date().sqliteData ?? .null
        return [
            now, now, .text(matchKey), .text(b.flavor.rawValue), .text(b.title), text(b.subtitle),
            .text(contributors), text(b.edition), b.year.map { .integer($0) } ?? .null, text(b.publisher), text(b.place),
            .text(b.isbns.joined(separator: " ")), .text(b.issns.joined(separator: " ")), .text(languages),
            .text(b.subjects.joined(separator: "\n")), .text(b.genres.joined(separator: "\n")), text(b.series), text(b.seriesNumber),
            text(b.physical), text(b.summary), text(b.audience), .text(b.form.rawValue), .blob(ByteBuffer(bytes: marc)),
        ]
    }

    private static func text(_ s: String?) -> SQLiteData { s.map { .text($0) } ?? .null }
}
