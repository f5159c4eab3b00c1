import Fluent
import Foundation
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §3 on the pages: an upload's report lists the copies whose status the export
/// changed and the conflicts; each sync is listed on the import page with its report, in the
/// interface's language, every value escaped.
@Suite struct CatalogSyncWebTests {
    static let hostile = #"X"><script>alert(1)</script>"#

    @Test(arguments: TestDatabase.all)
    func test_the_upload_report_lists_changed_copies_and_conflicts(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            app.config.uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-up-\(UUID())").path
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            func upload(_ records: [MARCRecord]) async throws -> String {
                let path = try CatalogFixtures.xmlFile(records)
                defer { try? FileManager.default.removeItem(atPath: path) }
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
                let res = try await web.upload(
                    "/catalog/import", fields: [("syntax", ""), ("flavor", ""), ("encoding", "")], file: ("file", "export.xml", bytes))
                #expect(res.status == .seeOther)
                #expect(try await ImportJobs.runNext(app))
                return try #require(res.headers.first(name: .location))
            }
            let first = try await web.get(
                try await upload([CatalogSyncTests.record("a1", "Абай жолы", [CatalogSyncTests.item("A-1"), CatalogSyncTests.item(Self.hostile)])]))
            // A first import adds copies: nothing to decide.
            #expect(!first.text.contains("Экземпляры по выгрузке АБИС"))
            // A-1 is reserved here; the next export says both copies went out in the library.
            let copy = try #require(try await Copy.query(on: app.db).filter(\.$inventoryNumber == "A-1").first())
            copy.status = "reserved"
            try await copy.save(on: app.db)
            let second = try await web.get(
                try await upload([
                    CatalogSyncTests.record(
                        "a1", "Абай жолы", [CatalogSyncTests.item("A-1", due: "2026-12-24"), CatalogSyncTests.item(Self.hostile, due: "2026-12-24")])
                ]))
            #expect(second.text.contains("2 экземпляра изменены или требуют решения"))
            #expect(second.text.contains("Конфликт: здесь «Отложен для визита», в АБИС «Выдан». Оставлен как есть, решите вручную."))
            #expect(second.text.contains("Статус изменён: «Доступен» → «Выдан»"))
            #expect(!second.text.contains("<script>alert(1)"))
            #expect(second.text.contains("X&quot;&gt;&lt;script&gt;") || second.text.contains("X\"&gt;&lt;script&gt;"))
            #expect(try await ImportIssue.query(on: app.db).filter(\.$kind == "copy").count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_each_sync_is_listed_with_its_report(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let one = try CatalogFixtures.xmlFile([
                CatalogSyncTests.record("a1", "Абай жолы", [CatalogSyncTests.item("A-1"), CatalogSyncTests.item(Self.hostile)])
            ])
            let two = try CatalogFixtures.xmlFile([CatalogSyncTests.record("a1", "Абай жолы", [CatalogSyncTests.item("A-1", due: "2026-12-24")])])
            defer { for p in [one, two] { try? FileManager.default.removeItem(atPath: p) } }
            _ = try await CatalogSyncRun.run(path: one, options: ImportOptions(), force: false, on: app.db)
            _ = try await CatalogSyncRun.run(path: two, options: ImportOptions(), force: false, on: app.db)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get("/catalog/import")
            #expect(page.text.contains("Синхронизация с АБИС"))
            let syncs = try await CatalogSync.query(on: app.db).sort(\.$startedAt).all()
            #expect(syncs.count == 2)
            let latest = try #require(syncs.last?.id)
            #expect(page.text.contains(SiteRoute.catalogSync(latest).path))
            let report = try await web.get(SiteRoute.catalogSync(latest).path)
            #expect(report.status == .ok)
            #expect(report.text.contains("Экземпляры: новых 0, изменено 1, списано 1, конфликтов 0"))
            #expect(report.text.contains("Статус изменён: «Доступен» → «Выдан»"))
            #expect(report.text.contains("Списан: экземпляра больше нет в выгрузке АБИС"))
            #expect(!report.text.contains("<script>alert(1)"))
            try await web.post("/preferences/language", [("lang", "kk"), ("return_to", "/catalog/import")])
            let kk = try await web.get(SiteRoute.catalogSync(latest).path)
            #expect(kk.text.contains("Мәртебе өзгерді: «Қолжетімді» → «Берілген»"))
            // A carrier has no business here.
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            #expect(try await carrier.get(SiteRoute.catalogSync(latest).path).status == .forbidden)
            #expect(try await web.get("/catalog/syncs/\(UUID())").status == .notFound)

            // The same runs and report through the API, newest first.
            let tester = try app.testing()
            let staff: HTTPHeaders = ["Authorization": "Bearer \(try await Seed.token(app, for: seed.coordinator))"]
            let list = try await tester.sendRequest(.GET, "/api/v1/catalog/syncs", headers: staff)
            #expect(list.status == .ok)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let runs = try decoder.decode(CatalogSyncAPI.SyncList.self, from: list.body)
            #expect(runs.items.map(\.id) == [latest, syncs[0].id!])
            #expect(runs.items.allSatisfy { $0.entries == nil && $0.outcome == "done" })
            #expect(runs.items[0].counts?.changed == 1 && runs.items[0].counts?.withdrawn == 1 && runs.items[0].counts?.conflicts == 0)
            let single = try await tester.sendRequest(.GET, "/api/v1/catalog/syncs/\(latest)", headers: staff)
            let run = try decoder.decode(CatalogSyncAPI.SyncDTO.self, from: single.body)
            #expect(run.entries?.map(\.kind) == [.changed, .withdrawn])
            #expect(run.entries?.map(\.copy) == ["A-1", Self.hostile])
            let carrierToken: HTTPHeaders = ["Authorization": "Bearer \(try await Seed.token(app, for: seed.carrier))"]
            #expect(try await tester.sendRequest(.GET, "/api/v1/catalog/syncs", headers: carrierToken).status == .forbidden)
            #expect(try await tester.sendRequest(.GET, "/api/v1/catalog/syncs/\(UUID())", headers: staff).status == .notFound)
        }
    }
}
