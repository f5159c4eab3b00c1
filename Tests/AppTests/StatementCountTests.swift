import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 17, §2: the lists load in a constant number of statements, whatever their number of rows.
/// Each page is read at 10 and at 1,000 rows, and the counts must be the same; a page that looks
/// something up per row (N+1) would run about a thousand more.
@Suite(.serialized) struct StatementCountTests {
    /// `n` readers, each with a visit today on the seed carrier's run with one accepted book, and a
    /// book on loan.
    private func rows(_ app: Application, _ seed: Seed, _ n: Int) async throws {
        let bib = try #require(try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Путь Абая", "История")]).values.first)
        let today = LocalDate.today(in: app.config.timeZone)
        let (template, errors) = try await ReaderValidator(user: seed.coordinator.current, today: today, db: app.db, readerID: nil)
            .validate(Seed.reader(branch: seed.north, card: "N-0"))
        let base = try #require(template, "\(errors.items.map(\.field))")
        try await app.db.transaction { tx in
            for i in 0..<n {
                var record = base
                record.card_number = "N-\(i)"
                record.family_name = "Читатель\(i)"
                let reader = try await ReaderStore.create(record, by: seed.coordinator.current, today: today, on: tx)
                let visit = Visit()
                (visit.$reader.id, visit.$branch.id, visit.$carrier.id) = (reader.id!, seed.north.id!, seed.carrier.id)
                (visit.scheduledOn, visit.kind, visit.status) = (today.iso, VisitKind.planned.rawValue, VisitStatus.planned.rawValue)
                try await visit.create(on: tx)
                func copy(_ status: CopyStatus) async throws -> Copy {
                    let c = Copy()
                    (c.$bib.id, c.$branch.id, c.inventoryNumber, c.status) = (bib, seed.north.id, "C-\(i)-\(status.rawValue)", status.rawValue)
                    try await c.create(on: tx)
                    return c
                }
                let item = VisitItem()
                (item.$visit.id, item.$bib.id, item.$copy.id) = (visit.id!, bib, try await copy(.reserved).id)
                (item.state, item.reasons, item.position, item.source) = (ItemState.accepted.rawValue, "manual", 1, "coordinator")
                try await item.create(on: tx)
                let loan = Loan()
                (loan.$reader.id, loan.$bib.id, loan.$copy.id) = (reader.id!, bib, try await copy(.onLoan).id!)
                (loan.issuedOn, loan.dueOn, loan.status, loan.renewals) = (
                    today.adding(days: -7).iso, today.adding(days: 23).iso, LoanStatus.onLoan.rawValue, 0
                )
                try await loan.create(on: tx)
            }
        }
    }

    static let pages = ["/readers?per_page=100", "/visits", "/run", "/loans", "/reports/rows?list=visits&subset=all&branch_id="]

    private func counts(_ db: TestDatabase, rows n: Int) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await rows(app, seed, n)
            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            for page in Self.pages {
                let web = page == "/run" ? carrier : coordinator
                let path = page.hasSuffix("branch_id=") ? page + seed.north.id!.uuidString : page
                let (status, statements) = try await StatementCounter.get(app, web, path)
                #expect(status == .ok, "\(page) at \(n) rows: \(status)")
                out[page] = statements.count
                if ProcessInfo.processInfo.environment["KN_SHOW_SQL"] == page {
                    print("=== \(page) at \(n) rows\n" + statements.map { String($0.prefix(220)) }.joined(separator: "\n"))
                }
            }
        }
        return out
    }

    @Test(arguments: TestDatabase.all)
    func test_each_list_runs_as_many_statements_at_1000_rows_as_at_10(db: TestDatabase) async throws {
        let few = try await counts(db, rows: 10)
        let many = try await counts(db, rows: 1000)
        for page in Self.pages {
            #expect(few[page] == many[page], "\(page): \(few[page] ?? -1) statements at 10 rows, \(many[page] ?? -1) at 1,000")
            #expect((few[page] ?? 0) > 0, "\(page) counted nothing")
        }
    }
}
