import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 13, section 1: after "no answer" the stop still lists the books in the carrier's bag.
@Suite struct RunSheetTests {
    @Test(arguments: TestDatabase.all)
    func test_after_no_answer_the_stop_still_lists_the_books(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: (1...6).map { ("История края, том \($0)", "История") })
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-BAG")
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await SelectionBatch.run(branchID: seed.north.id, from: today, until: today, today: today, on: app.db)
            let before = try #require(try await RunSheet.stops(carrierID: seed.carrier.id!, day: today, on: app.db).first)
            #expect(before.deliver.count == 2)
            let token = try await Seed.token(app, for: seed.carrier)
            let res = try await app.testing().sendRequest(
                .POST, "/api/v1/visits/\(visit.id!)/outcome", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: .init(string: #"{"outcome":"no_answer"}"#))
            #expect(res.status == .ok)
            let after = try #require(try await RunSheet.stops(carrierID: seed.carrier.id!, day: today, on: app.db).first)
            #expect(after.status == "no_answer")
            #expect(after.deliver.map(\.title).sorted() == before.deliver.map(\.title).sorted())
            #expect(try await Loan.query(on: app.db).count() == 0)
        }
    }
}
