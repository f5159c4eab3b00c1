import Fluent
import Foundation
import MARCKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §3: copies and their statuses stay in step with the library's own system. A copy on
/// loan there is never reserved here; a re-import or a sync changes statuses; a copy that left
/// the export is withdrawn with its history kept; where this service holds a copy, the export
/// never overwrites it and the report names the conflict.
@Suite struct CatalogSyncTests {
    /// A Koha 952 item at branch N: `due` marks it on loan there, `notForLoan` sets $7.
    static func item(_ barcode: String, due: String? = nil, notForLoan: Bool = false) -> MARCField {
        var subs = [MARCSubfield("a", "N"), MARCSubfield("p", barcode)]
        if let due { subs.append(MARCSubfield("q", due)) }
        if notForLoan { subs.append(MARCSubfield("7", "1")) }
        return MARCField(tag: "952", indicator1: " ", indicator2: " ", subfields: subs)
    }

    static func record(_ id: String, _ title: String, _ items: [MARCField]) -> MARCRecord {
        var r = CatalogFixtures.record(id, title: title)
        r.fields += items
        return r
    }

    static func status(_ app: Application, _ inventory: String) async throws -> String? {
        try await Copy.query(on: app.db).filter(\.$inventoryNumber == inventory).first()?.status
    }

    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    @Test(arguments: TestDatabase.all)
    func test_a_reimport_follows_the_systems_statuses_and_never_overwrites_a_hold(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let first = try CatalogFixtures.xmlFile([
                Self.record("a1", "Абай жолы", [Self.item("A-1"), Self.item("A-2", due: "2026-12-20")]),
                Self.record("b1", "Қара сөздер", [Self.item("B-1", notForLoan: true)]),
            ])
            defer { try? FileManager.default.removeItem(atPath: first) }
            let s1 = try await CatalogImport.run(path: first, options: ImportOptions(), on: app.db)
            #expect(s1.copies.added == 3 && s1.copies.changes.isEmpty && s1.copies.conflicts.isEmpty)
            #expect(try await Self.status(app, "A-1") == "available")
            #expect(try await Self.status(app, "A-2") == "on_loan")
            #expect(try await Self.status(app, "B-1") == "not_for_loan")
            #expect(try await Copy.query(on: app.db).filter(\.$inventoryNumber == "A-2").first()?.ilsStatus == "on_loan")
            // A plain import applies statuses but marks no copy as the system's: no sync will withdraw them.
            #expect(try await Copy.query(on: app.db).filter(\.$ilsRun != nil).count() == 0)

            // The copy on loan in the system cannot be reserved for a visit; the one on the shelf can.
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "S-1")
            let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: LocalDate.today(in: app.config.timeZone))
            let token = try await Seed.token(app, for: seed.coordinator)
            let bib = try #require(try await BibRecord.query(on: app.db).filter(\.$title == "Абай жолы").first()?.id)
            let a2 = try #require(try await Copy.query(on: app.db).filter(\.$inventoryNumber == "A-2").first()?.id)
            let a1 = try #require(try await Copy.query(on: app.db).filter(\.$inventoryNumber == "A-1").first()?.id)
            let tester = try app.testing()
            let refused = try await tester.sendRequest(
                .POST, "/api/v1/visits/\(visit.id!)/items", headers: json(token), body: .init(string: #"{"bib_id":\#(bib),"copy_id":"\#(a2)"}"#))
            #expect(refused.status == .conflict)
            #expect(try await VisitItem.query(on: app.db).count() == 0)
            #expect(try await Self.status(app, "A-2") == "on_loan")
            let taken = try await tester.sendRequest(
                .POST, "/api/v1/visits/\(visit.id!)/items", headers: json(token), body: .init(string: #"{"bib_id":\#(bib),"copy_id":"\#(a1)"}"#))
            #expect(taken.status == .created)
            #expect(try await Self.status(app, "A-1") == "reserved")

            // The next export: A-1 went out in the library (it is reserved here), A-2 came back,
            // B-1 may be lent now.
            let second = try CatalogFixtures.xmlFile([
                Self.record("a1", "Абай жолы", [Self.item("A-1", due: "2026-12-24"), Self.item("A-2")]),
                Self.record("b1", "Қара сөздер", [Self.item("B-1")]),
            ])
            defer { try? FileManager.default.removeItem(atPath: second) }
            let s2 = try await CatalogImport.run(path: second, options: ImportOptions(), on: app.db)
            #expect(s2.copies.added == 0)
            #expect(
                s2.copies.changes == [
                    .init(inventory: "A-2", from: "on_loan", to: "available"), .init(inventory: "B-1", from: "not_for_loan", to: "available"),
                ])
            #expect(s2.copies.conflicts == [.init(inventory: "A-1", local: "reserved", ils: "on_loan")])
            #expect(try await Self.status(app, "A-1") == "reserved")
            #expect(try await Self.status(app, "A-2") == "available")
            #expect(try await Copy.query(on: app.db).count() == 3)

            // Taking A-1 off the visit puts it where the system says it is, not on the shelf.
            let item = try #require(try await VisitItem.query(on: app.db).first())
            let removed = try await tester.sendRequest(.DELETE, "/api/v1/visits/\(visit.id!)/items/\(item.id!)", headers: json(token))
            #expect(removed.status == .noContent)
            #expect(try await Self.status(app, "A-1") == "on_loan")

            // The same export again changes nothing.
            let s3 = try await CatalogImport.run(path: second, options: ImportOptions(), on: app.db)
            #expect(s3.copies.changes.isEmpty && s3.copies.conflicts.isEmpty && s3.copies.added == 0)
        }
    }

    /// A directory of exports: the newest is applied, once; copies that left it are withdrawn and
    /// keep their loans; one on loan through this service is a conflict; a copy added here by hand
    /// is never touched.
    @Test(arguments: TestDatabase.all)
    func test_sync_takes_the_newest_export_once_and_withdraws_what_left(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kn-sync-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            func export(_ name: String, _ records: [MARCRecord], age: TimeInterval) throws {
                let path = try CatalogFixtures.xmlFile(records)
                let target = dir.appendingPathComponent(name)
                try FileManager.default.moveItem(atPath: path, toPath: target.path)
                try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: target.path)
            }
            try export(
                "2026-11-30.xml",
                [Self.record("a1", "Абай жолы", [Self.item("A-1"), Self.item("A-2")]), Self.record("b1", "Қара сөздер", [Self.item("B-1")])],
                age: 3600)
            // A file from elsewhere, uploaded by hand: its copy is no sync's to withdraw.
            let elsewhere = try CatalogFixtures.xmlFile([Self.record("p1", "Путь Абая", [Self.item("P-1")])])
            defer { try? FileManager.default.removeItem(atPath: elsewhere) }
            _ = try await CatalogImport.run(path: elsewhere, options: ImportOptions(), on: app.db)
            let first = try await CatalogSyncRun.run(path: dir.path, options: ImportOptions(), force: false, on: app.db)
            #expect(first.summary.copies.added == 3 && first.held == nil)

            // A-2 was lent and returned here (history); B-1 is on loan here now; H-1 was added by hand.
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "S-2")
            let copies = try await Copy.query(on: app.db).all()
            let byNumber = Dictionary(uniqueKeysWithValues: copies.map { ($0.inventoryNumber, $0) })
            for (number, status) in [("A-2", "returned"), ("B-1", "on_loan")] {
                let loan = Loan()
                loan.$reader.id = reader.id!
                loan.$bib.id = byNumber[number]!.$bib.id
                loan.$copy.id = byNumber[number]!.id!
                loan.issuedOn = "2026-11-01"
                loan.dueOn = "2026-11-29"
                loan.status = status
                loan.renewals = 0
                try await loan.create(on: app.db)
            }
            byNumber["B-1"]!.status = "on_loan"
            try await byNumber["B-1"]!.save(on: app.db)
            let hand = Copy()
            hand.$bib.id = byNumber["A-1"]!.$bib.id
            hand.inventoryNumber = "H-1"
            hand.$branch.id = seed.north.id
            hand.status = "available"
            try await hand.create(on: app.db)

            try export("2026-12-01.xml", [Self.record("a1", "Абай жолы", [Self.item("A-1")]), Self.record("b1", "Қара сөздер", [])], age: 60)
            let second = try await CatalogSyncRun.run(path: dir.path, options: ImportOptions(), force: false, on: app.db)
            #expect(URL(fileURLWithPath: second.file).lastPathComponent == "2026-12-01.xml")
            #expect(second.held == nil)
            #expect(second.summary.copies.withdrawn == ["A-2"])
            #expect(second.summary.copies.conflicts == [.init(inventory: "B-1", local: "on_loan", ils: "absent")])
            #expect(try await Self.status(app, "A-2") == "withdrawn")
            #expect(try await Self.status(app, "B-1") == "on_loan")
            #expect(try await Self.status(app, "H-1") == "available")
            #expect(try await Self.status(app, "P-1") == "available")
            #expect(try await Self.status(app, "A-1") == "available")
            // History kept: the copy and both loans are still there.
            #expect(try await Copy.query(on: app.db).count() == 5)
            #expect(try await Loan.query(on: app.db).count() == 2)
            #expect(second.lines.contains("withdrawn: copy A-2 has left the export"))
            #expect(second.lines.contains { $0.hasPrefix("conflict: copy B-1 is on_loan here") })

            // Run again by cron: the same export, nothing done, no new run recorded.
            let again = try await CatalogSyncRun.run(path: dir.path, options: ImportOptions(), force: false, on: app.db)
            #expect(again.appliedAt != nil)
            #expect(try await CatalogSync.query(on: app.db).count() == 2)
            #expect(try await CatalogSync.query(on: app.db).filter(\.$outcome == "done").count() == 2)

            // A-2 turns up in a later export, with no status given: back on the shelf.
            try export("2026-12-02.xml", [Self.record("a1", "Абай жолы", [Self.item("A-1"), Self.item("A-2")])], age: 0)
            let third = try await CatalogSyncRun.run(path: dir.path, options: ImportOptions(), force: false, on: app.db)
            #expect(third.summary.copies.changes == [.init(inventory: "A-2", from: "withdrawn", to: "available")])
            #expect(try await Self.status(app, "A-2") == "available")
        }
    }

    /// An export cut short, or one with records that could not be read, withdraws nothing.
    @Test(arguments: TestDatabase.all)
    func test_withdrawal_is_held_when_the_export_looks_cut_short(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let all = (1...12).map { Self.record("r\($0)", "Книга \($0)", [Self.item("C-\($0)")]) }
            let full = try CatalogFixtures.xmlFile(all)
            defer { try? FileManager.default.removeItem(atPath: full) }
            _ = try await CatalogSyncRun.run(path: full, options: ImportOptions(), force: false, on: app.db)
            #expect(try await Copy.query(on: app.db).filter(\.$status == "available").count() == 12)

            // One record with no title anywhere is skipped: nothing is withdrawn.
            var untitled = MARCRecord(leader: "00000nam a2200000 i 4500", fields: [MARCField(tag: "001", value: "x")])
            untitled.fields.append(MARCField(tag: "500", indicator1: " ", indicator2: " ", subfields: [MARCSubfield("a", "?")]))
            let broken = try CatalogFixtures.xmlFile(Array(all.prefix(11)) + [untitled])
            defer { try? FileManager.default.removeItem(atPath: broken) }
            let withSkip = try await CatalogSyncRun.run(path: broken, options: ImportOptions(), force: false, on: app.db)
            #expect(withSkip.held == WithdrawalHeld(reason: .unreadable, absent: 1, of: 1))
            #expect(withSkip.summary.copies.withdrawn.isEmpty)
            #expect(try await Self.status(app, "C-12") == "available")
            #expect(try await CatalogSync.query(on: app.db).filter(\.$outcome == "held").count() == 1)

            // Eleven of twelve copies gone: held, unless forced.
            let short = try CatalogFixtures.xmlFile([all[0]])
            defer { try? FileManager.default.removeItem(atPath: short) }
            let cut = try await CatalogSyncRun.run(path: short, options: ImportOptions(), force: false, on: app.db)
            #expect(cut.held == WithdrawalHeld(reason: .tooMany, absent: 11, of: 12))
            #expect(try await Copy.query(on: app.db).filter(\.$status == "withdrawn").count() == 0)
            let forced = try await CatalogSyncRun.run(path: short, options: ImportOptions(), force: true, on: app.db)
            #expect(forced.held == nil && forced.summary.copies.withdrawn.count == 11)
            #expect(try await Copy.query(on: app.db).filter(\.$status == "withdrawn").count() == 11)
        }
    }

    /// A holdings CSV (barcode, branch, status) from the system updates copies found by barcode;
    /// a row for no copy here is reported, and a copy missing from it is withdrawn.
    @Test(arguments: TestDatabase.all)
    func test_a_holdings_csv_updates_statuses_by_barcode(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let marc = try CatalogFixtures.xmlFile([Self.record("a1", "Абай жолы", [Self.item("B-1"), Self.item("B-2"), Self.item("B-3")])])
            defer { try? FileManager.default.removeItem(atPath: marc) }
            _ = try await CatalogSyncRun.run(path: marc, options: ImportOptions(), force: false, on: app.db)
            let csv = FileManager.default.temporaryDirectory.appendingPathComponent("kn-\(UUID()).csv")
            try Data("Штрихкод,Филиал,Статус\nB-1,N,Выдан\nB-2,,списан\nX-9,N,available\n".utf8).write(to: csv)
            defer { try? FileManager.default.removeItem(at: csv) }
            let out = try await CatalogSyncRun.run(path: csv.path, options: ImportOptions(), force: false, on: app.db)
            #expect(out.summary.copies.unmatched == ["X-9"])
            #expect(
                out.summary.copies.changes == [
                    .init(inventory: "B-1", from: "available", to: "on_loan"), .init(inventory: "B-2", from: "available", to: "withdrawn"),
                ])
            #expect(out.summary.copies.withdrawn == ["B-3"])
            #expect(try await Self.status(app, "B-1") == "on_loan")
            #expect(try await Self.status(app, "B-2") == "withdrawn")
            #expect(try await Self.status(app, "B-3") == "withdrawn")
            #expect(try await Copy.query(on: app.db).count() == 3)
            #expect(try await BibRecord.query(on: app.db).count() == 1)

            // A wrong file (no row matches) would take every copy left: held, nothing withdrawn.
            try await Copy.query(on: app.db).set(\.$status, to: "available").update()
            let wrong = FileManager.default.temporaryDirectory.appendingPathComponent("kn-\(UUID()).csv")
            try Data("barcode,status\nZZZ,выдан\n".utf8).write(to: wrong)
            defer { try? FileManager.default.removeItem(at: wrong) }
            let held = try await CatalogSyncRun.run(path: wrong.path, options: ImportOptions(), force: false, on: app.db)
            #expect(held.held == WithdrawalHeld(reason: .tooMany, absent: 3, of: 3))
            #expect(try await Copy.query(on: app.db).filter(\.$status == "withdrawn").count() == 0)
        }
    }

    /// The export lists a copy under a record the catalogue holds under another key (no 003):
    /// the copy follows the export, and the report says it moved, so that staff find the double.
    @Test(arguments: TestDatabase.all)
    func test_a_copy_listed_under_another_record_is_reported_as_moved(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let first = try CatalogFixtures.xmlFile([Self.record("m1", "Абай жолы", [Self.item("M-1")])])
            defer { try? FileManager.default.removeItem(atPath: first) }
            _ = try await CatalogImport.run(path: first, options: ImportOptions(), on: app.db)
            var bare = Self.record("m1", "Абай жолы", [Self.item("M-1")])
            bare.fields.removeAll { $0.tag == "003" }
            let second = try CatalogFixtures.xmlFile([bare])
            defer { try? FileManager.default.removeItem(atPath: second) }
            let out = try await CatalogSyncRun.run(path: second, options: ImportOptions(), force: false, on: app.db)
            let ids = try await BibRecord.query(on: app.db).sort(\.$id).all().map { String($0.id!) }
            #expect(ids.count == 2)
            #expect(out.summary.copies.moved == [.init(inventory: "M-1", from: ids[0], to: ids[1])])
            #expect(out.lines.contains("moved: copy M-1 from record \(ids[0]) to record \(ids[1]); is the title there twice?"))
        }
    }

    @Test func test_the_status_rule_table() {
        typealias R = ILSStatusRule
        #expect(R.decide(ils: nil, current: nil, loanedHere: false, absentBefore: false) == .set(.available))
        #expect(R.decide(ils: .unknown("C"), current: nil, loanedHere: false, absentBefore: false) == .set(.available))
        #expect(R.decide(ils: .onLoan, current: nil, loanedHere: false, absentBefore: false) == .set(.onLoan))
        #expect(R.decide(ils: .onLoan, current: .available, loanedHere: false, absentBefore: false) == .set(.onLoan))
        #expect(R.decide(ils: .unknown("C"), current: .lost, loanedHere: false, absentBefore: false) == .keep)
        #expect(R.decide(ils: nil, current: .lost, loanedHere: false, absentBefore: false) == .keep)
        #expect(R.decide(ils: nil, current: .withdrawn, loanedHere: false, absentBefore: true) == .set(.available))
        #expect(R.decide(ils: nil, current: .withdrawn, loanedHere: false, absentBefore: false) == .keep)
        // This service's own holds.
        #expect(R.decide(ils: .available, current: .reserved, loanedHere: false, absentBefore: false) == .keep)
        #expect(R.decide(ils: .onLoan, current: .reserved, loanedHere: false, absentBefore: false) == .conflict)
        #expect(R.decide(ils: .onLoan, current: .onLoan, loanedHere: true, absentBefore: false) == .keep)
        #expect(R.decide(ils: .lost, current: .onLoan, loanedHere: true, absentBefore: false) == .conflict)
        #expect(R.decide(ils: .available, current: .onLoan, loanedHere: true, absentBefore: false) == .keep)
        // On loan here only by an earlier export (no loan of ours): the system says where it is.
        #expect(R.decide(ils: .available, current: .onLoan, loanedHere: false, absentBefore: false) == .set(.available))
    }
}
