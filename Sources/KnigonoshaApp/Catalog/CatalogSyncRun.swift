import Crypto
import Fluent
import Foundation
import MARCKit
import SQLKit

/// `knigonosha catalog sync`: applies the newest export of the library's own system (records
/// with holdings, or a holdings CSV), then withdraws the copies that have left it. Running it
/// again on the same export changes nothing.
enum CatalogSyncRun {
    /// The files a directory is searched for.
    static let extensions: Set<String> = ["mrc", "marc", "iso", "iso2709", "xml", "csv", "dat", "txt"]

    struct Outcome {
        var file: String
        var sha256: String
        /// Set when this export was applied before: nothing was done.
        var appliedAt: Date?
        var summary = ImportSummary()
        /// Why copies missing from the export were left as they are, when they were.
        var held: WithdrawalHeld?
        var report: SyncReport?
        /// Not a record or a row could be read: the run failed and withdrew nothing.
        var readNothing = false
        var lines: [String] { report?.lines ?? [] }
    }

    /// The newest export in a directory (by modification time, then name), or the file itself.
    static func resolve(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CommandFailure("\(path) does not exist") }
        guard isDirectory.boolValue else { return path }
        let base = URL(fileURLWithPath: path)
        let files = try FileManager.default.contentsOfDirectory(
            at: base, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey]
        )
        .filter { extensions.contains($0.pathExtension.lowercased()) && !$0.lastPathComponent.hasPrefix(".") }
        .compactMap { url -> (URL, Date)? in
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            guard values?.isRegularFile == true else { return nil }
            return (url, values?.contentModificationDate ?? .distantPast)
        }
        guard let newest = files.max(by: { ($0.1, $0.0.lastPathComponent) < ($1.1, $1.0.lastPathComponent) }) else {
            throw CommandFailure("no export (\(extensions.sorted().joined(separator: ", "))) in \(path)")
        }
        return newest.0.path
    }

    static func sha256(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("cannot read \(path)") }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func run(path: String, options: ImportOptions, force: Bool, on db: any Database) async throws -> Outcome {
        let file = try resolve(path)
        var outcome = Outcome(file: file, sha256: try sha256(of: file))
        if !force,
            let last = try await CatalogSync.query(on: db).filter(\.$sha256 == outcome.sha256).filter(\.$outcome != "failed")
                .sort(\.$startedAt, .descending).first()
        {
            outcome.appliedAt = last.finishedAt ?? last.startedAt
            return outcome
        }
        let record = CatalogSync()
        record.startedAt = Date()
        record.fileName = URL(fileURLWithPath: file).lastPathComponent
        record.sha256 = outcome.sha256
        record.outcome = "failed"
        record.summary = ""
        record.report = ""
        try await record.create(on: db)
        let run = record.id!.uuidString
        if let rows = HoldingsFile.rows(path: file, options: options) {
            outcome.summary = try await HoldingsFile.apply(rows, run: run, on: db)
        } else {
            outcome.summary = try await CatalogImport.run(path: file, options: options, run: run, on: db)
        }
        // An export that gave nothing at all (empty, or not an export) withdraws nothing: it says
        // nothing about which copies the system still has.
        let s = outcome.summary
        let readNothing = s.imported + s.updated == 0 && s.copies.seen == 0 && s.copies.added == 0 && s.copies.unmatched.isEmpty
        if !readNothing {
            outcome.held = try await Withdrawal.apply(run: run, after: outcome.summary, force: force, into: &outcome.summary.copies, on: db)
        }
        outcome.readNothing = readNothing
        let report = SyncReport(outcome.summary, held: outcome.held)
        outcome.report = report
        record.finishedAt = Date()
        let failed = outcome.summary.fatal != nil || readNothing
        record.outcome = failed ? "failed" : outcome.held == nil ? "done" : "held"
        record.summary = report.headline
        record.report = report.json
        try await record.save(on: db)
        return outcome
    }
}
