import Foundation
import Testing

@testable import MARCKit

@Suite struct CSVTests {
    @Test func test_parser_handles_quotes_separators_and_line_ends() {
        #expect(CSVParser.parse("a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\n") == [["a", "b"], ["x, y", "he said \"hi\""]])
        #expect(CSVParser.parse("a;b\n1;2") == [["a", "b"], ["1", "2"]])
        #expect(CSVParser.parse("\u{FEFF}title\n\"multi\nline\"\n") == [["title"], ["multi\nline"]])
    }

    @Test func test_rows_become_records_with_copies_and_bad_rows_are_reported() throws {
        let text = try String(contentsOf: URL(fileURLWithPath: Fixture.path("../catalog.csv")), encoding: .utf8)
        let (records, errors) = CSVCatalog.records(from: text)
        #expect(records.count == 2)
        #expect(errors.map(\.row) == [5, 6])
        let abai = BibliographicMapping.map(records[0].record)
        #expect(abai.title == "Абай жолы")
        #expect(abai.subtitle == "роман-эпопея")
        #expect(abai.form == .largePrint)
        #expect(abai.holdings.map(\.inventoryNumber) == ["CSV-001", "CSV-002"])
        #expect(abai.summary == "Абайдың өмірі туралы \"эпопея\"")
        let stories = BibliographicMapping.map(records[1].record)
        #expect(stories.contributors.map(\.name) == ["Толстой, Лев", "Пришвин, Михаил"])
        #expect(stories.form == .audiobook)
        #expect(stories.subjects == ["Природа", "Животные"])
        #expect(stories.languages == ["rus"])
        #expect(stories.year == 2019)
    }
}
