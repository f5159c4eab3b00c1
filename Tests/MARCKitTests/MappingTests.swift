import Foundation
import Testing

@testable import MARCKit

@Suite struct MappingTests {
    @Test func test_marc21_windows_1251_record() throws {
        let b = BibliographicMapping.map(try #require(try Fixture.records("marc21-cp1251.mrc").first))
        #expect(b.flavor == .marc21)
        #expect(b.controlNumber == "kn-1251-0001")
        #expect(b.controlOrganisation == "KNIGO")
        #expect(b.title == "Путь Абая Книга 1")
        #expect(b.subtitle == "роман-эпопея в двух книгах")
        #expect(b.contributors == [Contributor(name: "Ауэзов, Мухтар", role: "автор")])
        #expect(b.year == 2012)
        #expect(b.place == "Москва")
        #expect(b.publisher == "Художественная литература")
        #expect(b.isbns == ["9785170812345"])
        #expect(b.languages == ["rus"])
        #expect(b.subjects == ["Казахская литература"])
        #expect(b.genres == ["Исторический роман"])
        #expect(b.series == "Путь Абая")
        #expect(b.seriesNumber == "кн. 1")
        #expect(b.form == .largePrint)
        #expect(b.holdings.map(\.branchCode) == ["SEM-C", "UKG"])
        #expect(b.holdings.map(\.inventoryNumber) == ["INV-1251-1", "INV-1251-2"])
        #expect(b.summary?.hasPrefix("Роман о жизни") == true)
    }

    @Test func test_marc21_marc8_record() throws {
        let b = BibliographicMapping.map(try #require(try Fixture.records("marc21-marc8.mrc").first))
        #expect(b.title == "Żółta łódź i café na rogu")
        #expect(b.contributors.first?.name == "Łoziński, Józef")
        #expect(b.year == 1994)
        #expect(b.languages == ["pol"])
        #expect(b.form == .print)
        #expect(b.edition == "Wyd. 2.")
    }

    @Test func test_rusmarc_record() throws {
        let b = BibliographicMapping.map(try #require(try Fixture.records("rusmarc-utf8.mrc").first))
        #expect(b.flavor == .unimarc)
        #expect(b.title == "Қара сөздер")
        #expect(b.subtitle == "философиялық трактат")
        #expect(b.contributors == [Contributor(name: "Абай Құнанбайұлы", role: "author")])
        #expect(b.year == 2015)
        #expect(b.publisher == "Жазушы")
        #expect(b.languages == ["kaz"])
        #expect(b.series == "Абай мұрасы")
        #expect(b.form == .largePrint)
        #expect(
            b.holdings == [
                Holding(
                    branchCode: "SEM-2", shelfMark: "87.3(5Каз)", inventoryNumber: "INV-RU-1", barcode: nil, note: "Крупный шрифт", status: nil,
                    source: .rusmarc899)
            ])
    }

    @Test func test_forms_from_marcxml_codes() throws {
        var records: [MARCRecord] = []
        try #require(MARCXMLReader(path: Fixture.path("collection.xml"))).read { if case .record(_, let r, _) = $0 { records.append(r) } }
        #expect(BibliographicMapping.map(records[0]).form == .audiobook)
        #expect(BibliographicMapping.map(records[1]).form == .largePrint)
        #expect(BibliographicMapping.map(records[1]).title == "The murder of Roger Ackroyd")
        #expect(BibliographicMapping.map(records[1]).contributors.first?.name == "Christie, Agatha")
    }

    @Test(arguments: [
        ("Путь Абая :", "Путь Абая"), ("Christie, Agatha,", "Christie, Agatha"), ("Wyd. 2.", "Wyd. 2."), ("1994.", "1994"), ("stories.", "stories"),
    ])
    func test_isbd_punctuation_is_trimmed(raw: String, clean: String) {
        #expect(BibliographicMapping.clean(raw) == clean)
    }
}
