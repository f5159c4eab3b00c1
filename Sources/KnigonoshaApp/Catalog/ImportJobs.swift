import Fluent
import Foundation
import SQLKit
import Vapor

/// Runs queued imports in the background. A job is claimed with a conditional UPDATE, so when
/// several app instances share one database each job runs exactly once.
struct ImportJobRunner: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        guard app.environment != .testing else { return }
        let task = Task {
            while !Task.isCancelled {
                let worked = (try? await ImportJobs.runNext(app)) ?? false
                if !worked { try? await Task.sleep(for: .seconds(1)) }
            }
        }
        app.storage[RunnerTaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[RunnerTaskKey.self]?.cancel()
    }

    struct RunnerTaskKey: StorageKey { typealias Value = Task<Void, Never> }
}

enum ImportJobs {
    /// Queues the import of an upload already streamed to `path` (in the upload folder).
    static func enqueue(
        fileAt path: String, size: Int, fileName: String, options: ImportOptions, userID: UUID, on req: Request
    ) async throws -> ImportJob {
        let directory = uploadDirectory(req.application)
        let job = ImportJob()
        job.id = UUID()
        job.storedPath = directory + "/" + job.id!.uuidString.lowercased() + ".upload"
        try FileManager.default.moveItem(atPath: path, toPath: job.storedPath)
        job.$createdBy.id = userID
        job.fileName = fileName
        job.kind = options.syntax == .csv ? "csv" : "marc"
        job.options = options.serialized
        job.status = ImportStatus.queued.rawValue
        job.totalBytes = size
        job.processedBytes = 0
        job.imported = 0
        job.updated = 0
        job.skipped = 0
        job.attempts = 0
        do {
            try await job.create(on: req.db)
        } catch {
            // Nothing half-kept: no file without its job.
            try? FileManager.default.removeItem(atPath: job.storedPath)
            throw error
        }
        return job
    }

    /// Where uploads are kept until imported.
    static func uploadDirectory(_ app: Application) -> String { app.config.uploadDirectory }

    /// A running job renews its lease with each progress report; one not renewed for this long
    /// belongs to a runner that is gone.
    static let lease: TimeInterval = 120
    /// After this many runs that never finished, a job is given up rather than taken up forever.
    static let maxAttempts = 3

    /// Claims and runs the oldest job that is queued, or running under a lease that ran out;
    /// returns whether there was one. The claim is one conditional UPDATE on the job's status and
    /// attempt count, so when several app instances share one database each run is claimed once.
    @discardableResult
    static func runNext(_ app: Application, now: Date = Date()) async throws -> Bool {
        let stale = now.addingTimeInterval(-lease)
        guard
            let job = try await ImportJob.query(on: app.db).group(
                .or,
                { g in
                    g.filter(\.$status == ImportStatus.queued.rawValue)
                    g.group(.and) { $0.filter(\.$status == ImportStatus.running.rawValue).filter(\.$heartbeatAt < stale) }
                }
            ).sort(\.$createdAt).first(),
            let sql = app.db as? any SQLDatabase
        else { return false }
        // A job already tried too often, or whose file is gone, fails with its reason: never a loop.
        let reason: String? =
            job.attempts >= maxAttempts
            ? "import.failed_repeatedly" : FileManager.default.fileExists(atPath: job.storedPath) ? nil : "import.file_missing"
        var update = sql.update(ImportJob.schema)
        if let reason {
            update = update.set("status", to: ImportStatus.failed.rawValue).set("message", to: reason).set("finished_at", to: now)
        } else {
            update = update.set("status", to: ImportStatus.running.rawValue).set("started_at", to: now).set("heartbeat_at", to: now)
                .set("attempts", to: job.attempts + 1)
        }
        let claimed = try await update.where("id", .equal, job.id!).where("status", .equal, job.status).where("attempts", .equal, job.attempts)
            .returning("id").all()
        guard !claimed.isEmpty, reason == nil else { return true }
        try await run(job, app: app)
        return true
    }

    static func run(_ job: ImportJob, app: Application) async throws {
        let jobID = job.id!
        var last = Date.distantPast
        let summary: ImportSummary
        do {
            summary = try await CatalogImport.run(path: job.storedPath, options: ImportOptions(serialized: job.options), on: app.db) { bytes, s in
                guard Date().timeIntervalSince(last) > 0.5 else { return }
                last = Date()
                try await ImportJob.query(on: app.db).filter(\.$id == jobID).set(\.$processedBytes, to: bytes).set(\.$imported, to: s.imported)
                    .set(\.$updated, to: s.updated).set(\.$skipped, to: s.skipped).set(\.$heartbeatAt, to: Date()).update()
            }
        } catch {
            app.logger.error("import job failed", metadata: ["job": "\(jobID)", "type": "\(type(of: error))"])
            try await ImportJob.query(on: app.db).filter(\.$id == jobID).set(\.$status, to: ImportStatus.failed.rawValue)
                .set(\.$message, to: "import.failed_error").set(\.$finishedAt, to: Date()).update()
            return
        }
        try await app.db.transaction { db in
            for chunk in summary.issues.chunked(200) {
                try await chunk.map { ImportIssue(jobID: jobID, recordNumber: $0.number, reason: $0.reason, code: $0.code) }.create(on: db)
            }
            // Repairs, up to a thousand: enough to find the pattern in a library's file.
            for chunk in Array(summary.repaired.prefix(1000)).chunked(200) {
                try await chunk.map {
                    ImportIssue(jobID: jobID, recordNumber: $0.number, reason: "", code: $0.codes.joined(separator: ","), kind: "repaired")
                }.create(on: db)
            }
            let nothing = summary.imported + summary.updated == 0
            try await ImportJob.query(on: db).filter(\.$id == jobID)
                .set(\.$status, to: (nothing ? ImportStatus.failed : ImportStatus.done).rawValue)
                .set(\.$processedBytes, to: job.totalBytes).set(\.$imported, to: summary.imported).set(\.$updated, to: summary.updated)
                .set(\.$skipped, to: summary.skipped).set(
                    \.$message, to: summary.fatal.map { "import.unreadable: " + $0 } ?? (nothing ? "import.nothing_imported" : nil)
                )
                .set(\.$finishedAt, to: Date()).update()
        }
        try? FileManager.default.removeItem(atPath: job.storedPath)
    }
}
