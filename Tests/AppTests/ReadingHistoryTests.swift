import Fluent
import Foundation
import MARCKit
import Spreadsheet
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import KnigonoshaApp

/// Issue 14, §3: readers' loan history from the library system. Rows are matched by card number
/// and by barcode, inventory number or ISBN; what matches is stored once, what does not is
/// reported row by row; a coordinator reaches only their own branch's readers; and book
/// selection never offers what the history says the reader read.
@Suite struct ReadingHistoryTests {
    static let isbn10 = "517081234X"

    /// Three history titles at the north branch (INV-0…INV-2), one with an ISBN; readers N-77
    /// (north) and S-88 (south).
    private func setUp(_ app: Application, _ seed: Seed) async throws -> [String: Int] {
        let ids = try await DeliveryFixtures.catalogue(
            app, branch: seed.north, titles: [("Абай жолы", "История"), ("Көшпенділер", "История"), ("Қан мен тер", "История")])
        // «Қан мен тер» carries the ISBN-13 form of the file's ISBN-10.
        let bib = try #require(try await BibRecord.find(ids["Қан мен тер"], on: app.db))
        bib.isbns = HistoryFile.isbn13(Self.isbn10)
        try await bib.save(on: app.db)
        _ = try await DeliveryFixtures.reader(app, seed: seed, card: "N-77")
        var p = Seed.reader(branch: seed.south, card: "S-88", family: "Южная")
        p.formats = ["print"]
        _ = try await Seed.storeReader(app, p, by: seed.admin)
        return ids
    }

    private func inventory(_ app: Application, _ bib: Int) async throws -> String {
        try await Copy.query(on: app.db).filter(\.$bib.$id == bib).first()!.inventoryNumber
    }

    @Test(arguments: TestDatabase.all)
    func test_a_loan_history_is_matched_stored_once_and_never_resent(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await setUp(app, seed)
            let abai = try await inventory(app, ids["Абай жолы"]!)
            let other = try await inventory(app, ids["Көшпенділер"]!)
            let csv = """
                Читательский билет;Штрихкод;ISBN;Дата выдачи
                N-77;\(abai);;05.06.2026
                N-77;;5-17-081234-X;2026-05-01
                N-77;\(abai);;05.06.2026
                X-1;\(other);;2026-01-01
                N-77;NOPE;;2026-01-01
                N-77;\(other);;01.01.2099
                ;\(other);;2026-01-01
                S-88;\(other);;2026-01-01

                """
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let form = try await web.get("/readers")
            #expect(form.text.contains("href=\"/readers/history\""))
            let page = try await web.upload("/readers/history", fields: [], file: ("file", "history.csv", Array(csv.utf8)))
            #expect(page.status == .ok)
            #expect(page.text.contains("Строк в файле: 8. Сохранено выдач: 2, уже были: 1, читателей: 1. Не сохранено строк: 5."))
            for (row, reason) in [
                (5, "читатель с таким билетом не найден"), (6, "экземпляр или издание не найдены"), (7, "дата не распознана"),
                (8, "нет номера читательского билета"), (9, "читатель с таким билетом не найден"),
            ] {
                #expect(page.text.contains("<td>\(row)</td><td>\(reason)"), "row \(row)")
            }
            let stored = try await ReadingHistory.query(on: app.db).with(\.$reader).all()
            #expect(stored.count == 2)
            #expect(Set(stored.map(\.$bib.id)) == [ids["Абай жолы"]!, ids["Қан мен тер"]!])
            #expect(stored.allSatisfy { $0.reader.cardNumber == "N-77" && $0.source == "ils" })
            #expect(Set(stored.map(\.readOn)) == ["2026-06-05", "2026-05-01"])

            // The same file again stores nothing new.
            let again = try await web.upload("/readers/history", fields: [], file: ("file", "history.csv", Array(csv.utf8)))
            #expect(again.text.contains("Сохранено выдач: 0, уже были: 3"))
            #expect(try await ReadingHistory.query(on: app.db).count() == 2)

            // Book selection: of the three titles the reader likes, only the unread one is offered.
            let reader = try #require(try await Reader.query(on: app.db).filter(\.$cardNumber == "N-77").first())
            let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: LocalDate.today(in: app.config.timeZone))
            _ = try await SelectionService.suggest(visitID: visit.id!, accept: false, today: LocalDate.today(in: app.config.timeZone), on: app.db)
            let offered = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all().map(\.$bib.id)
            #expect(offered == [ids["Көшпенділер"]!])
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_api_takes_csv_and_xlsx_and_names_what_is_wrong(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await setUp(app, seed)
            let other = try await inventory(app, ids["Көшпенділер"]!)
            let admin = try await Seed.token(app, for: seed.admin)
            let tester = try app.testing()
            let headers: HTTPHeaders = ["Authorization": "Bearer \(admin)", "Content-Type": "text/csv"]
            // An administrator reaches every branch.
            let csv = try await tester.sendRequest(
                .POST, "/api/v1/readers/history", headers: headers,
                body: .init(string: "reader_card,barcode,date\nS-88,\(other),2026-01-01\nS-88,X,2026-01-01\n"))
            #expect(csv.status == .ok)
            let out = try JSONDecoder().decode(HistoryController.OutcomeDTO.self, from: csv.body)
            #expect(out.rows == 2 && out.stored == 1 && out.readers == 1)
            #expect(out.not_stored.map(\.code) == ["unknown_item"] && out.not_stored.map(\.row) == [3] && out.not_stored_total == 1)

            // XLSX, dates as the spreadsheet's day numbers.
            let serial = 46_000
            let book = Workbook(sheets: [
                Workbook.Sheet(
                    name: "Выдачи",
                    rows: [[.text("Оқырман билеті"), .text("Түгендеу нөмірі"), .text("Күні")], [.text("S-88"), .text(other), .number(serial)]])
            ])
            let xlsx = try await tester.sendRequest(
                .POST, "/api/v1/readers/history", headers: ["Authorization": "Bearer \(admin)"], body: .init(data: try book.data()))
            #expect(xlsx.status == .ok)
            let day = LocalDate(year: 1899, month: 12, day: 30).adding(days: serial).iso
            #expect(try await ReadingHistory.query(on: app.db).filter(\.$readOn == day).count() == 1)

            // A file without a date column stores nothing and says so at the body.
            let bad = try await tester.sendRequest(
                .POST, "/api/v1/readers/history", headers: headers, body: .init(string: "reader_card,barcode\nS-88,\(other)\n"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("\"body\""))
            #expect(try await ReadingHistory.query(on: app.db).count() == 2)
            // Other methods on the path are 405, not the 404 of `PUT /readers/:id` (schemathesis ST204).
            for method in [HTTPMethod.PUT, .PATCH, .DELETE, .GET] {
                let other = try await tester.sendRequest(method, "/api/v1/readers/history", headers: headers)
                #expect(other.status == .methodNotAllowed, "\(method)")
                #expect(other.headers.first(name: .allow) == "POST", "\(method)")
            }
            // A carrier may not.
            let carrier = try await Seed.token(app, for: seed.carrier)
            let refused = try await tester.sendRequest(
                .POST, "/api/v1/readers/history", headers: ["Authorization": "Bearer \(carrier)"], body: .init(string: "x"))
            #expect(refused.status == .forbidden)
        }
    }

    @Test func test_dates_and_isbns_as_exports_write_them() {
        let today = LocalDate(year: 2026, month: 12, day: 2)
        #expect(HistoryFile.date("05.11.2026")?.iso == "2026-11-05")
        #expect(HistoryFile.date("2026-11-05 10:30:00")?.iso == "2026-11-05")
        #expect(HistoryFile.date("5/11/2026")?.iso == "2026-11-05")
        #expect(HistoryFile.date("31.02.2026") == nil)
        #expect(HistoryFile.date("вчера") == nil)
        #expect(HistoryFile.isbn("5-17-081234-X") == HistoryFile.isbn13("517081234X"))
        #expect(HistoryFile.isbn13("0306406152") == "9780306406157")
        #expect(HistoryFile.isbn("12345") == nil)
        let file = HistoryFile(cells: [["card", "isbn", "date"], ["A", "9780306406157", "2027-01-01"]], today: today)
        #expect(file.rows.isEmpty && file.problems.map(\.code) == ["bad_date"])
        #expect(HistoryFile(cells: [["card", "date"]], today: today).failure == "no_item_column")
        #expect(HistoryFile(data: Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), today: today).failure == "not_spreadsheet")
        // A sheet that declares entities (an «entity bomb») is refused, not read as empty.
        let bomb = try? Workbook(sheets: [Workbook.Sheet(name: "x", rows: [[.text("card")]])]).data()
        if let bomb, let patched = Self.withEntity(bomb) {
            #expect(HistoryFile(data: patched, today: today).failure == "not_spreadsheet")
        } else {
            Issue.record("could not build the test workbook")
        }
    }

    /// The workbook with a DTD declaring nested entities put into its first sheet.
    static func withEntity(_ data: Data) -> Data? {
        let archive: ZIPFoundation.Archive
        let out: ZIPFoundation.Archive
        do {
            archive = try ZIPFoundation.Archive(data: data, accessMode: .read, pathEncoding: nil)
            out = try ZIPFoundation.Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        } catch { return nil }
        for entry in archive {
            var bytes = Data()
            _ = try? archive.extract(entry, skipCRC32: true) { bytes.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                var text = String(decoding: bytes, as: UTF8.self)
                let dtd = "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                if let end = text.range(of: "?>") { text.insert(contentsOf: dtd, at: end.upperBound) }
                text = text.replacingOccurrences(of: "card", with: "&b;")
                bytes = Data(text.utf8)
            }
            let payload = bytes
            try? out.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(payload.count)) { position, size in
                payload.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return out.data
    }
}
