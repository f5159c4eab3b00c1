import Fluent
import Foundation
import MARCKit
import SQLKit
import SQLiteNIO
import Vapor

/// What an import did.
struct ImportSummary: Sendable, Equatable {
    var imported = 0
    var updated = 0
    var skipped = 0
    /// Batches that failed as a whole and were written record by record.
    var retriedBatches = 0
    /// Holdings read (each a copy added or updated).
    var holdings = 0
    var issues: [(number: Int, reason: String, code: String?)] = []
    /// Records read with repairs (a wrong length, a broken directory entry…): imported, and
    /// reported so that the library can fix its source file. `codes` are MARCWarning kinds.
    var repaired: [(number: Int, codes: [String], details: [MARCWarning])] = []
    /// Copies added, statuses changed from the export, and conflicts with this service's holds.
    var copies = CopyChanges()
    var fatal: String?

    /// The one-line summary the command prints.
    var line: String { "imported \(imported), updated \(updated), skipped \(skipped)" }

    static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        a.imported == b.imported && a.updated == b.updated && a.skipped == b.skipped && a.fatal == b.fatal
    }
}

/// Writes prepared records in batches, each batch in one transaction. A batch that fails is
/// written again record by record, so one bad record is skipped and reported while the others
/// land, and no record is ever half-written.
final class CatalogImporter {
    let database: any Database
    private let writer: BatchWriter
    private var batch: [PreparedRecord] = []
    private(set) var summary = ImportSummary()
    /// Given each batch once it is written, so that its memory is freed elsewhere.
    var written: ([PreparedRecord]) -> Void = { _ in }
    static let batchSize = 5000

    /// `run`, a sync's id, marks every copy it sees, so that the next sync can tell which copies
    /// left the export; a plain import (nil) marks none.
    init(db: any Database, run: String? = nil) async throws {
        database = db
        var branches: [String: UUID] = [:]
        for branch in try await Branch.query(on: db).all() { branches[branch.code] = branch.id }
        writer = BatchWriter(isSQLite: DatabaseSetup.isSQLite(db), branches: branches, run: run)
    }

    func add(_ record: PreparedRecord) async throws {
        summary.holdings += record.bib.holdings.count
        if !record.warnings.isEmpty { summary.repaired.append((record.number, record.warnings, record.details)) }
        batch.append(record)
        if batch.count >= Self.batchSize { try await flush() }
    }

    func skip(number: Int, reason: String, code: String? = nil) {
        summary.skipped += 1
        summary.issues.append((number, reason, code))
    }

    func finish() async throws -> ImportSummary {
        try await flush()
        return summary
    }

    func flush() async throws {
        guard !batch.isEmpty else { return }
        let records = batch
        batch.removeAll(keepingCapacity: true)
        defer { written(records) }
        // A batch that met another writer on SQLite (a second runner, staff saving a visit) is
        // written again, not taken for a bad one: otherwise its records would be skipped.
        let writer = self.writer
        let database = self.database
        do {
            add(try await BusyRetry.run { try await writer.write(records, on: database) })
        } catch {
            // Find the bad records one by one.
            summary.retriedBatches += 1
            for record in records {
                do {
                    add(try await BusyRetry.run { try await writer.write([record], on: database) })
                } catch {
                    skip(number: record.number, reason: Self.describe(error))
                }
            }
        }
    }

    private func add(_ result: BatchResult) {
        summary.imported += result.fresh
        summary.updated += result.updated
        summary.copies.merge(result.copies)
    }

    /// A reason for the import report, without internals.
    static func describe(_ error: any Error) -> String {
        if let db = error as? any DatabaseError, db.isConstraintFailure { return "conflicts with another record (a duplicate key)" }
        return "could not be stored"
    }
}

/// What one batch wrote.
struct BatchResult: Sendable {
    var fresh = 0
    var updated = 0
    var copies = CopyChanges()
}

/// The database half of an import: one batch, one transaction.
struct BatchWriter: Sendable {
    let isSQLite: Bool
    let branches: [String: UUID]
    let run: String?

    /// Writes a batch in one transaction.
    func write(_ input: [PreparedRecord], on database: any Database) async throws -> BatchResult {
        // Within a batch, the last record with a key wins, as it would across batches.
        var byKey: [String: PreparedRecord] = [:]
        var order: [String] = []
        for r in input {
            if byKey[r.matchKey] == nil { order.append(r.matchKey) }
            byKey[r.matchKey] = r
        }
        let records = order.map { byKey[$0]! }
        let duplicatesInBatch = input.count - records.count
        return try await database.transaction { fluentTx in
            let tx = try fluentTx.sql
            if let lite = fluentTx as? any SQLiteDatabase {
                // A bulk load checkpoints the WAL rarely and keeps more pages cached; both settings
                // belong to this connection only.
                _ = try await lite.query("PRAGMA wal_autocheckpoint = 50000")
                _ = try await lite.query("PRAGMA cache_size = -32768")
            }
            var existing: [String: Int] = [:]
            for chunk in records.chunked(500) {
                let rows = try await tx.select().column("id").column("match_key").from(BibRecord.schema)
                    .where(SQLIdentifier("match_key"), .in, SQLBind.group(chunk.map(\.matchKey))).all()
                for row in rows { existing[try row.decode(column: "match_key", as: String.self)] = try row.decode(column: "id", as: Int.self) }
            }
            let fresh = records.filter { existing[$0.matchKey] == nil }
            let old = records.filter { existing[$0.matchKey] != nil }
            var ids = existing
            if let lite = fluentTx as? any SQLiteDatabase {
                // As many rows per statement as SQLite's bind limit (32,766) allows: fewer statements.
                for chunk in fresh.chunked(1300) {
                    for (key, id) in try await SQLiteBulk.insertRecords(Array(chunk), on: lite) { ids[key] = id }
                }
                for r in old {
                    let update = tx.update(BibRecord.schema)
                    for (column, value) in zip(BatchWriter.columns, values(r)) where column != "created_at" {
                        update.set(SQLIdentifier(column), to: value)
                    }
                    try await update.where("id", .equal, SQLBind(existing[r.matchKey]!)).run()
                }
            } else {
                ids.merge(try await PostgresBibBulk.write(records, existing: existing, on: fluentTx)) { $1 }
            }
            if isSQLite {
                for chunk in old.chunked(500) {
                    try await tx.delete(from: "bib_fts").where(SQLIdentifier("rowid"), .in, SQLBind.group(chunk.map { existing[$0.matchKey]! })).run()
                }
                // FTS5 flushes its pending terms at every statement's savepoint: few, large statements.
                for chunk in records.chunked(5000) {
                    if let lite = fluentTx as? any SQLiteDatabase {
                        try await SQLiteBulk.insertIndex(Array(chunk), ids: ids, on: lite)
                        continue
                    }
                    let insert = tx.insert(into: "bib_fts").columns("rowid", "title", "authors", "subjects", "series", "summary")
                    for r in chunk {
                        insert.values(ids[r.matchKey]!, r.index.title, r.index.authors, r.index.subjects, r.index.series, r.index.summary)
                    }
                    try await insert.run()
                }
            }
            let copies = try await CopyWriter(branches: branches, run: run).write(records, ids: ids, on: tx)
            if isSQLite && !old.isEmpty { try await SearchHoldings.refresh(old.map { existing[$0.matchKey]! }, on: tx) }
            return BatchResult(fresh: fresh.count, updated: old.count + duplicatesInBatch, copies: copies)
        }
    }

    static let columns = [
        "created_at", "updated_at", "match_key", "flavor", "title", "subtitle", "contributors", "edition", "year", "publisher",
        "place", "isbns", "issns", "languages", "subjects", "genres", "series", "series_number", "physical", "summary", "audience",
        "form", "marc",
    ]

    func values(_ r: PreparedRecord) -> [any SQLExpression] {
        let b = r.bib
        let now = Date()
        let list: [any Encodable & Sendable] = [
            now, now, r.matchKey, b.flavor.rawValue, b.title, b.subtitle, r.contributorsText, b.edition, b.year,
            b.publisher, b.place, b.isbns.joined(separator: " "), b.issns.joined(separator: " "), r.languagesText,
            b.subjects.joined(separator: "\n"), b.genres.joined(separator: "\n"), b.series, b.seriesNumber, b.physical, b.summary,
            b.audience, b.form.rawValue, Data(r.marc),
        ]
        return list.map { SQLBind($0) }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
