import Fluent
import Foundation
import SQLKit
import Vapor

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
    /// (Six heartbeats: a restarted instance waits at most a minute for its own job.)
    static let lease: TimeInterval = 60
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
            ).sort(\.$createdAt).first()
        else { return false }
        let sql = try app.db.sql
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
        await ImportJobRun(job: job, attempt: job.attempts + 1, app: app).run()
        return true
    }

    /// Cancels a job that has not finished; returns it as it now is, or nil when there is no
    /// such job. A queued job's upload goes at once; a running one stops at its next progress
    /// report or heartbeat, and its runner removes the upload then (it is still reading it).
    /// Records imported before the cancellation stay: each batch was complete in itself.
    static func cancel(_ id: UUID, on db: any Database) async throws -> ImportJob? {
        let sql = try db.sql
        for from in [ImportStatus.queued, .running] {
            let hit = try await sql.update(ImportJob.schema).set("status", to: ImportStatus.cancelled.rawValue)
                .set("message", to: "import.cancelled").set("finished_at", to: Date())
                .where("id", .equal, id).where("status", .equal, from.rawValue).returning("stored_path").all()
            if let row = hit.first, from == .queued, let path = try? row.decode(column: "stored_path", as: String.self) {
                try? FileManager.default.removeItem(atPath: path)
            }
            if !hit.isEmpty { break }
        }
        return try await ImportJob.find(id, on: db)
    }

    /// Removes uploads that nobody will read again: those of jobs that ended more than a lease
    /// ago (a runner killed after cancelling or failing leaves its file behind), and files in the
    /// upload folder that belong to no job at all and are a day old (an upload cut off mid-way).
    static func sweepUploads(_ app: Application, now: Date = Date()) async throws {
        let directory = uploadDirectory(app)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory), !names.isEmpty else { return }
        let jobs = try await ImportJob.query(on: app.db).field(\.$id).field(\.$storedPath).field(\.$status).field(\.$finishedAt).all()
        let byPath = Dictionary(jobs.map { ($0.storedPath, $0) }, uniquingKeysWith: { a, _ in a })
        for name in names {
            let path = directory + "/" + name
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
            if let job = byPath[path] {
                guard ImportStatus(rawValue: job.status)?.isFinal == true, let ended = job.finishedAt, ended < now.addingTimeInterval(-lease)
                else { continue }
            } else if modified > now.addingTimeInterval(-86_400) {
                continue
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
