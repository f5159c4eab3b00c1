import Fluent
import Foundation
import SQLKit

/// Stores a loan history file: each row is matched to a reader here by card number and to a
/// title by the copy's barcode or inventory number, else by ISBN. Rows that match are stored in
/// one transaction, all or none; rows that do not are reported with the reason, and the same
/// history imported twice adds nothing.
enum HistoryImport {
    struct Outcome: Sendable {
        var read = 0
        var stored = 0
        /// Rows matched to a loan already stored.
        var known = 0
        var readers = 0
        var problems: [HistoryFile.Problem] = []
        var failure: String?
    }

    /// `branchID`: a coordinator's branch; only its readers are matched (others are reported as
    /// unknown, never written to). Nil for an administrator or the command line.
    static func run(_ file: HistoryFile, branchID: UUID? = nil, on db: any Database) async throws -> Outcome {
        var out = Outcome()
        if let failure = file.failure {
            out.failure = failure
            return out
        }
        out.read = file.rows.count + file.problems.count
        out.problems = file.problems
        let sql = try db.sql
        let readers = try await lookup(
            sql, table: Reader.schema, key: "card_number", value: "id", as: UUID.self, keys: Set(file.rows.map(\.card)), branchID: branchID)
        let items = Set(file.rows.compactMap(\.item))
        var bibs = try await lookup(sql, table: Copy.schema, key: "inventory_number", value: "bib_id", as: Int.self, keys: items)
        for (k, v) in try await lookup(sql, table: Copy.schema, key: "barcode", value: "bib_id", as: Int.self, keys: items) where bibs[k] == nil {
            bibs[k] = v
        }
        let isbns = try await isbnIndex(Set(file.rows.compactMap(\.isbn)), on: sql)
        var matched: [(row: Int, reader: UUID, bib: Int, date: String)] = []
        for r in file.rows {
            guard let reader = readers[r.card] else {
                out.problems.append(.init(row: r.row, code: "unknown_reader", value: r.card))
                continue
            }
            guard let bib = r.item.flatMap({ bibs[$0] }) ?? r.isbn.flatMap({ isbns[$0] }) else {
                out.problems.append(.init(row: r.row, code: "unknown_item", value: r.item ?? r.isbn ?? ""))
                continue
            }
            matched.append((r.row, reader, bib, r.date))
        }
        out.problems.sort { $0.row < $1.row }
        out.readers = Set(matched.map(\.reader)).count
        // Within the file and against what is stored: one row per reader, title and day.
        var seen = try await stored(Set(matched.map(\.reader)), on: sql)
        let fresh = matched.filter { seen.insert("\($0.reader)|\($0.bib)|\($0.date)").inserted }
        out.known = matched.count - fresh.count
        let now = Date()
        try await db.transaction { tx in
            let tx = try tx.sql
            for chunk in fresh.chunked(500) {
                let insert = tx.insert(into: ReadingHistory.schema).columns("id", "reader_id", "bib_id", "read_on", "source", "created_at")
                for m in chunk { insert.values(SQLBind(UUID()), SQLBind(m.reader), SQLBind(m.bib), SQLBind(m.date), SQLBind("ils"), SQLBind(now)) }
                try await insert.run()
            }
        }
        out.stored = fresh.count
        return out
    }

    private static func lookup<V: Decodable & Sendable>(
        _ sql: any SQLDatabase, table: String, key: String, value: String, as: V.Type, keys: Set<String>, branchID: UUID? = nil
    ) async throws -> [String: V] {
        var out: [String: V] = [:]
        for chunk in Array(keys).chunked(500) {
            let query = sql.select().column(SQLIdentifier(key)).column(SQLIdentifier(value)).from(table)
                .where(SQLIdentifier(key), .in, SQLBind.group(Array(chunk)))
            if let branchID { query.where("branch_id", .equal, branchID) }
            // An anonymised or erased reader gets no history back: their card is an unknown reader.
            if table == Reader.schema { query.where("removed_as", .is, SQLLiteral.null) }
            for row in try await query.all() {
                out[try row.decode(column: key, as: String.self)] = try row.decode(column: value, as: V.self)
            }
        }
        return out
    }

    /// Records by ISBN, for the ISBNs of the file only: the catalogue keeps a record's ISBNs in
    /// one space-separated column.
    private static func isbnIndex(_ wanted: Set<String>, on sql: any SQLDatabase) async throws -> [String: Int] {
        guard !wanted.isEmpty else { return [:] }
        var out: [String: Int] = [:]
        for row in try await sql.select().columns("id", "isbns").from(BibRecord.schema).where("isbns", .notEqual, "").all() {
            let id = try row.decode(column: "id", as: Int.self)
            for token in try row.decode(column: "isbns", as: String.self).split(separator: " ") {
                let isbn = token.count == 10 ? HistoryFile.isbn13(String(token)) : String(token)
                if wanted.contains(isbn), out[isbn] == nil { out[isbn] = id }
            }
        }
        return out
    }

    private static func stored(_ readers: Set<UUID>, on sql: any SQLDatabase) async throws -> Set<String> {
        var out = Set<String>()
        for chunk in Array(readers).chunked(500) {
            for row in try await sql.select().columns("reader_id", "bib_id", "read_on").from(ReadingHistory.schema)
                .where(SQLIdentifier("reader_id"), .in, SQLBind.group(Array(chunk))).all()
            {
                out.insert(
                    "\(try row.decode(column: "reader_id", as: UUID.self))|\(try row.decode(column: "bib_id", as: Int.self))|\(try row.decode(column: "read_on", as: String.self))"
                )
            }
        }
        return out
    }
}
