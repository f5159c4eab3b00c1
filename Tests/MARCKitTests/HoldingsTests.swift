import Testing

@testable import MARCKit

/// Issue 14 §3: copies and their statuses from the exports of the library's own system.
@Suite struct HoldingsTests {
    typealias B = Build

    @Test func test_852_locations_with_their_876_items() {
        let b = BibliographicMapping.map(
            B.book([
                B.data("852", "  ", [("8", "1"), ("a", "KNIGO"), ("b", "SEM-C"), ("c", "Fiction"), ("h", "84(5Каз)"), ("i", "А91")]),
                B.data("852", "  ", [("8", "2"), ("b", "UKG"), ("h", "84")]),
                B.data("876", "  ", [("8", "1.1"), ("a", "INV-1"), ("p", "0001"), ("j", "Checked out")]),
                B.data("876", "  ", [("8", "1.2"), ("a", "INV-2"), ("p", "0002"), ("j", "missing"), ("l", "Bindery")]),
                B.data("852", "  ", [("b", "TLD"), ("p", "0003"), ("z", "Gift")]),
            ]))
        #expect(
            b.holdings == [
                Holding(
                    branchCode: "SEM-C", shelfMark: "84(5Каз) А91", inventoryNumber: "INV-1", barcode: "0001", status: .onLoan, source: .marc876,
                    location: "Fiction"),
                Holding(
                    branchCode: "SEM-C", shelfMark: "84(5Каз) А91", inventoryNumber: "INV-2", barcode: "0002", status: .lost, source: .marc876,
                    location: "Bindery"),
                Holding(branchCode: "UKG", shelfMark: "84", source: .marc852),
                Holding(branchCode: "TLD", inventoryNumber: "0003", barcode: "0003", note: "Gift", source: .marc852),
            ])
    }

    @Test(
        arguments: [
            ([], HoldingStatus.available), ([("0", "1")], .withdrawn), ([("1", "4")], .lost), ([("1", "0"), ("q", "2026-12-01")], .onLoan),
            ([("4", "1")], .damaged), ([("7", "-1")], .notForLoan), ([("7", "2")], .notForLoan), ([("0", "0"), ("1", "0"), ("7", "0")], .available),
            ([("1", "1"), ("q", "2026-12-01")], .lost), ([("4", "1"), ("q", "2026-12-01")], .onLoan),
        ] as [([(Unicode.Scalar, String)], HoldingStatus)])
    func test_koha_952_statuses(subfields: [(Unicode.Scalar, String)], status: HoldingStatus) {
        let base: [(Unicode.Scalar, String)] = [("a", "SEM"), ("b", "UKG"), ("c", "CHILD"), ("o", "84(5Каз) А91"), ("p", "39000001"), ("i", "INV-7")]
        let h = BibliographicMapping.map(B.book([B.data("952", "  ", base + subfields)])).holdings
        #expect(h.map(\.status) == [status])
        #expect(h.first?.statusDate == subfields.first { $0.0 == "q" }?.1)
        #expect(
            h.first.map { [$0.branchCode, $0.location, $0.shelfMark, $0.barcode, $0.inventoryNumber] } == [
                "SEM", "CHILD", "84(5Каз) А91", "39000001", "INV-7",
            ])
        #expect(h.first?.source == .koha952)
    }

    @Test func test_irbis_910_exemplars_and_their_status_codes() {
        let codes = ["0", "1", "2", "3", "4", "5", "6", "8", "9", "U"]
        let fields = codes.enumerated().map { i, code in
            B.data("910", "  ", [("a", code), ("b", "INV-\(i)"), ("c", "20240115"), ("d", "АБ"), ("e", "1500"), ("h", "BC\(i)"), ("r", "84(2)")])
        }
        let b = BibliographicMapping.map(B.unimarc([B.data("200", "1 ", [("a", "Кітап")])] + fields + [B.data("910", "  ", [("a", "MARCIVE")])]))
        #expect(
            b.holdings.map(\.status) == [
                .available, .onLoan, .notForLoan, .notForLoan, .lost, .notForLoan, .withdrawn, .notForLoan, .notForLoan, .unknown("U"),
            ])
        #expect(
            b.holdings.first
                == Holding(branchCode: "АБ", shelfMark: "84(2)", inventoryNumber: "INV-0", barcode: "BC0", status: .available, source: .irbis910))
    }

    @Test func test_rusmarc_899_copies_say_nothing_of_status() {
        let b = BibliographicMapping.map(
            B.unimarc([
                B.data("200", "1 ", [("a", "Кітап")]),
                B.data("899", "  ", [("a", "SEM-2"), ("b", "Абонемент"), ("j", "84(5Каз)"), ("p", "INV-9"), ("x", "4600001")]),
            ]))
        #expect(
            b.holdings == [
                Holding(
                    branchCode: "SEM-2", shelfMark: "84(5Каз)", inventoryNumber: "INV-9", barcode: "4600001", source: .rusmarc899,
                    location: "Абонемент")
            ])
    }

    @Test(arguments: [
        ("Available", HoldingStatus.available), ("On shelf", .available), ("в наличии", .available), ("қолжетімді", .available),
        ("Checked out", .onLoan), ("Выдан читателю", .onLoan), ("берілген", .onLoan), ("LOST", .lost), ("Утерян", .lost), ("жоғалған", .lost),
        ("Withdrawn", .withdrawn), ("Списан", .withdrawn), ("Damaged", .damaged), ("Повреждён", .damaged), ("Not for loan", .notForLoan),
        ("Not available", .notForLoan), ("Не выдаётся", .notForLoan), ("Только в читальном зале", .notForLoan), ("in", .available),
        ("In transit", .unknown("In transit")), ("7", .unknown("7")),
    ])
    func test_status_words(text: String, status: HoldingStatus) {
        #expect(HoldingStatus(text: text) == status)
    }

    @Test func test_csv_holdings_export() {
        let text = """
            Штрихкод;Филиал;Шифр;Статус;Примечание
            4600001;SEM-C;84(5Каз) А91;Выдан;
            4600002;UKG;84;списан;Ветхий
            ;UKG;84;доступен;
            4600003;TLD;;;

            """
        let (rows, errors) = HoldingsCSV.read(text)
        #expect(rows.map(\.row) == [2, 3, 5])
        #expect(rows.map(\.holding.status) == [.onLoan, .withdrawn, nil])
        #expect(
            rows.first?.holding
                == Holding(
                    branchCode: "SEM-C", shelfMark: "84(5Каз) А91", inventoryNumber: "4600001", barcode: "4600001", status: .onLoan, source: .csv))
        #expect(rows[1].holding.note == "Ветхий")
        #expect(errors == [CSVCatalog.RowError(row: 4, reason: "the barcode is missing", code: "missing_barcode")])
        #expect(HoldingsCSV.read("title,author\nx,y\n").errors.map(\.code) == ["no_barcode_column"])
        #expect(HoldingsCSV.read("barcode,status\n1,In\n").rows.map(\.holding.status) == [.available])
    }
}
