import Fluent
import Foundation
import MARCKit
import SQLKit
import Stemming
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct CatalogImportTests {
    @Test(arguments: TestDatabase.all)
    func test_fixtures_import_with_copies_and_reimport_updates(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let branches = try await CatalogFixtures.branches(app)
            let first = try await CatalogFixtures.importAll(app)
            // collection.xml's third record has an invalid indicator: MARCKit repairs it, so it is
            // imported too (before the lenient reader it was skipped).
            #expect(first.imported == 6)
            #expect(first.skipped == 0)
            #expect(try await BibRecord.query(on: app.db).count() == 6)
            let abai = try #require(try await BibRecord.query(on: app.db).filter(\.$title == "Путь Абая Книга 1").first())
            #expect(abai.form == "large_print")
            #expect(abai.languageCodes == ["rus"])
            let copies = try await Copy.query(on: app.db).filter(\.$bib.$id == abai.id!).sort(\.$inventoryNumber).all()
            #expect(copies.map(\.inventoryNumber) == ["INV-1251-1", "INV-1251-2"])
            #expect(copies.map { $0.$branch.id } == [branches["SEM-C"]?.id, branches["UKG"]?.id])
            #expect(copies.allSatisfy { $0.status == "available" })
            // The same files again: every record is updated, none duplicated.
            let again = try await CatalogFixtures.importAll(app)
            #expect(again.imported == 0)
            #expect(again.updated == 6)
            #expect(try await BibRecord.query(on: app.db).count() == 6)
            #expect(try await Copy.query(on: app.db).count() == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_bad_records_are_reported_and_the_others_imported(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let summary = try await CatalogImport.run(path: CatalogFixtures.path("bad-records.mrc"), options: ImportOptions(), on: app.db)
            // MARCKit repairs records 2-4 (a wrong length, a broken directory entry, an invalid
            // indicator); only record 6, cut short by the end of the file, cannot be read.
            #expect(summary.imported == 5)
            #expect(summary.skipped == 1)
            #expect(summary.issues.map(\.number) == [6])
            #expect(summary.issues.first?.reason.hasPrefix("truncated record") == true)
            #expect(summary.line == "imported 5, updated 0, skipped 1")
            let titles = try await BibRecord.query(on: app.db).all().map(\.title).sorted()
            #expect(titles == ["x", "Вторая хорошая запись", "Неверный индикатор", "Первая хорошая запись", "Сломанный каталог"].sorted())
        }
    }

    /// Batches larger than one statement's bind limit are split, on both databases.
    @Test(arguments: TestDatabase.all)
    func test_large_batches_write_without_falling_back(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let records = (1...2600).map {
                CatalogFixtures.record("big\($0)", title: "Запись \($0)", subject: "Тема \($0 % 7)", author: "Автор \($0 % 13)")
            }
            let summary = try await CatalogImport.run(path: try CatalogFixtures.xmlFile(records), options: ImportOptions(), on: app.db)
            #expect(summary.imported == 2600)
            #expect(summary.retriedBatches == 0)
            #expect(try await BibRecord.query(on: app.db).count() == 2600)
            if db == .sqlite, let sql = app.db as? any SQLDatabase {
                // M041: the index gathers a whole statement's terms before writing a segment.
                let row = try await sql.raw("SELECT v FROM bib_fts_config WHERE k = 'hashsize'").first()
                #expect(try row?.decode(column: "v", as: Int.self) == 67_108_864)
                let term = try #require(SearchAnalyzer.queryStems("запись").first)
                let indexed = try await sql.raw("SELECT count(*) AS n FROM bib_fts WHERE bib_fts MATCH \(bind: "title:" + term)").first()
                #expect(try indexed?.decode(column: "n", as: Int.self) == 2600)
            }
        }
    }

    /// A batch the database refuses is written again record by record: the refused record is
    /// reported, the others land once each, and the refused one leaves nothing behind, not even
    /// in the search index. (The bulk insert stops at the first error instead of undoing itself.)
    @Test(arguments: TestDatabase.all)
    func test_a_refused_record_fails_its_batch_and_only_itself(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            if db == .sqlite {
                try await sql.raw(
                    "CREATE TRIGGER kn_refuse BEFORE INSERT ON bib_records WHEN NEW.title = 'Отказ' BEGIN SELECT RAISE(ABORT, 'refused'); END"
                ).run()
            } else {
                try await sql.raw(
                    """
                    CREATE FUNCTION kn_refuse() RETURNS trigger AS $$ BEGIN IF NEW.title = 'Отказ' THEN RAISE EXCEPTION 'refused'; \
                    END IF; RETURN NEW; END $$ LANGUAGE plpgsql
                    """
                ).run()
                try await sql.raw("CREATE TRIGGER kn_refuse BEFORE INSERT ON bib_records FOR EACH ROW EXECUTE FUNCTION kn_refuse()").run()
            }
            let titles = ["Первая", "Вторая", "Отказ", "Четвёртая"]
            let records = titles.enumerated().map { CatalogFixtures.record("r\($0.offset)", title: $0.element, subject: "Тема", author: "Автор") }
            let summary = try await CatalogImport.run(path: try CatalogFixtures.xmlFile(records), options: ImportOptions(), on: app.db)
            #expect(summary.imported == 3)
            #expect(summary.retriedBatches == 1)
            #expect(summary.issues.map(\.number) == [3])
            let stored = try await BibRecord.query(on: app.db).sort(\.$title).all().map(\.title)
            #expect(stored == ["Вторая", "Первая", "Четвёртая"])
            if db == .sqlite {
                let rows = try await sql.raw("SELECT count(*) AS n FROM bib_fts").first()
                #expect(try rows?.decode(column: "n", as: Int.self) == 3)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_unrecognised_file_imports_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-\(UUID()).txt").path
            try Data("this is not MARC at all\n".utf8).write(to: URL(fileURLWithPath: path))
            let summary = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(summary.imported + summary.updated == 0)
            #expect(summary.fatal != nil)
            #expect(try await BibRecord.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_export_reimports_to_the_same_records(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let web = try await CatalogFixtures.signedIn(app, as: "admin@test.kz")
            let original = try await BibRecord.query(on: app.db).sort(\.$id).all()
            for format in ["marc21", "marcxml"] {
                let res = try await web.get("/catalog/export?format=\(format)")
                #expect(res.status == .ok)
                var exported: [MARCRecord] = []
                if format == "marc21" {
                    for case .record(_, let r, _) in ISO2709Reader(bytes: Array(res.body.readableBytesView)) { exported.append(r) }
                } else {
                    MARCXMLReader(data: Data(buffer: res.body)).read { if case .record(_, let r, _) = $0 { exported.append(r) } }
                }
                #expect(exported.count == original.count)
                // Every exported record is the stored one, field for field.
                let stored = original.compactMap { bib in
                    ISO2709Reader(bytes: Array(bib.marc)).compactMap { if case .record(_, let r, _) = $0 { r } else { nil } }.first
                }
                #expect(Set(exported.map { $0.control("001") ?? "" }) == Set(stored.map { $0.control("001") ?? "" }))
                for r in exported {
                    let match = stored.first { $0.control("001") == r.control("001") }
                    #expect(match?.fields == r.fields)
                }
            }
            // Importing an export changes nothing but the update count.
            let res = try await web.get("/catalog/export?format=marc21")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-export-\(UUID()).mrc").path
            try Data(buffer: res.body).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let again = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(again.updated == original.count)
            #expect(again.imported == 0)
            let after = try await BibRecord.query(on: app.db).sort(\.$id).all()
            #expect(after.map(\.title) == original.map(\.title))
            #expect(after.map(\.marc) == original.map(\.marc))
        }
    }
}

@Suite struct CatalogCSVImportTests {
    @Test(arguments: TestDatabase.all)
    func test_csv_import_creates_records_copies_and_a_report(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let branches = try await CatalogFixtures.branches(app)
            let path = CatalogFixtures.path("../catalog.csv")
            let summary = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(summary.imported == 2)
            #expect(summary.skipped == 2)
            #expect(summary.issues.map(\.number) == [5, 6])
            let abai = try #require(try await BibRecord.query(on: app.db).filter(\.$title == "Абай жолы").first())
            let copies = try await Copy.query(on: app.db).filter(\.$bib.$id == abai.id!).sort(\.$inventoryNumber).all()
            #expect(copies.map { $0.$branch.id } == [branches["SEM-C"]!.id, branches["UKG"]!.id])
            #expect(try await CatalogSearch.run(CatalogQuery(q: "природе"), on: app.db).records.map(\.title) == ["Рассказы для детей"])
            let again = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(again.updated == 2)
            #expect(try await Copy.query(on: app.db).count() == 3)
        }
    }
}

/// A reader whose consumer goes away (an import job that failed midway) must end, not wait for a
/// free slot for ever with its records and the file held.
@Suite struct RecordSourceTests {
    @Test func test_reader_ends_when_its_consumer_goes_away() async throws {
        // More records than the hand-over buffer holds, so the reader is waiting when we leave.
        let count = RecordSource.capacity * RecordSource.batch * 2
        var bytes: [UInt8] = []
        for i in 0..<count { bytes += ISO2709Writer.encode(CatalogFixtures.record("s\(i)", title: "Запись \(i)")) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-\(UUID()).mrc").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var items: RecordSource.Items? = RecordSource.items(path: path, options: ImportOptions())
        let stop = try #require(items?.stop)
        let first = await items?.next()
        guard case .record(let record)? = first else {
            Issue.record("the first item is not a record")
            return
        }
        #expect(record.bib.title == "Запись 0")
        #expect(stop.waitForEnd(seconds: 0.2) == false)  // still reading, or waiting for room
        items = nil
        #expect(stop.waitForEnd(seconds: 20))
    }
}
