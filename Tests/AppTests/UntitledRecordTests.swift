import Fluent
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §2: a record with no title anywhere is skipped with its reason, never stored as «—»;
/// two such records are never merged on year and author; a title taken from another field is
/// kept and said in the report.
@Suite struct UntitledRecordTests {
    /// A record without 001 (so it is matched by title, year and author), with only the fields given.
    private func record(_ fields: [MARCField]) -> MARCRecord {
        MARCRecord(
            leader: "00000nam a2200000 i 4500",
            fields: [
                MARCField(tag: "008", value: "240101s2001    ru            000 0 rus d"),
                MARCField(tag: "100", indicator1: "1", indicator2: " ", subfields: [MARCSubfield("a", "Абай")]),
            ] + fields)
    }

    @Test(arguments: TestDatabase.all)
    func test_untitled_records_are_skipped_and_never_merged(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let notes = MARCField(tag: "500", indicator1: " ", indicator2: " ", subfields: [MARCSubfield("a", "Без заглавия")])
            let other = MARCField(tag: "500", indicator1: " ", indicator2: " ", subfields: [MARCSubfield("a", "Другая запись")])
            let fromK = MARCField(tag: "245", indicator1: "0", indicator2: "0", subfields: [MARCSubfield("k", "Письма и записки")])
            let path = try CatalogFixtures.xmlFile([record([notes]), record([other]), record([fromK])])
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(summary.imported == 1)
            #expect(summary.skipped == 2)
            #expect(summary.issues.map(\.number) == [1, 2])
            #expect(summary.issues.allSatisfy { $0.code == "no_title" })
            // The one with a title in 245 $k is kept under it, and the report says where it came from.
            let titles = try await BibRecord.query(on: app.db).all().map(\.title)
            #expect(titles == ["Письма и записки"])
            #expect(summary.repaired.first { $0.number == 3 }?.codes.contains("title_fallback") == true)
            #expect(try await BibRecord.query(on: app.db).filter(\.$title == "—").count() == 0)
        }
    }
}
