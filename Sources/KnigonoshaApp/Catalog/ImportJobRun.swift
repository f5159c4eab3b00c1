import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import ServiceLifecycle
import Vapor

/// Why a run stopped before the end of its file.
enum JobInterruption: Error {
    /// The job is no longer this run's: it was cancelled, or taken over after its lease ran out.
    case lost
    /// The service is shutting down: the job goes back to the queue for the next runner.
    case shuttingDown
}

/// One run of one job. The run owns the job while its row says `running` with the run's attempt
/// number; every write of the run is conditional on that, so a runner whose lease ran out (a
/// stalled instance) can never overwrite the work of the runner that took the job over, and a
/// cancelled job is never marked done.
struct ImportJobRun: Sendable {
    let job: ImportJob
    let attempt: Int
    let app: Application
    /// How often the lease is renewed while the run is busy (writing a batch, merging the index).
    var beat: Duration = .seconds(10)

    var jobID: UUID { job.id! }

    private func owned(_ update: SQLUpdateBuilder) -> SQLUpdateBuilder {
        update.where("id", .equal, jobID).where("status", .equal, ImportStatus.running.rawValue).where("attempts", .equal, attempt)
    }

    /// Renews the lease, writing the counts so far when given; false when the job is not ours.
    private func renew(on db: any Database, bytes: Int? = nil, summary: ImportSummary? = nil) async throws -> Bool {
        let sql = try db.sql
        var update = sql.update(ImportJob.schema).set("heartbeat_at", to: Date())
        if let bytes, let summary {
            update = update.set("processed_bytes", to: bytes).set("imported", to: summary.imported).set("updated", to: summary.updated)
                .set("skipped", to: summary.skipped)
        }
        return try await !owned(update).returning("id").all().isEmpty
    }

    func run() async {
        do {
            let summary = try await importFile()
            // The last write meets other writers on SQLite now and then: run again, never failed.
            try await BusyRetry.run { [self] in try await finish(summary) }
            removeUpload()
        } catch JobInterruption.lost {
            // Cancelled: nobody else will run it, so its upload goes. Taken over: the new runner
            // owns the upload and finishes the job.
            let now = try? await ImportJob.find(jobID, on: app.db)
            if now?.status == ImportStatus.cancelled.rawValue { removeUpload() }
        } catch JobInterruption.shuttingDown {
            await release()
        } catch {
            // The type only: a message could quote the file, which may hold personal data.
            app.logger.error("import job failed", metadata: ["job": "\(jobID)", "type": "\(type(of: error))"])
            // Best effort, like the update itself: the database spoke SQL at start (`db.sql`).
            guard let sql = try? app.db.sql else { return }
            let failed = try? await owned(
                sql.update(ImportJob.schema).set("status", to: ImportStatus.failed.rawValue).set("message", to: "import.failed_error")
                    .set("finished_at", to: Date())
            ).returning("id").all()
            if failed?.isEmpty == false { removeUpload() }
        }
    }

    /// Imports the file while a heartbeat renews the lease; progress writes check ownership too.
    private func importFile() async throws -> ImportSummary {
        let lost = NIOLockedValueBox(false)
        return try await withThrowingTaskGroup(of: ImportSummary?.self) { group in
            group.addTask { [self] in
                while true {
                    do { try await Task.sleep(for: beat) } catch { return nil }
                    // A failed renewal (the database busy for a moment) is tried again next beat:
                    // the lease is twelve beats long.
                    if (try? await renew(on: app.db)) == false {
                        lost.withLockedValue { $0 = true }
                        return nil
                    }
                }
            }
            group.addTask { [self] in
                var last = Date.distantPast
                return try await CatalogImport.run(path: job.storedPath, options: ImportOptions(serialized: job.options), on: app.db) {
                    bytes, s in
                    if lost.withLockedValue({ $0 }) {
                        await countCancelled(bytes: bytes, summary: s)
                        throw JobInterruption.lost
                    }
                    if Task.isShuttingDownGracefully { throw JobInterruption.shuttingDown }
                    guard Date().timeIntervalSince(last) > 0.5 else { return }
                    last = Date()
                    guard try await renew(on: app.db, bytes: bytes, summary: s) else {
                        await countCancelled(bytes: bytes, summary: s)
                        throw JobInterruption.lost
                    }
                }
            }
            while let result = try await group.next() {
                if let summary = result {
                    group.cancelAll()
                    return summary
                }
            }
            throw JobInterruption.lost
        }
    }

    /// Records the outcome and the skipped and repaired records, all or nothing, and only while
    /// the job is still this run's.
    private func finish(_ summary: ImportSummary) async throws {
        try await app.db.transaction { db in
            let sql = try db.sql
            let nothing = summary.imported + summary.updated == 0
            // Records without a single copy cannot be delivered: a library that imported its
            // catalogue without holdings must hear it here, not when selections come back empty.
            let noCopies = !nothing && summary.holdings == 0 ? "import.no_copies" : nil
            let message = summary.fatal.map { "import.unreadable: " + $0 } ?? (nothing ? "import.nothing_imported" : noCopies)
            let done = try await owned(
                sql.update(ImportJob.schema).set("status", to: (nothing ? ImportStatus.failed : ImportStatus.done).rawValue)
                    .set("processed_bytes", to: job.totalBytes).set("imported", to: summary.imported).set("updated", to: summary.updated)
                    .set("skipped", to: summary.skipped).set("message", to: message).set("finished_at", to: Date())
            ).returning("id").all()
            guard !done.isEmpty else {
                await countCancelled(bytes: job.totalBytes, summary: summary)
                throw JobInterruption.lost
            }
            for chunk in summary.issues.chunked(200) {
                try await chunk.map { ImportIssue(jobID: jobID, recordNumber: $0.number, reason: $0.reason, code: $0.code) }.create(on: db)
            }
            // Repairs, up to a thousand: enough to find the pattern in a library's file.
            for chunk in Array(summary.repaired.prefix(1000)).chunked(200) {
                try await chunk.map {
                    ImportIssue(
                        jobID: jobID, recordNumber: $0.number, reason: WarningLine.encode($0.details), code: $0.codes.joined(separator: ","),
                        kind: "repaired")
                }.create(on: db)
            }
            // Copies in conflict or changed by the export, conflicts first, up to a thousand.
            let copies = SyncReport(summary, held: nil).entries.filter { $0.kind != .skipped }.prefix(1000)
            for chunk in Array(copies).chunked(200) {
                try await chunk.map {
                    ImportIssue(
                        jobID: jobID, recordNumber: 0, reason: $0.copy, code: [$0.kind.rawValue, $0.from ?? "", $0.to ?? ""].joined(separator: "|"),
                        kind: ImportIssue.copyKind)
                }.create(on: db)
            }
        }
    }

    /// Puts the job back in the queue when the service stops, so that the next runner (this
    /// instance restarted, or another) takes it up at once instead of after the lease. The
    /// attempt is not counted: the run did not fail. Records already written are matched again.
    private func release() async {
        guard let sql = try? app.db.sql else { return }
        _ = try? await owned(
            sql.update(ImportJob.schema).set("status", to: ImportStatus.queued.rawValue).set("heartbeat_at", to: SQLLiteral.null)
                .set("attempts", to: attempt - 1)
        ).run()
    }

    /// A cancelled job's page says how many records its run wrote before it stopped (every
    /// batch is whole, and what was written stays in the catalogue). Only when the cancellation
    /// came during this run; a job taken over by another runner keeps that runner's counts.
    private func countCancelled(bytes: Int, summary: ImportSummary) async {
        guard let sql = try? app.db.sql else { return }
        _ = try? await sql.update(ImportJob.schema).set("processed_bytes", to: bytes).set("imported", to: summary.imported)
            .set("updated", to: summary.updated).set("skipped", to: summary.skipped)
            .where("id", .equal, jobID).where("status", .equal, ImportStatus.cancelled.rawValue).where("attempts", .equal, attempt).run()
    }

    private func removeUpload() { try? FileManager.default.removeItem(atPath: job.storedPath) }
}
