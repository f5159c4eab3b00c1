import Fluent
import Foundation
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §3: the loans made here go back to the library's own system, as CSV and as MARC 21
/// holdings, for a period and a branch; only reader staff get the file, and a coordinator only
/// for their own branch.
@Suite struct CirculationExportTests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    /// Four loans of north readers and one of a south reader, around November 2026.
    private func loans(_ app: Application, _ seed: Seed) async throws {
        let titles = [("Абай жолы", "Роман"), (#"=HYPERLINK("x"), "кавычки", и запятые"#, "Поэзия"), ("Қара сөздер", "Проза")]
        let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
        let north = try await DeliveryFixtures.reader(app, seed: seed, card: "N-77")
        var p = Seed.reader(branch: seed.south, card: "S-88", family: "Южная")
        p.formats = ["print"]
        let south = try await Seed.storeReader(app, p, by: seed.admin)
        let copies = try await Copy.query(on: app.db).all()
        func copy(_ title: String) -> Copy { copies.first { $0.$bib.id == ids[title]! }! }
        let rows: [(Reader, String, String, String?, String)] = [
            (north, "Абай жолы", "2026-11-05", "2026-11-20", "returned"),
            (north, titles[1].0, "2026-11-25", nil, "on_loan"),
            (north, "Қара сөздер", "2026-10-01", "2026-11-10", "returned"),
            (north, "Абай жолы", "2026-12-05", nil, "on_loan"),
            (south, "Қара сөздер", "2026-11-06", "2026-11-08", "returned"),
        ]
        for (reader, title, issued, returned, status) in rows {
            let loan = Loan()
            loan.$reader.id = reader.id!
            loan.$bib.id = ids[title]!
            loan.$copy.id = copy(title).id!
            loan.issuedOn = issued
            loan.dueOn = "2026-12-20"
            loan.returnedOn = returned
            loan.status = status
            loan.renewals = 0
            try await loan.create(on: app.db)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_periods_issues_and_returns_go_back_as_csv_and_marc(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await loans(app, seed)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let north = seed.north.id!.uuidString.lowercased()
            let page = try await web.get("/reports?from=2026-11-01&to=2026-11-30&branch_id=\(north)")
            let link = "/reports/circulation?from=2026-11-01&amp;to=2026-11-30&amp;branch_id=\(north)&amp;format=csv"
            #expect(page.text.contains(link))
            let csv = try await web.get(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(
                lines == [
                    "event,date,inventory_number,barcode,branch,reader_card,due_date,isbn,control_number,title",
                    "issue,2026-11-05,INV-0,,N,N-77,2026-12-20,,D0,Абай жолы",
                    "return,2026-11-10,INV-2,,N,N-77,2026-12-20,,D2,Қара сөздер",
                    "return,2026-11-20,INV-0,,N,N-77,2026-12-20,,D0,Абай жолы",
                    #"issue,2026-11-25,INV-1,,N,N-77,2026-12-20,,D1,"'=HYPERLINK(""x""), ""кавычки"", и запятые""#,
                ], "\(lines)")
            #expect(!csv.text.contains("S-88") && !csv.text.contains("2026-12-05"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "circulation_export").count() == 1)

            let marc = try await web.get("/reports/circulation?from=2026-11-01&to=2026-11-30&branch_id=\(north)&format=marc")
            #expect(marc.status == .ok)
            var records: [MARCRecord] = []
            for case .record(_, let r, _) in ISO2709Reader(bytes: Array(marc.body.readableBytesView)) { records.append(r) }
            #expect(records.map { $0.control("001") } == ["INV-0", "INV-1", "INV-2"])
            #expect(records.map { $0.control("004") } == ["D0", "D1", "D2"])
            #expect(records.map { $0.first("876", "j") } == ["available", "on loan", "available"])
            #expect(records[0].all("876", "x") == ["Knigonosha 2026-11-01–2026-11-30: 1 issued, 1 returned"])
            #expect(records[1].all("876", "x").contains("due 2026-12-20"))
            #expect(records.allSatisfy { $0.leader.dropFirst(6).first == "x" })
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_only_reader_staff_get_the_file_and_bad_input_names_its_field(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await loans(app, seed)
            let north = seed.north.id!.uuidString.lowercased()
            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            // The whole library, or another branch, is not the coordinator's to export.
            #expect(try await coordinator.get("/reports/circulation?from=2026-11-01&to=2026-11-30").status == .forbidden)
            #expect(
                try await coordinator.get("/reports/circulation?from=2026-11-01&to=2026-11-30&branch_id=\(seed.south.id!.uuidString)").status
                    == .forbidden)
            let whole = try await coordinator.get("/reports?from=2026-11-01&to=2026-11-30")
            #expect(!whole.text.contains("/reports/circulation"))
            let manager = User(
                email: "boss@test.kz", fullName: "Boss", role: .management, branchID: seed.north.id,
                passwordHash: try await app.password.async.hash(Seed.password))
            try await manager.create(on: app.db)
            let boss = WebClient(app)
            try await boss.login("boss@test.kz")
            #expect(try await boss.get("/reports/circulation?from=2026-11-01&to=2026-11-30&branch_id=\(north)").status == .forbidden)
            #expect(!(try await boss.get("/reports?from=2026-11-01&to=2026-11-30&branch_id=\(north)").text.contains("/reports/circulation")))

            let admin = try await Seed.token(app, for: seed.admin)
            let tester = try app.testing()
            let all = try await tester.sendRequest(.GET, "/api/v1/reports/circulation?from=2026-11-01&to=2026-11-30", headers: json(admin))
            #expect(all.status == .ok)
            #expect(all.body.string.contains("S-88"))
            let allLines: [String] = all.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(allLines.count == 7)
            for (query, field) in [("format=xml", "format"), ("from=&to=2026-11-30", "from"), ("from=2026-12-01&to=2026-11-30", "to")] {
                let bad = try await tester.sendRequest(.GET, "/api/v1/reports/circulation?\(query)", headers: json(admin))
                let code = bad.status.code
                #expect(code == 422 || code == 400, "\(query)")
                #expect(bad.body.string.contains("\"\(field)\""), "\(query): \(bad.body.string)")
            }
            let carrier = try await Seed.token(app, for: seed.carrier)
            #expect(
                try await tester.sendRequest(.GET, "/api/v1/reports/circulation?from=2026-11-01&to=2026-11-30", headers: json(carrier)).status
                    == .forbidden)
        }
    }

    /// Values with spreadsheet formulas or ISO 2709 separators in them stay inert in both files.
    @Test func test_hostile_values_stay_inert_in_csv_and_marc() {
        #expect(CSV.field("\t=cmd") == "'\t=cmd")
        #expect(CSV.field("\r=cmd").hasPrefix("\"'"))
        #expect(CSV.field("-2+3") == "'-2+3" && CSV.field("-5") == "-5")
        let shelf = "84\u{1E}999\u{1F}aINJ\u{1D}"
        let record = MARCRecord(
            leader: "00000nx  a22000003n 4500",
            fields: [
                MARCField(tag: "001", value: "I-1"), MARCField(tag: "852", indicator1: " ", indicator2: " ", subfields: [MARCSubfield("h", shelf)]),
            ])
        let bytes = ISO2709Writer.encode(record)
        #expect(bytes.filter { $0 == 0x1D }.count == 1)
        var read: [MARCRecord] = []
        for case .record(_, let r, _) in ISO2709Reader(bytes: bytes) { read.append(r) }
        #expect(read.count == 1)
        #expect(read.first?.fields.map(\.tag) == ["001", "852"])
        #expect(read.first?.first("852", "h") == "84 999 aINJ ")
    }
}
