import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 13, section 2: a job is run once by one of several runners; a job left running by a
/// crashed instance is taken up again when its lease runs out, a few times at most; a job whose
/// file is gone fails with its reason, in the reader's language.
@Suite(.serialized) struct ImportRunnerTests {
    static func queue(_ app: Application, seed: Seed, records: Int, prefix: String = "run") async throws -> ImportJob {
        let built = (1...records).map { CatalogFixtures.record("\(prefix)\($0)", title: "Запись \($0)", subject: "Тема", author: "Автор") }
        let source = try CatalogFixtures.xmlFile(built)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kn-runner-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let job = ImportJob()
        job.id = UUID()
        job.storedPath = dir + "/job.upload"
        try FileManager.default.moveItem(atPath: source, toPath: job.storedPath)
        job.$createdBy.id = seed.coordinator.id!
        job.fileName = "run.xml"
        job.kind = "marc"
        job.options = ImportOptions().serialized
        job.status = ImportStatus.queued.rawValue
        job.totalBytes = 1
        job.processedBytes = 0
        job.imported = 0
        job.updated = 0
        job.skipped = 0
        job.attempts = 0
        try await job.create(on: app.db)
        return job
    }

    @Test(arguments: TestDatabase.all)
    func test_two_runners_run_a_job_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await Self.queue(app, seed: seed, records: 30)
            async let a = ImportJobs.runNext(app)
            async let b = ImportJobs.runNext(app)
            _ = try await (a, b)
            let done = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(done.status == "done")
            #expect(done.attempts == 1)
            #expect(done.imported == 30)
            #expect(try await BibRecord.query(on: app.db).count() == 30)
            #expect(try await ImportJobs.runNext(app) == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_job_whose_runner_died_is_taken_up_again(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let job = try await Self.queue(app, seed: seed, records: 5)
            // Another instance holds it, and is alive: its lease is fresh.
            job.status = ImportStatus.running.rawValue
            job.attempts = 1
            job.heartbeatAt = Date()
            try await job.save(on: app.db)
            #expect(try await ImportJobs.runNext(app) == false)
            // That instance crashed two minutes and more ago: the job is run again, to the end.
            #expect(try await ImportJobs.runNext(app, now: Date().addingTimeInterval(ImportJobs.lease + 5)))
            let done = try #require(try await ImportJob.find(job.id, on: app.db))
            #expect(done.status == "done" && done.attempts == 2 && done.imported == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_jobs_that_cannot_run_fail_with_their_reason_and_never_loop(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let gone = try await Self.queue(app, seed: seed, records: 1)
            try FileManager.default.removeItem(atPath: gone.storedPath)
            let tired = try await Self.queue(app, seed: seed, records: 1)
            tired.status = ImportStatus.running.rawValue
            tired.attempts = ImportJobs.maxAttempts
            tired.heartbeatAt = Date().addingTimeInterval(-3600)
            try await tired.save(on: app.db)
            while try await ImportJobs.runNext(app) {}
            #expect(try await ImportJob.find(gone.id, on: app.db)?.message == "import.file_missing")
            #expect(try await ImportJob.find(tired.id, on: app.db)?.message == "import.failed_repeatedly")
            #expect(try await ImportJob.query(on: app.db).filter(\.$status == "failed").count() == 2)
            #expect(try await BibRecord.query(on: app.db).count() == 0)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get("/catalog/import/\(gone.id!)").text
            #expect(page.contains("Загруженный файл пропал с сервера"))
            // A file that is not a catalogue: the reason in the reader's language, the detail beside it.
            let junk = try await Self.queue(app, seed: seed, records: 1)
            try Data("this is not MARC at all\n".utf8).write(to: URL(fileURLWithPath: junk.storedPath))
            #expect(try await ImportJobs.runNext(app))
            web.acceptLanguage = "kk"
            let kazakh = try await web.get("/catalog/import/\(junk.id!)").text
            #expect(kazakh.contains("Файлды каталог ретінде оқу мүмкін болмады"))
            #expect(try await ImportJob.find(junk.id, on: app.db)?.status == "failed")
        }
    }
}
