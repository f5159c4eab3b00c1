import Fluent
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §2: 880 fields (the description in its original script) are searchable and shown
/// beside the romanised form, and every series of a record is, not only the first.
@Suite struct AlternateScriptSearchTests {
    static func field(_ tag: String, _ subs: [(Unicode.Scalar, String)], _ i1: Unicode.Scalar = " ", _ i2: Unicode.Scalar = " ") -> MARCField {
        MARCField(tag: tag, indicator1: i1, indicator2: i2, subfields: subs.map { MARCSubfield($0.0, $0.1) })
    }

    @Test(arguments: TestDatabase.all)
    func test_original_script_and_every_series_are_found_and_shown(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let romanised = MARCRecord(
                leader: "00000nam a2200000 i 4500",
                fields: [
                    MARCField(tag: "001", value: "A880"), MARCField(tag: "003", value: "DLC"),
                    Self.field("100", [("6", "880-01"), ("a", "Auėzov, Mukhtar")], "1"),
                    Self.field("245", [("6", "880-02"), ("a", "Putʹ Abaia")], "1", "0"),
                    Self.field("490", [("a", "Biblioteka kazakhskoĭ prozy")], "0"),
                    Self.field("490", [("a", "Seriia vtoraia pamiatnaia")], "0"),
                    Self.field("880", [("6", "100-01/(N"), ("a", "Ауэзов, Мухтар")], "1"),
                    Self.field("880", [("6", "245-02/(N"), ("a", "Путь Абая")], "1", "0"),
                ])
            let other = CatalogFixtures.record("W1", title: "Война и мир", author: "Толстой, Лев")
            try await CatalogFixtures.importRecords(app, [romanised, other])
            func titles(_ q: String) async throws -> [String] { try await CatalogFixtures.titles(app, q) }
            #expect(try await titles("путь абая") == ["Putʹ Abaia"])
            #expect(try await titles("ауэзов") == ["Putʹ Abaia"])
            // The second series, which used to be dropped from the index.
            #expect(try await titles("pamiatnaia") == ["Putʹ Abaia"])
            #expect(try await titles("толстой") == ["Война и мир"])
            #expect(try await titles("мухтар путь") == ["Putʹ Abaia"])

            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let id = try #require(try await BibRecord.query(on: app.db).filter(\.$title == "Putʹ Abaia").first()?.id)
            let page = try await web.get("/catalog/\(id)")
            #expect(page.text.contains("<dt>В оригинальной графике</dt><dd dir=\"auto\"><div>Путь Абая</div><div>Ауэзов, Мухтар</div></dd>"))
            #expect(page.text.contains("<div>Biblioteka kazakhskoĭ prozy</div><div>Seriia vtoraia pamiatnaia</div>"))
            let plain = try await web.get(
                "/catalog/\(try #require(try await BibRecord.query(on: app.db).filter(\.$title == "Война и мир").first()?.id))")
            #expect(!plain.text.contains("В оригинальной графике"))
        }
    }
}
