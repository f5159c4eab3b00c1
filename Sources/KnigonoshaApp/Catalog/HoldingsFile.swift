import Fluent
import Foundation
import MARCKit
import SQLKit

/// A holdings CSV from the library's own system (barcode, branch, shelf mark, status): it updates
/// the copies already here. It is told from a catalogue CSV by its header: a barcode or inventory
/// column and no title.
enum HoldingsFile {
    /// The file's rows, or nil when it is not a holdings CSV.
    static func rows(path: String, options: ImportOptions) -> (rows: [HoldingsCSV.Row], errors: [CSVCatalog.RowError])? {
        guard (options.syntax ?? RecordSource.detectSyntax(path)) == .csv, let data = FileManager.default.contents(atPath: path) else {
            return nil
        }
        // As for catalogue CSV: UTF-8, or Windows-1251 from Russian-language offices.
        let text = String(validating: data, as: UTF8.self) ?? String(String.UnicodeScalarView(data.map { Windows1251Text.scalar($0) }))
        guard HoldingsCSV.isHoldings(text) else { return nil }
        let read = HoldingsCSV.read(text)
        return read.errors.contains { $0.code == "no_barcode_column" } ? nil : read
    }

    /// Applies the rows, a few thousand a transaction. A row that matches no copy is reported.
    static func apply(
        _ file: (rows: [HoldingsCSV.Row], errors: [CSVCatalog.RowError]), run: String, on db: any Database
    ) async throws
        -> ImportSummary
    {
        var summary = ImportSummary()
        for e in file.errors {
            summary.skipped += 1
            summary.issues.append((e.row, e.reason, e.code))
        }
        var branches: [String: UUID] = [:]
        for branch in try await Branch.query(on: db).all() { branches[branch.code] = branch.id }
        let writer = CopyWriter(branches: branches, run: run)
        for chunk in file.rows.chunked(2000) {
            let incoming = chunk.map {
                CopyWriter.Incoming(inventory: $0.holding.inventoryNumber ?? $0.holding.barcode ?? "", bib: nil, holding: $0.holding)
            }
            let changes = try await BusyRetry.run {
                try await db.transaction { tx in
                    let tx = try tx.sql
                    return try await writer.apply(incoming, on: tx)
                }
            }
            summary.copies.merge(changes)
        }
        summary.holdings = file.rows.count
        return summary
    }
}

/// Copies that have left the library system's export are withdrawn here, with their history
/// kept; a copy held through this service is reported as a conflict instead. Nothing is withdrawn
/// when the export could not be read whole, or when it would withdraw all of the system's copies
/// or more than a quarter of them (an export cut short looks just like that) unless `--force`
/// says so.
enum Withdrawal {
    static func apply(
        run: String, after summary: ImportSummary, force: Bool, into changes: inout CopyChanges, on db: any Database
    )
        async throws -> WithdrawalHeld?
    {
        let sql = try db.sql
        let absent = try await sql.select().columns("id", "inventory_number", "status").from(Copy.schema)
            .where(SQLIdentifier("ils_run"), .isNot, SQLLiteral.null).where("ils_run", .notEqual, run)
            .where("status", .notEqual, CopyStatus.withdrawn.rawValue).all()
        guard !absent.isEmpty else { return nil }
        if summary.fatal != nil || summary.skipped > 0 {
            return WithdrawalHeld(reason: .unreadable, absent: absent.count, of: summary.skipped)
        }
        let known =
            try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(Copy.schema)
            .where(SQLIdentifier("ils_run"), .isNot, SQLLiteral.null).first()?.decode(column: "n", as: Int.self) ?? 0
        // Every copy gone at once is a wrong file, however small the library.
        if !force && (absent.count == known || absent.count > max(10, known / 4)) {
            return WithdrawalHeld(reason: .tooMany, absent: absent.count, of: known)
        }
        let ids = try absent.map { try $0.decode(column: "id", as: UUID.self) }
        let loaned = try await CopyWriter.openLoans(ids, on: sql)
        let now = Date()
        let outcome = try await db.transaction { tx -> CopyChanges in
            var out = CopyChanges()
            let tx = try tx.sql
            for row in absent {
                let id = try row.decode(column: "id", as: UUID.self)
                let inventory = try row.decode(column: "inventory_number", as: String.self)
                let status = try row.decode(column: "status", as: String.self)
                let update = tx.update(Copy.schema).set("ils_status", to: "absent").set("updated_at", to: now)
                if loaned.contains(id) || status == CopyStatus.reserved.rawValue {
                    out.conflicts.append(.init(inventory: inventory, local: status, ils: "absent"))
                } else {
                    update.set("status", to: CopyStatus.withdrawn.rawValue)
                    out.withdrawn.append(inventory)
                }
                try await update.where("id", .equal, id).run()
            }
            return out
        }
        changes.merge(outcome)
        return nil
    }
}
