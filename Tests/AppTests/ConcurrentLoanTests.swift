import Fluent
import Foundation
import Scheduling
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 13, §3: many staff renewing or marking lost one loan at the same moment, and the
/// database's own rule of one open loan per copy.
@Suite(.serialized) struct ConcurrentLoanTests {
    static let runners = 20

    /// A copy on loan to a weekly reader, due today, already renewed `renewals` times.
    private func openLoan(_ app: Application, _ seed: Seed, renewals: Int) async throws -> Loan {
        _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Абай жолы", "Роман")])
        let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "L-1")
        let copy = try await Copy.query(on: app.db).first()!
        copy.status = CopyStatus.onLoan.rawValue
        try await copy.save(on: app.db)
        let today = LocalDate.today(in: app.config.timeZone)
        let loan = Loan()
        loan.$reader.id = reader.id!
        loan.$bib.id = copy.$bib.id
        loan.$copy.id = copy.id!
        loan.issuedOn = today.adding(days: -7).iso
        loan.dueOn = today.iso
        loan.status = LoanStatus.onLoan.rawValue
        loan.renewals = renewals
        try await loan.create(on: app.db)
        return loan
    }

    @Test(arguments: TestDatabase.all)
    func test_twenty_renewals_of_the_last_allowed_renewal_renew_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let loan = try await openLoan(app, seed, renewals: LoanService.maxRenewals - 1)
            let coord = try await Seed.token(app, for: seed.coordinator)
            let codes = try await race(app, Self.runners) { _ in RaceRequest(method: .POST, path: "/api/v1/loans/\(loan.id!)/renew", token: coord) }
            #expect(codes.values.filter { $0 == 200 }.count == 1)
            #expect(codes.values.filter { $0 == 409 }.count == Self.runners - 1)
            let after = try await Loan.find(loan.id, on: app.db)!
            #expect(after.renewals == LoanService.maxRenewals)
            // Moved on by one step of the reader's rhythm, not by several.
            #expect(after.dueOn == Rhythm.weekly.next(after: Day(iso: loan.dueOn)!).iso)
            #expect(after.status == "on_loan")
        }
    }

    /// Half mark the loan lost, half renew it. It is lost exactly once, with its copy; a renewal
    /// counts only if it came first, and the renewals count says how many got through.
    @Test(arguments: TestDatabase.all)
    func test_twenty_mark_lost_and_renew_at_once_end_the_loan_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let loan = try await openLoan(app, seed, renewals: LoanService.maxRenewals - 1)
            let coord = try await Seed.token(app, for: seed.coordinator)
            let admin = try await Seed.token(app, for: seed.admin)
            let codes = try await race(app, Self.runners) { i in
                RaceRequest(method: .POST, path: "/api/v1/loans/\(loan.id!)/\(i % 2 == 0 ? "lost" : "renew")", token: i % 4 < 2 ? coord : admin)
            }
            let lost = codes.filter { $0.key % 2 == 0 }.map(\.value)
            let renewed = codes.filter { $0.key % 2 == 1 }.map(\.value)
            #expect(lost.filter { $0 == 200 }.count == 1)
            #expect(renewed.filter { $0 == 200 }.count <= 1)
            #expect(codes.values.filter { $0 != 200 }.allSatisfy { $0 == 409 })
            let after = try await Loan.find(loan.id, on: app.db)!
            #expect(after.status == "lost")
            #expect(after.renewals == LoanService.maxRenewals - 1 + renewed.filter { $0 == 200 }.count)
            #expect(try await Copy.find(loan.$copy.id, on: app.db)?.status == "lost")
        }
    }

    /// The rule holds in the database itself, whatever the code before it checked.
    @Test(arguments: TestDatabase.all)
    func test_the_database_refuses_a_second_open_loan_of_a_copy(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let first = try await openLoan(app, seed, renewals: 0)
            func another(_ status: LoanStatus) -> Loan {
                let loan = Loan()
                loan.$reader.id = first.$reader.id
                loan.$bib.id = first.$bib.id
                loan.$copy.id = first.$copy.id
                loan.issuedOn = first.issuedOn
                loan.dueOn = first.dueOn
                loan.status = status.rawValue
                loan.renewals = 0
                return loan
            }
            await #expect(throws: (any Error).self) { try await another(.onLoan).create(on: app.db) }
            // Through the code path delivery uses: a localised conflict, not a 500.
            await #expect {
                try await LoanState.create(another(.onLoan), on: app.db)
            } throws: { error in
                guard case AppError.conflict(let m) = error else { return false }
                return m.key == "copy.already_on_loan"
            }
            // Returned and lost loans of the copy are history, not open loans.
            try await another(.returned).create(on: app.db)
            try await another(.lost).create(on: app.db)
            #expect(try await Loan.query(on: app.db).filter(\.$copy.$id == first.$copy.id).count() == 3)
        }
    }

    /// A database that already holds two open loans of a copy is not migrated over them: the
    /// migration stops with a reason and changes nothing.
    @Test(arguments: TestDatabase.all)
    func test_the_index_migration_refuses_existing_double_loans(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let first = try await openLoan(app, seed, renewals: 0)
            try await M060OneOpenLoanPerCopy().revert(on: app.db)
            let second = Loan()
            second.$reader.id = first.$reader.id
            second.$bib.id = first.$bib.id
            second.$copy.id = first.$copy.id
            second.issuedOn = first.issuedOn
            second.dueOn = first.dueOn
            second.status = LoanStatus.onLoan.rawValue
            second.renewals = 0
            try await second.create(on: app.db)
            await #expect(throws: M060OneOpenLoanPerCopy.MigrationRefusal.self) { try await M060OneOpenLoanPerCopy().prepare(on: app.db) }
            #expect(try await Loan.query(on: app.db).filter(\.$status == "on_loan").count() == 2)
            // Once one of them is ended, the index goes in.
            second.status = LoanStatus.returned.rawValue
            try await second.save(on: app.db)
            try await M060OneOpenLoanPerCopy().prepare(on: app.db)
        }
    }
}
