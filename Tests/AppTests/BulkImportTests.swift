import Fluent
import Foundation
import MARCKit
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// The bulk path of an import (PostgreSQL: `COPY` into a staged table, then one UPDATE … FROM and
/// one INSERT … SELECT; SQLite: multi-row inserts). Values that the COPY text format must escape
/// arrive whole, a re-import rewrites both the record and its search index, and ids stay.
@Suite struct BulkImportTests {
    /// Titles holding what COPY's text format gives meaning to: a backslash, `\N` (its NULL), a
    /// tab, a newline, a carriage return, and an HTML attribute breaker for good measure.
    static let hostile = ["Back\\slash", "\\N", "Tab\there", "Line\nbreak", "Carriage\rreturn", "\"><img src=x onerror=alert(1)>"]

    @Test(arguments: TestDatabase.all)
    func test_values_copy_escapes_arrive_whole(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            var records = Self.hostile.enumerated().map { i, title in
                CatalogFixtures.record("h\(i)", title: "Запись \(i) \(title)", summary: "Сводка \\ \(i)\twith\ttabs", author: "Автор\\\(i)")
            }
            records.append(CatalogFixtures.record("plain", title: "Простая запись", subject: "Степь"))
            // ISO 2709, not MARCXML: an XML parser would turn the carriage return into a newline.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-\(UUID()).mrc").path
            try Data(records.flatMap(ISO2709Writer.encode)).write(to: URL(fileURLWithPath: path))
            let summary = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(summary.imported == 7)
            #expect(summary.skipped == 0)
            #expect(summary.retriedBatches == 0)
            let stored = try await BibRecord.query(on: app.db).all()
            #expect(stored.count == 7)
            for (i, title) in Self.hostile.enumerated() {
                let record = try #require(stored.first { $0.matchKey == "ctl:TEST:h\(i)" })
                #expect(record.title == "Запись \(i) \(title)")
                #expect(record.summary == "Сводка \\ \(i)\twith\ttabs")
                // The stored MARC is the record itself, byte for byte (bytea in hex through COPY).
                guard case .record(_, let marc, _) = try #require(ISO2709Reader(bytes: Array(record.marc)).next()) else {
                    Issue.record("the stored MARC of record \(i) does not read back")
                    continue
                }
                #expect(marc.first("245", "a") == "Запись \(i) \(title)")
            }
            // Nullable fields stay NULL rather than becoming the text "\N" or "".
            let plain = try #require(stored.first { $0.matchKey == "ctl:TEST:plain" })
            #expect(plain.summary == nil)
            #expect(plain.edition == nil)
            #expect(plain.year == nil)
            #expect(try await CatalogSearch.run(CatalogQuery(q: "степь"), on: app.db).records.map(\.title) == ["Простая запись"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_reimport_rewrites_record_and_index_and_keeps_ids(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let first = (1...30).map { CatalogFixtures.record("r\($0)", title: "Ковыль \($0)", subject: "Степь") }
            _ = try await CatalogImport.run(path: try CatalogFixtures.xmlFile(first), options: ImportOptions(), on: app.db)
            let ids = Dictionary(uniqueKeysWithValues: try await BibRecord.query(on: app.db).all().map { ($0.matchKey, $0.id!) })
            // The second file changes five titles and subjects and adds three records.
            let second =
                (1...30).map {
                    $0 <= 5
                        ? CatalogFixtures.record("r\($0)", title: "Жусан \($0)", subject: "Горы")
                        : CatalogFixtures.record("r\($0)", title: "Ковыль \($0)", subject: "Степь")
                } + (31...33).map { CatalogFixtures.record("r\($0)", title: "Ковыль \($0)", subject: "Степь") }
            let summary = try await CatalogImport.run(path: try CatalogFixtures.xmlFile(second), options: ImportOptions(), on: app.db)
            #expect(summary.imported == 3)
            #expect(summary.updated == 30)
            let after = try await BibRecord.query(on: app.db).all()
            #expect(after.count == 33)
            for record in after where ids[record.matchKey] != nil { #expect(record.id == ids[record.matchKey]) }
            func titles(_ q: String) async throws -> [String] {
                try await CatalogSearch.run(CatalogQuery(q: q, per_page: 100), on: app.db).records.map(\.title).sorted()
            }
            #expect(try await titles("жусан") == (1...5).map { "Жусан \($0)" }.sorted())
            #expect(try await titles("горы").count == 5)
            // The old words are gone from the index of the changed records.
            #expect(try await titles("степь").count == 28)
            #expect(try await titles("ковыль").count == 28)
        }
    }
}
