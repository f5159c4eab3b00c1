import Fluent
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §4: the catalogue search of the app finds a name however it was typed: Kazakh
/// letters on a Russian keyboard, Latin for Cyrillic, Cyrillic for Latin, an inflected form.
/// These were the issue's own failing examples on the demo catalogue.
@Suite struct CrossScriptSearchTests {
    @Test(arguments: TestDatabase.all)
    func test_the_issues_examples_are_found(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let records = [
                CatalogFixtures.record("X1", title: "Көшпенділер", author: "Есенберлин, Ілияс"),
                CatalogFixtures.record("X2", title: "Абай жолы", author: "Әуезов, Мұхтар"),
                CatalogFixtures.record("X3", title: "Murder on the Orient Express", author: "Christie, Agatha"),
                CatalogFixtures.record("X4", title: "Қара сөздер", author: "Абай Құнанбайұлы"),
                CatalogFixtures.record("X5", title: "Война и мир", author: "Толстой, Лев"),
                CatalogFixtures.record("X6", title: "Ёлка в Сокольниках", author: "Бонди, Сергей"),
            ]
            try await CatalogFixtures.importRecords(app, records)
            func titles(_ q: String) async throws -> [String] { try await CatalogFixtures.titles(app, q) }
            #expect(try await titles("кошпенділер") == ["Көшпенділер"])
            #expect(try await titles("кошпендилер") == ["Көшпенділер"])
            #expect(try await titles("Abai joly") == ["Абай жолы"])
            #expect(try await titles("кристи") == ["Murder on the Orient Express"])
            #expect(try await titles("сөздерін") == ["Қара сөздер"])
            // Unrelated words still find nothing, and the exact word still finds only its record.
            #expect(try await titles("толстой") == ["Война и мир"])
            #expect(try await titles("кристаллы").isEmpty)
            // A query typed with combining marks (Е + U+0308, и + U+0306), as some keyboards and
            // copied text give it, is put in NFC like the records: one word, not two.
            #expect(try await titles("\u{0415}\u{0308}лка") == ["Ёлка в Сокольниках"])
            #expect(try await titles("вои\u{0306}на") == ["Война и мир"])
        }
    }
}
