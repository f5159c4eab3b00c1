import Fluent
import Foundation
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct CatalogSearchTests {
    private func titles(_ app: Application, _ q: CatalogQuery) async throws -> [String] {
        try await CatalogSearch.run(q, on: app.db).records.map(\.title)
    }

    @Test(arguments: TestDatabase.all)
    func test_inflected_and_prefix_queries(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await CatalogFixtures.branches(app)
            try await CatalogFixtures.importAll(app)
            #expect(try await titles(app, CatalogQuery(q: "книгах")) == ["Путь Абая Книга 1"])
            #expect(try await titles(app, CatalogQuery(q: "Абаем")).sorted() == ["Қара сөздер", "Өлеңдер мен поэмалар"])
            #expect(try await titles(app, CatalogQuery(q: "АБАЙ")).count == 2)
            #expect(try await titles(app, CatalogQuery(q: "кни")) == ["Путь Абая Книга 1"])
            #expect(try await titles(app, CatalogQuery(q: "murders")) == ["The murder of Roger Ackroyd"])
            // Cyrillic typed for a Latin name finds it (issue 14, §4): «лодз» is how Łódź is spelt in Russian.
            #expect(try await titles(app, CatalogQuery(q: "лодз")) == ["Żółta łódź i café na rogu"])
            #expect(try await titles(app, CatalogQuery(q: "łódź")) == ["Żółta łódź i café na rogu"])
            #expect(try await titles(app, CatalogQuery(q: "поэма")) == ["Өлеңдер мен поэмалар"])
            #expect(try await titles(app, CatalogQuery(q: "Ёлка")) == [])
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_filters(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let branches = try await CatalogFixtures.branches(app)
            try await CatalogFixtures.importAll(app)
            #expect(try await titles(app, CatalogQuery(format: "audiobook")) == ["Өлеңдер мен поэмалар"])
            #expect(try await titles(app, CatalogQuery(language: "kaz")) == ["Қара сөздер", "Өлеңдер мен поэмалар"])
            #expect(try await titles(app, CatalogQuery(year_from: 2012, year_to: 2015)) == ["Путь Абая Книга 1", "Қара сөздер"])
            #expect(try await titles(app, CatalogQuery(branch: branches["SEM-2"]!.id!.uuidString)) == ["Қара сөздер"])
            #expect(try await titles(app, CatalogQuery(q: "абай", format: "audiobook")) == ["Өлеңдер мен поэмалар"])
            // A copy on loan is not available at its branch.
            try await Copy.query(on: app.db).filter(\.$inventoryNumber == "INV-RU-1").set(\.$status, to: "on_loan").update()
            #expect(try await titles(app, CatalogQuery(branch: branches["SEM-2"]!.id!.uuidString)) == [])
            #expect(CatalogQuery(year_from: 2015, year_to: 2012).problems()["year_to"] == Message("validation.end_before_start"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_title_and_author_matches_rank_first(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let path = try CatalogFixtures.xmlFile([
                CatalogFixtures.record("r1", title: "Сказки народов мира", subject: "Семей — история"),
                CatalogFixtures.record("r2", title: "Путеводитель", summary: "Книга об истории Семея и его жителях"),
                CatalogFixtures.record("r3", title: "История Семея"),
                CatalogFixtures.record("r4", title: "Воспоминания", author: "Семеев, Иван"),
            ])
            _ = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            let history = try await titles(app, CatalogQuery(q: "истории"))
            #expect(history.first == "История Семея")
            #expect(Set(history) == ["История Семея", "Сказки народов мира", "Путеводитель"])
            #expect(history.last == "Путеводитель")
        }
    }

    /// Large result sets on SQLite are listed tier by tier without scoring every match.
    @Test func test_tiers_hold_for_large_result_sets_on_sqlite() async throws {
        try await withTestApp(.sqlite) { app in
            let path = try CatalogFixtures.xmlFile([
                CatalogFixtures.record("t1", title: "Сказки народов мира", subject: "Семей — история"),
                CatalogFixtures.record("t2", title: "Путеводитель", summary: "Книга об истории Семея"),
                CatalogFixtures.record("t3", title: "История Семея"),
                CatalogFixtures.record("t4", title: "Новая история края"),
            ])
            _ = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            let all = try await CatalogSearch.run(CatalogQuery(q: "истории"), on: app.db, rankedLimit: 1)
            #expect(all.total == 4)
            #expect(all.records.map(\.title) == ["История Семея", "Новая история края", "Сказки народов мира", "Путеводитель"])
            let second = try await CatalogSearch.run(CatalogQuery(q: "истории", page: 2, per_page: 3), on: app.db, rankedLimit: 1)
            #expect(second.records.map(\.title) == ["Путеводитель"])
            let filtered = try await CatalogSearch.run(CatalogQuery(q: "истории", year_from: 1900), on: app.db, rankedLimit: 1)
            #expect(filtered.total == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_pages_and_counts(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let records = (1...45).map { CatalogFixtures.record("p\($0)", title: "Книга номер \($0)") }
            _ = try await CatalogImport.run(path: try CatalogFixtures.xmlFile(records), options: ImportOptions(), on: app.db)
            let page3 = try await CatalogSearch.run(CatalogQuery(q: "книга", page: 3, per_page: 20), on: app.db)
            #expect(page3.total == 45)
            #expect(page3.records.count == 5)
            let all = try await CatalogSearch.run(CatalogQuery(per_page: 100), on: app.db)
            #expect(all.total == 45)
        }
    }
}
