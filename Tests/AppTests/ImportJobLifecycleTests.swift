import Fluent
import Foundation
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 13, section 2: a cancelled import is recorded as cancelled and its upload kept until its
/// runner has let go of it; a runner that lost its job (cancelled, or taken over after its lease)
/// writes nothing more; two app instances on one database run each job once; a job left half-done
/// by a killed runner is finished without duplicates; the runner is a Service that stops
/// gracefully and hands its job back to the queue.
@Suite(.serialized) struct ImportJobLifecycleTests {
    private func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    /// Marks a queued job as taken by a runner, as `runNext` would, with the given heartbeat.
    private func claim(_ job: ImportJob, attempt: Int = 1, heartbeat: Date = Date(), on db: any Database) async throws {
        job.status = ImportStatus.running.rawValue
        job.attempts = attempt
        job.heartbeatAt = heartbeat
        try await job.save(on: db)
    }

    @Test(arguments: TestDatabase.all)
    func test_a_queued_import_is_cancelled_from_its_page(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 12)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get("/catalog/import/\(job.id!)").text
            #expect(page.contains("Отменить импорт"))
            let form = try #require(HTMLForm.find(in: page, action: "/catalog/import/\(job.id!.uuidString.lowercased())/cancel"))
            let res = try await web.post(form.action, form.fields.map { ($0.name, $0.value) }, csrf: false)
            #expect(res.status == .seeOther)
            let after = try await web.get("/catalog/import/\(job.id!)").text
            #expect(after.contains("Импорт отменён."))
            #expect(after.contains("Отменён"))
            #expect(!after.contains("Отменить импорт"))
            let stored = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(stored.status == "cancelled" && stored.message == "import.cancelled" && stored.finishedAt != nil)
            // Nobody will run it: its upload is gone, and the runner passes it by.
            #expect(!FileManager.default.fileExists(atPath: job.storedPath))
            #expect(try await ImportJobs.runNext(app) == false)
            #expect(try await BibRecord.query(on: app.db).count() == 0)
            // Cancelling again through the API is harmless: still cancelled, 200.
            let token = try await Seed.token(app, for: seed.coordinator)
            try await app.testing().test(.POST, "/api/v1/catalog/imports/\(job.id!)/cancel", headers: bearer(token)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"status\":\"cancelled\""))
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_running_import_stops_when_cancelled_and_its_upload_stays_until_then(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 20)
            try await claim(job, on: app.db)
            let token = try await Seed.token(app, for: seed.coordinator)
            try await app.testing().test(.POST, "/api/v1/catalog/imports/\(job.id!)/cancel", headers: bearer(token)) { res in
                #expect(res.status == .ok)
            }
            // The runner is still reading the file: it stays until the runner stops.
            #expect(FileManager.default.fileExists(atPath: job.storedPath))
            await ImportJobRun(job: job, attempt: 1, app: app).run()
            let stored = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(stored.status == "cancelled")
            #expect(stored.message == "import.cancelled")
            // What the page says was added is what the catalogue holds.
            #expect(stored.imported == (try await BibRecord.query(on: app.db).count()))
            #expect(try await ImportIssue.query(on: app.db).count() == 0)
            #expect(!FileManager.default.fileExists(atPath: job.storedPath))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_finished_import_cannot_be_cancelled(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 3)
            #expect(try await ImportJobs.runNext(app))
            let token = try await Seed.token(app, for: seed.coordinator)
            try await app.testing().test(
                .POST, "/api/v1/catalog/imports/\(job.id!)/cancel", headers: ["Authorization": "Bearer \(token)", "Accept-Language": "en"]
            ) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("already finished"))
            }
            try await app.testing().test(.POST, "/api/v1/catalog/imports/\(UUID())/cancel", headers: bearer(token)) { res in
                #expect(res.status == .notFound)
            }
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            // The page of a finished job has no cancel button; a stale page's button says why.
            #expect(!(try await web.get("/catalog/import/\(job.id!)").text.contains("Отменить импорт")))
            let res = try await web.post("/catalog/import/\(job.id!)/cancel", [])
            #expect(res.status == .seeOther)
            #expect(try await web.get("/catalog/import/\(job.id!)").text.contains("Импорт уже завершён"))
            let stored = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(stored.status == "done" && stored.imported == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_runner_whose_job_was_taken_over_writes_nothing_more(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 10)
            let copy = job.storedPath + ".first-runner"
            try FileManager.default.copyItem(atPath: job.storedPath, toPath: copy)
            // The first runner stalled past its lease; a second one takes the job and finishes it.
            try await claim(job, heartbeat: Date().addingTimeInterval(-ImportJobs.lease - 5), on: app.db)
            #expect(try await ImportJobs.runNext(app))
            let done = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(done.status == "done" && done.attempts == 2 && done.imported == 10)
            let finished = done.finishedAt
            // The first runner wakes up and runs to its end (on its own copy of the file): none of
            // its writes land, since the job is no longer its attempt.
            let stale = try #require(try await ImportJob.find(job.id, on: app.db))
            stale.storedPath = copy
            await ImportJobRun(job: stale, attempt: 1, app: app).run()
            let after = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(after.status == "done" && after.attempts == 2 && after.imported == 10 && after.updated == 0)
            #expect(after.finishedAt == finished)
            #expect(try await BibRecord.query(on: app.db).count() == 10)
            // It did not take the other runner's file either.
            #expect(FileManager.default.fileExists(atPath: copy))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_two_instances_on_one_database_run_each_job_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            var jobs: [ImportJob] = []
            for n in 0..<4 { jobs.append(try await ImportRunnerTests.queue(app, seed: seed, records: 8, prefix: "inst\(n)-")) }
            try await withSecondInstance(of: app) { other in
                async let a: Void = { while try await ImportJobs.runNext(app) {} }()
                async let b: Void = { while try await ImportJobs.runNext(other) {} }()
                _ = try await (a, b)
            }
            for job in jobs {
                let stored = try #require(try await ImportJob.find(job.id, on: app.db))
                #expect(stored.status == "done" && stored.attempts == 1, "\(stored.status) \(stored.message ?? "")")
            }
            let all = try await ImportJob.query(on: app.db).all()
            #expect(all.map(\.imported) == [8, 8, 8, 8])
            #expect(all.map(\.updated).reduce(0, +) == 0)
            #expect(try await BibRecord.query(on: app.db).count() == 32)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_job_half_done_by_a_killed_runner_is_finished_without_duplicates(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 30)
            // The killed runner got as far as the first twelve records of the same file.
            let first = (1...12).map { CatalogFixtures.record("run\($0)", title: "Запись \($0)", subject: "Тема", author: "Автор") }
            _ = try await CatalogImport.run(path: try CatalogFixtures.xmlFile(first), options: ImportOptions(), on: app.db)
            try await claim(job, heartbeat: Date().addingTimeInterval(-ImportJobs.lease - 1), on: app.db)
            #expect(try await ImportJobs.runNext(app))
            let done = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(done.status == "done" && done.attempts == 2)
            #expect(done.imported == 18 && done.updated == 12)
            #expect(try await BibRecord.query(on: app.db).count() == 30)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_graceful_shutdown_hands_the_running_job_back_to_the_queue(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 6)
            try await claim(job, on: app.db)
            await testGracefulShutdown { trigger in
                trigger.triggerGracefulShutdown()
                await ImportJobRun(job: job, attempt: 1, app: app).run()
            }
            let stored = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(stored.status == "queued" && stored.attempts == 0 && stored.heartbeatAt == nil)
            #expect(FileManager.default.fileExists(atPath: job.storedPath))
            // The next runner takes it up at once, without waiting out a lease.
            #expect(try await ImportJobs.runNext(app))
            #expect(try await ImportJob.find(job.id, on: app.db)?.status == "done")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_service_runs_queued_jobs_and_stops_on_shutdown(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await ImportRunnerTests.queue(app, seed: seed, records: 4)
            try await testGracefulShutdown { trigger in
                async let service: Void = ImportJobService(app: app, idle: .milliseconds(50)).run()
                for _ in 0..<200 where try await ImportJob.find(job.id, on: app.db)?.status != "done" {
                    try await Task.sleep(for: .milliseconds(50))
                }
                trigger.triggerGracefulShutdown()
                try await service
            }
            #expect(try await ImportJob.find(job.id, on: app.db)?.status == "done")
            #expect(try await BibRecord.query(on: app.db).count() == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_uploads_nobody_will_read_are_swept(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let dir = ImportJobs.uploadDirectory(app)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            func file(_ name: String, age: TimeInterval) throws -> String {
                let path = dir + "/" + name
                try Data("x".utf8).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
                return path
            }
            let now = Date()
            let ended = try await ImportRunnerTests.queue(app, seed: seed, records: 1)
            let running = try await ImportRunnerTests.queue(app, seed: seed, records: 1)
            ended.storedPath = try file("ended-\(UUID()).upload", age: 7200)
            ended.status = ImportStatus.cancelled.rawValue
            ended.finishedAt = now.addingTimeInterval(-ImportJobs.lease - 60)
            try await ended.save(on: app.db)
            running.storedPath = try file("running-\(UUID()).upload", age: 7200)
            try await claim(running, heartbeat: now, on: app.db)
            let orphan = try file("orphan-\(UUID()).part", age: 90_000)
            let arriving = try file("arriving-\(UUID()).part", age: 30)
            try await ImportJobs.sweepUploads(app, now: now)
            #expect(!FileManager.default.fileExists(atPath: ended.storedPath))
            #expect(!FileManager.default.fileExists(atPath: orphan))
            #expect(FileManager.default.fileExists(atPath: running.storedPath))
            #expect(FileManager.default.fileExists(atPath: arriving))
            for path in [running.storedPath, arriving] { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
