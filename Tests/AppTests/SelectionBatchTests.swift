import Fluent
import Foundation
import MARCKit
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Candidates follow the copies (the SQLite index keeps a branch token per holding), and a batch
/// ranks many visits at once without two of them getting one copy.
@Suite(.serialized) struct SelectionBatchTests {
    private let titles = [("История Казахстана", "История"), ("История Семипалатинска", "История"), ("Очерки истории", "История")]

    private func candidates(_ app: Application, at branch: Branch) async throws -> Set<Int> {
        Set(
            try await CandidateQuery.ids(
                interests: ["История"], forms: ["print"], languages: [], branchID: branch.id!, exclude: [], on: app.db))
    }

    @Test(arguments: TestDatabase.all)
    func test_candidates_follow_copies_added_moved_and_deleted(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            #expect(try await candidates(app, at: seed.north) == Set(ids.values))
            #expect(try await candidates(app, at: seed.south).isEmpty)
            let moved = try #require(try await Copy.query(on: app.db).filter(\.$bib.$id == ids["Очерки истории"]!).first())
            moved.$branch.id = seed.south.id
            try await moved.save(on: app.db)
            #expect(try await candidates(app, at: seed.south) == [ids["Очерки истории"]!])
            #expect(try await candidates(app, at: seed.north) == [ids["История Казахстана"]!, ids["История Семипалатинска"]!])
            try await moved.delete(on: app.db)
            #expect(try await candidates(app, at: seed.south).isEmpty)
            // A copy that is not on the shelf is held, but not a candidate.
            try await Copy.query(on: app.db).filter(\.$bib.$id == ids["История Казахстана"]!).set(\.$status, to: CopyStatus.onLoan.rawValue)
                .update()
            #expect(try await candidates(app, at: seed.north) == [ids["История Семипалатинска"]!])
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_reimport_keeps_the_branch_in_the_index_and_search_ignores_it(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            // The same file again: the records are updated and indexed again; their copies stay.
            let records = titles.enumerated().map { i, t in CatalogFixtures.record("D\(i)", title: t.0, subject: t.1, author: "Ауэзов, Мухтар") }
            let path = try CatalogFixtures.xmlFile(records)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            #expect(summary.updated == 3)
            #expect(try await candidates(app, at: seed.north) == Set(ids.values))
            // The branch token is not a word of any record.
            let token = SearchHoldings.token(seed.north.id!)
            var query = CatalogQuery()
            query.q = token
            let found = try await CatalogSearch.run(query, on: app.db)
            #expect(found.total == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_batch_never_gives_one_copy_to_two_visits(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let today = LocalDate.today(in: app.config.timeZone)
            var visits: [UUID] = []
            for n in 1...3 {
                let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "B-\(n)")
                let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today)
                visits.append(visit.id!)
            }
            let result = try await SelectionBatch.run(
                branchID: seed.north.id!, from: today, until: today, today: today, on: app.db, lanes: app.databasesPerLoop(logger: app.logger))
            // Three copies in all, two wanted per visit: every copy goes out once.
            #expect(result.items == 3)
            let items = try await VisitItem.query(on: app.db).filter(\.$visit.$id ~~ visits).all()
            #expect(items.count == 3)
            #expect(Set(items.compactMap { $0.$copy.id }).count == 3)
            #expect(Set(items.map { $0.$bib.id }) == Set(ids.values))
            #expect(try await Copy.query(on: app.db).filter(\.$status == CopyStatus.reserved.rawValue).count() == 3)
            // Run again: nothing more to give, nothing changes.
            let again = try await SelectionBatch.run(branchID: seed.north.id!, from: today, until: today, today: today, on: app.db)
            #expect(again.items == 0)
            #expect(try await VisitItem.query(on: app.db).filter(\.$visit.$id ~~ visits).count() == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_an_administrator_prepares_every_branch_at_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let today = LocalDate.today(in: app.config.timeZone)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "A-1")
            try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(try await Seed.token(app, for: seed.admin))", "Content-Type": "application/json"]
            let body = #"{"from":"\#(today.iso)","to":"\#(today.iso)"}"#
            let all = try await app.testing().sendRequest(.POST, "/api/v1/visits/select", headers: headers, body: .init(string: body))
            #expect(all.status == .ok)
            #expect(try all.content.decode(VisitsAPIController.SelectResult.self).items == 2)
            // A coordinator names the branch.
            let coordinator: HTTPHeaders = [
                "Authorization": "Bearer \(try await Seed.token(app, for: seed.coordinator))", "Content-Type": "application/json",
            ]
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/visits/select", headers: coordinator, body: .init(string: body))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("branch_id"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_series_read_years_ago_goes_on_after_the_book_read(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let records = (1...3).map { n in
                var r = CatalogFixtures.record("S\(n)", title: "Путь Абая, книга \(n)", subject: "История", author: "Ауэзов, Мухтар")
                r.fields.append(
                    MARCField(tag: "490", indicator1: "0", indicator2: " ", subfields: [MARCSubfield("a", "Путь Абая"), MARCSubfield("v", "\(n)")]))
                return r
            }
            let path = try CatalogFixtures.xmlFile(records)
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
            var ids: [Int: Int] = [:]
            for (n, b) in try await BibRecord.query(on: app.db).all().enumerated() {
                ids[Int(b.seriesNumber ?? "0") ?? 0] = b.id!
                let copy = Copy()
                copy.$bib.id = b.id!
                copy.inventoryNumber = "S-\(n)"
                copy.$branch.id = seed.north.id
                copy.status = CopyStatus.available.rawValue
                try await copy.create(on: app.db)
            }
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "S-1", subjects: ["История", "Путь Абая"])
            let today = LocalDate.today(in: app.config.timeZone)
            // Book 2, two years ago: older than the reader's tastes window, still part of the series.
            let loan = Loan()
            loan.$reader.id = reader.id!
            loan.$bib.id = ids[2]!
            loan.$copy.id = try #require(try await Copy.query(on: app.db).filter(\.$bib.$id == ids[2]!).first()?.id)
            loan.issuedOn = today.adding(days: -730).iso
            loan.dueOn = today.adding(days: -716).iso
            loan.status = LoanStatus.returned.rawValue
            loan.renewals = 0
            try await loan.create(on: app.db)
            let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today)
            _ = try await SelectionService.suggest(visitID: visit.id!, accept: false, today: today, on: app.db)
            let chosen = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all().map { $0.$bib.id }
            // Book 3 comes next: book 2 is not sent again, and book 1 is behind the reader.
            #expect(chosen.contains(ids[3]!))
            #expect(!chosen.contains(ids[2]!))
            #expect(!chosen.contains(ids[1]!))
        }
    }

    @Test func test_each_visit_searches_a_dozen_interests_and_all_get_their_turn() {
        let interests = (1...30).map { "interest \($0)" }
        var covered = Set<String>()
        for week in 0..<3 {
            let (now, rest) = CandidateQuery.rotation(interests, turn: week)
            #expect(now.count == CandidateQuery.interestsPerVisit)
            #expect(Set(now + rest) == Set(interests))
            covered.formUnion(now)
        }
        #expect(covered == Set(interests))
        #expect(CandidateQuery.rotation(["a", "b"], turn: 5) == (["a", "b"], []))
    }
}
