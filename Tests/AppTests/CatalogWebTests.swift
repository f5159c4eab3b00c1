import Fluent
import Foundation
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct CatalogWebTests {
    @Test(arguments: TestDatabase.all)
    func test_search_page_and_record_page(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let web = try await CatalogFixtures.signedIn(app, as: "coord@test.kz")
            let page = try await web.get("/catalog?q=%D0%BA%D0%BD%D0%B8%D0%B3%D0%B0%D1%85")  // книгах
            #expect(page.status == .ok)
            #expect(page.text.contains(#"name="q""#))
            #expect(page.text.contains("Найдена 1 запись"))
            #expect(page.text.contains("Путь Абая Книга 1"))
            let abai = try #require(try await BibRecord.query(on: app.db).filter(\.$title == "Путь Абая Книга 1").first())
            let record = try await web.get("/catalog/\(abai.id!)")
            #expect(record.text.contains("INV-1251-1"))
            #expect(record.text.contains("Өскемен"))
            #expect(record.text.contains("Доступен"))
            #expect(try await web.get("/catalog/999999").status == .notFound)
            // Contributor roles in the reader's language, whatever the record calls them.
            let christie = try #require(try await BibRecord.query(on: app.db).filter(\.$title == "The murder of Roger Ackroyd").first())
            let roles = try await web.get("/catalog/\(christie.id!)").text
            #expect(roles.contains("Christie, Agatha (автор)"))
            #expect(!roles.contains("(author)"))
            #expect(try await web.get("/catalog?year_from=abc&format=vinyl").status == .ok)
        }
    }

    /// Issue 12, finding 1: the search form submitted as a browser submits it, every field
    /// included, empty ones too. The words must filter: one title, and none of the others.
    @Test(arguments: TestDatabase.all)
    func test_the_search_form_as_a_browser_sends_it_filters_by_its_words(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let web = try await CatalogFixtures.signedIn(app, as: "coord@test.kz")
            let form = try #require(HTMLScan.tags(try await web.get("/catalog").text).first { $0.name == "form" && $0.attribute("role") == "search" })
            #expect(form.attribute("method") ?? "get" == "get")
            let html = try await web.get("/catalog").text
            // Every named field of the search form, with its default (empty) value, and the words.
            let names = HTMLScan.fieldNames(html).filter { !["_csrf", "return_to", "size", "lang"].contains($0) }
            #expect(names.contains("year_from") && names.contains("year_to"), "\(names)")
            let query = Set(names).sorted().map { $0 == "q" ? "q=%D0%BA%D0%BD%D0%B8%D0%B3%D0%B0%D1%85" : "\($0)=" }.joined(separator: "&")
            let page = try await web.get("/catalog?" + query).text
            let titles = HTMLScan.tags(page).filter { $0.name == "a" && ($0.attribute("href") ?? "").hasPrefix("/catalog/") }.count
            #expect(page.contains("Найдена 1 запись"), "\(query)")
            #expect(page.contains("Путь Абая Книга 1"))
            for absent in ["Қара сөздер", "The murder of Roger Ackroyd", "Өлеңдер мен поэмалар"] { #expect(!page.contains(absent)) }
            #expect(titles >= 1)
            // A year that cannot be read is dropped alone: the words still filter.
            let bad = try await web.get("/catalog?q=%D0%BA%D0%BD%D0%B8%D0%B3%D0%B0%D1%85&year_from=abc&year_to=").text
            #expect(bad.contains("Найдена 1 запись"))
            #expect(!bad.contains("Қара сөздер"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_upload_runs_as_a_background_job_with_a_report(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("kn-up-\(UUID())").path
            app.config.uploadDirectory = uploads
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let empty = try await web.upload("/catalog/import", fields: [], file: ("file", "", []))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Выберите файл для импорта."))
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: CatalogFixtures.path("bad-records.mrc"))))
            let res = try await web.upload("/catalog/import", fields: [("syntax", "")], file: ("file", "bad-records.mrc", bytes))
            #expect(res.status == .seeOther)
            let location = try #require(res.headers.first(name: .location))
            #expect(try await ImportJob.query(on: app.db).first()?.status == "queued")
            #expect(try await ImportJobs.runNext(app))
            let job = try #require(try await ImportJob.query(on: app.db).first())
            #expect(job.status == "done")
            #expect(job.imported == 5)
            #expect(job.skipped == 1)
            let report = try await web.get(location)
            #expect(report.text.contains("Завершён"))
            #expect(report.text.contains("Пропущена 1 запись"))
            #expect(!report.text.contains("Пропущено 4"))
            // The reason in the reader's language, the technical detail beside it; and the repairs.
            #expect(report.text.contains("Запись обрывается: файл кончается раньше, чем она"))
            #expect(report.text.contains("truncated record"))
            #expect(report.text.contains("Исправлено при чтении: 3 записи"))
            for repair in ["длина записи исправлена", "статья справочника прочитана по разделителям", "неверный индикатор заменён пробелом"] {
                #expect(report.text.contains(repair), "\(repair)")
            }
            let repaired = try await ImportIssue.query(on: app.db).filter(\.$kind == "repaired").sort(\.$recordNumber).all()
            #expect(repaired.map(\.recordNumber) == [2, 3, 4])
            // Each repair on its own line: the field, what was found and what was done (issue 14, §1).
            let lines = repaired.flatMap { WarningLine.decode($0.reason) }
            #expect(lines.contains { $0.kind == "invalid_indicator" && $0.action == "replaced_with_blank" && $0.tag != nil })
            let indicator = try #require(lines.first { $0.kind == "invalid_indicator" })
            #expect(report.text.contains(indicator.place + ": неверный индикатор заменён пробелом"))
            #expect(report.text.contains(" — заменено пробелом"))
            for action in MARCWarning.Action.allCases {
                #expect(app.l10n.has("marc_action." + action.rawValue), "\(action)")
            }
            let status = try await web.get(location + "/status")
            #expect(status.text.contains(#""percent":100"#))
            #expect(!FileManager.default.fileExists(atPath: job.storedPath))
            // The file held no copies: the job says there is nothing to deliver (issue 12, item 11).
            #expect(job.message == "import.no_copies")
            #expect(report.text.contains(#"<p class="warning-box">Записи импортированы, но в файле нет ни одного экземпляра"#))
            // A file with its copies (852) says nothing of the kind.
            let held = Array(try Data(contentsOf: URL(fileURLWithPath: CatalogFixtures.path("marc21-cp1251.mrc"))))
            let second = try await web.upload("/catalog/import", fields: [("syntax", "")], file: ("file", "marc21-cp1251.mrc", held))
            #expect(try await ImportJobs.runNext(app))
            let withCopies = try #require(try await ImportJob.query(on: app.db).filter(\.$fileName == "marc21-cp1251.mrc").first())
            #expect(withCopies.status == "done" && withCopies.imported == 1 && withCopies.message == nil)
            let page = try await web.get(try #require(second.headers.first(name: .location))).text
            #expect(!page.contains("нет ни одного экземпляра") && !page.contains("warning-box"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_catalog_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            app.config.uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-up-\(UUID())").path
            let token = try await Seed.token(app, for: seed.coordinator)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            let bytes = try Data(contentsOf: URL(fileURLWithPath: CatalogFixtures.path("collection.xml")))
            var jobURL = ""
            try await app.testing().test(.POST, "/api/v1/catalog/imports?name=collection.xml", headers: auth, body: ByteBuffer(data: bytes)) { res in
                #expect(res.status == .accepted)
                jobURL = res.headers.first(name: .location) ?? ""
            }
            try await ImportJobs.runNext(app)
            // A form posted where the file itself belongs is refused, naming the body, and queues nothing.
            let (formHeaders, formBody) = StreamedUploadTests.multipart([("syntax", "")], file: ("collection.xml", Array(bytes)))
            var headers = auth
            headers.add(contentsOf: formHeaders)
            try await app.testing().test(.POST, "/api/v1/catalog/imports?name=collection.xml", headers: headers, body: formBody) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains(#""body""#))
            }
            // Media types are case-insensitive, and any multipart body is a form.
            for type in [
                "Multipart/Form-Data; boundary=x", "multipart/mixed; boundary=x", "Application/JSON", "text/json", "application/problem+json",
            ] {
                var h = auth
                h.replaceOrAdd(name: .contentType, value: type)
                try await app.testing().test(.POST, "/api/v1/catalog/imports?name=x.mrc", headers: h, body: ByteBuffer(string: "--x--")) { res in
                    #expect(res.status == .unprocessableEntity)
                }
            }
            #expect(try await ImportJob.query(on: app.db).count() == 1)
            try await app.testing().test(.GET, jobURL, headers: auth) { res in
                let job = try res.content.decode(CatalogAPIController.JobDTO.self)
                #expect(job.status == "done")
                // The third record's invalid indicator is repaired by the reader, not skipped.
                #expect(job.imported == 3)
                #expect(job.issues?.map(\.record_number) == [])
                #expect(job.repairs?.map(\.record_number) == [3])
                #expect(job.repairs?.first?.kinds == ["invalid_indicator"])
            }
            try await app.testing().test(.GET, "/api/v1/catalog?q=roger&format=large_print", headers: auth) { res in
                let page = try res.content.decode(CatalogAPIController.BibPage.self)
                #expect(page.total == 1)
                #expect(page.items.first?.contributors.first?.name == "Christie, Agatha")
                #expect(page.items.first?.series == "Hercule Poirot mysteries")
            }
            try await app.testing().test(.GET, "/api/v1/catalog?year_from=2020&year_to=2010", headers: auth) { res in
                #expect(res.status == .unprocessableEntity)
                let body = try res.content.decode(APIErrorBody.self)
                #expect(body.fields?["year_to"] != nil)
            }
            try await app.testing().test(.GET, "/api/v1/catalog/export?ids=x1", headers: auth) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, "/api/v1/catalog/424242", headers: auth) { res in
                #expect(res.status == .notFound)
            }
        }
    }
}

@Suite struct CopyTests {
    @Test(arguments: TestDatabase.all)
    func test_copies_are_added_by_hand_with_checks(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await CatalogImport.run(
                path: try CatalogFixtures.xmlFile([CatalogFixtures.record("c1", title: "Без экземпляров")]), options: ImportOptions(), on: app.db
            )
            let bib = try #require(try await BibRecord.query(on: app.db).first())
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let missing = try await web.post("/catalog/\(bib.id!)/copies", [("inventory_number", ""), ("branch_id", seed.north.id!.uuidString)])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Инвентарный номер: Заполните это поле."))
            let other = try await web.post("/catalog/\(bib.id!)/copies", [("inventory_number", "H-1"), ("branch_id", seed.south.id!.uuidString)])
            #expect(other.status == .unprocessableEntity)
            let future = try await web.post(
                "/catalog/\(bib.id!)/copies", [("inventory_number", "H-1"), ("branch_id", seed.north.id!.uuidString), ("acquired_on", "2999-01-01")]
            )
            #expect(future.status == .unprocessableEntity)
            #expect(try await Copy.query(on: app.db).count() == 0)
            let ok = try await web.post(
                "/catalog/\(bib.id!)/copies", [("inventory_number", "H-1"), ("branch_id", seed.north.id!.uuidString), ("shelf_mark", "84(2)")]
            )
            #expect(ok.status == .seeOther)
            let duplicate = try await web.post("/catalog/\(bib.id!)/copies", [("inventory_number", "H-1"), ("branch_id", seed.north.id!.uuidString)])
            #expect(duplicate.text.contains("Экземпляр с таким инвентарным номером уже есть."))
            #expect(try await Copy.query(on: app.db).count() == 1)
            let token = try await Seed.token(app, for: seed.admin)
            try await app.testing().test(
                .POST, "/api/v1/catalog/\(bib.id!)/copies", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"inventory_number": "H-2", "branch_id": "\#(seed.south.id!.uuidString)"}"#)
            ) { res in
                #expect(res.status == .created)
            }
            #expect(try await Copy.query(on: app.db).count() == 2)
        }
    }
}
