import FluentKit
import Foundation
import MARCKit
import SQLKit

/// Writes the copies of an export: holdings of imported records, or the rows of a holdings CSV.
/// A copy is matched on its inventory number, else its barcode; its status follows the export by
/// `ILSStatusRule`. A sync marks every copy it sees with its run, so that the next sync can tell
/// which copies have left the export; a plain import (the upload page, `catalog import`) marks
/// none, so a file from elsewhere never makes the library's copies look withdrawn.
struct CopyWriter: Sendable {
    let branches: [String: UUID]
    let run: String?

    struct Incoming: Sendable {
        let inventory: String
        /// The record the copy belongs to; nil for a holdings CSV row, which can only update a
        /// copy already here.
        let bib: Int?
        let holding: Holding
    }

    /// The holdings of a batch of records; a holding without a number gets a generated one so
    /// that no copy is lost.
    func write(_ records: [PreparedRecord], ids: [String: Int], on tx: any SQLDatabase) async throws -> CopyChanges {
        var incoming: [Incoming] = []
        for r in records {
            for (i, h) in r.bib.holdings.enumerated() {
                let bib = ids[r.matchKey]!
                incoming.append(Incoming(inventory: h.inventoryNumber ?? h.barcode ?? "AUTO-\(bib)-\(i + 1)", bib: bib, holding: h))
            }
        }
        return try await apply(incoming, on: tx)
    }

    private struct Existing {
        let id: UUID
        let bib: Int
        let status: CopyStatus
        let ilsStatus: String?
    }

    func apply(_ input: [Incoming], on tx: any SQLDatabase) async throws -> CopyChanges {
        var seen = Set<String>()
        let incoming = input.filter { seen.insert($0.inventory).inserted }
        guard !incoming.isEmpty else { return CopyChanges() }
        let existing = try await find(incoming, on: tx)
        let loaned = try await Self.openLoans(existing.values.map(\.id), on: tx)
        var changes = CopyChanges()
        var added: [NewCopy] = []
        let now = Date()
        for c in incoming {
            let h = c.holding
            if case .unknown(let raw) = h.status { changes.unknown.append((c.inventory, raw)) }
            let branch = h.branchCode.flatMap { branches[$0] }
            guard let old = existing[c.inventory] ?? h.barcode.flatMap({ existing["barcode:" + $0] }) else {
                guard let bib = c.bib else {
                    changes.unmatched.append(c.inventory)
                    continue
                }
                let decision = ILSStatusRule.decide(ils: h.status, current: nil, loanedHere: false, absentBefore: false)
                guard case .set(let status) = decision else { continue }
                added.append(NewCopy(bib: bib, inventory: c.inventory, holding: h, branch: branch, status: status))
                changes.added += 1
                continue
            }
            changes.seen += 1
            let decision = ILSStatusRule.decide(
                ils: h.status, current: old.status, loanedHere: loaned.contains(old.id), absentBefore: old.ilsStatus == "absent")
            let update = tx.update(Copy.schema).set("updated_at", to: now).set("ils_status", to: h.status?.code).set("ils_seen_at", to: now)
            if let run { update.set("ils_run", to: run) }
            if let bib = c.bib {
                // A copy the export lists under another record: said, since it often means the
                // catalogue holds the title twice (loaded once with 003, once without).
                if bib != old.bib { changes.moved.append(.init(inventory: c.inventory, from: String(old.bib), to: String(bib))) }
                // A record's holdings say all there is of the copy: what they leave out is cleared.
                update.set("bib_id", to: bib).set("branch_id", to: branch).set("shelf_mark", to: h.shelfMark).set("barcode", to: h.barcode)
            } else {
                // A CSV row changes only what it has a column for.
                if h.branchCode != nil { update.set("branch_id", to: branch) }
                if let shelf = h.shelfMark { update.set("shelf_mark", to: shelf) }
            }
            switch decision {
            case .set(let status):
                update.set("status", to: status.rawValue)
                changes.changes.append(.init(inventory: c.inventory, from: old.status.rawValue, to: status.rawValue))
            case .conflict:
                changes.conflicts.append(.init(inventory: c.inventory, local: old.status.rawValue, ils: h.status?.code ?? "unknown"))
            case .keep: break
            }
            try await update.where("id", .equal, old.id).run()
        }
        try await insert(added, at: now, on: tx)
        return changes
    }

    private struct NewCopy {
        let bib: Int
        let inventory: String
        let holding: Holding
        let branch: UUID?
        let status: CopyStatus
    }

    private static let columns = [
        "id", "created_at", "updated_at", "bib_id", "inventory_number", "barcode", "branch_id", "shelf_mark", "notes", "status",
        "ils_status", "ils_seen_at", "ils_run",
    ]

    /// New copies in bulk: `COPY` on PostgreSQL (issue 17, §1), statements of 2,000 rows on SQLite
    /// (13 binds a row, under its limit of 32,766). A file of holdings was one INSERT a copy.
    private func insert(_ added: [NewCopy], at now: Date, on tx: any SQLDatabase) async throws {
        guard !added.isEmpty else { return }
        if let db = tx as? any Database, !DatabaseSetup.isSQLite(db) {
            let stamp = CopyRows.timestamp(now)
            var rows = CopyRows()
            for c in added {
                let h = c.holding
                rows.add(UUID())
                rows.add(timestamp: stamp)
                rows.add(timestamp: stamp)
                rows.add(c.bib)
                rows.add(c.inventory)
                rows.add(h.barcode)
                rows.add(c.branch)
                rows.add(h.shelfMark)
                rows.add(h.note)
                rows.add(c.status.rawValue)
                rows.add(h.status?.code)
                rows.add(timestamp: stamp)
                rows.add(run)
                rows.endRow()
            }
            return try await PostgresCopy.copy(rows, into: Copy.schema, columns: Self.columns, on: db)
        }
        for chunk in added.chunked(2000) {
            let insert = tx.insert(into: Copy.schema).columns(Self.columns)
            for c in chunk {
                let h = c.holding
                insert.values(
                    UUID(), now, now, c.bib, c.inventory, h.barcode, c.branch, h.shelfMark, h.note, c.status.rawValue, h.status?.code, now, run)
            }
            try await insert.run()
        }
    }

    /// The copies already here, keyed by inventory number and by «barcode:» + barcode.
    private func find(_ incoming: [Incoming], on tx: any SQLDatabase) async throws -> [String: Existing] {
        var out: [String: Existing] = [:]
        let barcodes = incoming.compactMap(\.holding.barcode)
        for (column, keys) in [("inventory_number", incoming.map(\.inventory)), ("barcode", barcodes)] {
            for chunk in keys.chunked(500) {
                let rows = try await tx.select().columns("id", "bib_id", "inventory_number", "barcode", "status", "ils_status").from(Copy.schema)
                    .where(SQLIdentifier(column), .in, SQLBind.group(Array(chunk))).all()
                for row in rows {
                    let copy = Existing(
                        id: try row.decode(column: "id", as: UUID.self), bib: try row.decode(column: "bib_id", as: Int.self),
                        status: CopyStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .available,
                        ilsStatus: try row.decode(column: "ils_status", as: String?.self))
                    if column == "inventory_number" {
                        out[try row.decode(column: "inventory_number", as: String.self)] = copy
                    } else if let barcode = try row.decode(column: "barcode", as: String?.self) {
                        out["barcode:" + barcode] = copy
                    }
                }
            }
        }
        return out
    }

    /// The copies among `ids` with an open loan issued through this service.
    static func openLoans(_ ids: [UUID], on tx: any SQLDatabase) async throws -> Set<UUID> {
        var out = Set<UUID>()
        for chunk in ids.chunked(500) {
            let rows = try await tx.select().column("copy_id").from(Loan.schema).where("status", .equal, LoanStatus.onLoan.rawValue)
                .where(SQLIdentifier("copy_id"), .in, SQLBind.group(Array(chunk))).all()
            for row in rows { out.insert(try row.decode(column: "copy_id", as: UUID.self)) }
        }
        return out
    }
}
