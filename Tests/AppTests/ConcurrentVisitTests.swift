import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 13, §3: many staff changing one visit at the same moment. Exactly one change wins, the
/// others get 409, and the visit, its items, copies and loans agree afterwards. On PostgreSQL
/// (read committed) the old read-then-save code let several through.
@Suite(.serialized) struct ConcurrentVisitTests {
    static let runners = 20
    static let rounds = 8
    /// A loser is told 409; on SQLite, which writes one at a time, a request that waited too long
    /// for the database on a loaded machine is told 503 (nothing written). CI's stop 23 saw three
    /// of twenty taps time out that way.
    static func refusals(_ db: TestDatabase) -> Set<UInt> { db == .sqlite ? [409, 503] : [409] }
    /// A visit today for the seed's carrier, with two accepted items to deliver.
    private func stop(_ app: Application, _ seed: Seed) async throws -> Visit {
        try await DeliveryFixtures.stopWithBooks(app, seed: seed, card: "C-1")
    }

    private func statusEvents(_ app: Application, _ visit: Visit) async throws -> Int {
        try await VisitEvent.query(on: app.db).filter(\.$visit.$id == visit.id!).filter(\.$kind == "status").count()
    }

    /// A planned visit for today with an accepted item of each title, each with its own copy
    /// reserved. Several items make the outcome's transaction long enough for races to happen.
    private func readyVisit(_ app: Application, _ seed: Seed, bibs: [Int], round: Int) async throws -> Visit {
        let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "R-\(round)")
        let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: LocalDate.today(in: app.config.timeZone))
        for (n, bib) in bibs.enumerated() {
            let copy = Copy()
            copy.$bib.id = bib
            copy.inventoryNumber = "R-\(round)-\(n)"
            copy.$branch.id = seed.north.id
            copy.status = CopyStatus.reserved.rawValue
            try await copy.create(on: app.db)
            let item = VisitItem()
            item.$visit.id = visit.id!
            item.$bib.id = bib
            item.$copy.id = copy.id
            item.state = ItemState.accepted.rawValue
            item.reasons = "manual"
            item.position = n + 1
            item.source = "coordinator"
            try await item.create(on: app.db)
        }
        return visit
    }

    /// Twenty staff record one visit at once, half as done and half as not at home; several
    /// rounds, each on a fresh visit, since a race is a matter of chance.
    @Test(arguments: TestDatabase.all)
    func test_twenty_outcomes_for_one_visit_record_exactly_one(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let shelf = (1...6).map { ("История, том \($0)", "История") }
            let bibs = Array(try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: shelf).values)
            let coord = try await Seed.token(app, for: seed.coordinator)
            for round in 0..<Self.rounds {
                let visit = try await readyVisit(app, seed, bibs: bibs, round: round)
                let path = "/api/v1/visits/\(visit.id!)/outcome"
                // No idempotency keys: these are different staff, not one phone resending.
                let codes = try await race(app, Self.runners) { i in
                    RaceRequest(method: .POST, path: path, token: coord, body: i % 2 == 0 ? #"{"outcome":"done"}"# : #"{"outcome":"no_answer"}"#)
                }
                let winners = codes.filter { $0.value == 200 }.map(\.key)
                #expect(winners.count == 1, "round \(round)")
                #expect(codes.values.filter { $0 != 200 }.allSatisfy { Self.refusals(db).contains($0) }, "round \(round): \(codes.values.sorted())")
                #expect(try await statusEvents(app, visit) == 1)
                let status = try await Visit.find(visit.id, on: app.db)?.status
                let items = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
                let copies = try await Copy.query(on: app.db).filter(\.$id ~~ items.compactMap { $0.$copy.id }).all()
                let loans = try await Loan.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
                // Never two open loans of one copy, and every copy's status matches its loans.
                #expect(Set(loans.map { $0.$copy.id }).count == loans.count)
                if let winner = winners.first, winner % 2 == 0 {
                    #expect(status == "done")
                    #expect(loans.count == bibs.count && loans.allSatisfy { $0.status == "on_loan" })
                    #expect(copies.allSatisfy { $0.status == "on_loan" })
                    #expect(items.allSatisfy { $0.state == "delivered" })
                } else {
                    #expect(status == "no_answer")
                    #expect(loans.isEmpty)
                    #expect(copies.allSatisfy { $0.status == "available" })
                    #expect(items.allSatisfy { $0.state == "not_delivered" })
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_twenty_taps_on_my_way_start_the_visit_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let visit = try await stop(app, seed)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let start = RaceRequest(method: .POST, path: "/api/v1/visits/\(visit.id!)/start", token: carrier)
            let codes = try await race(app, Self.runners) { _ in start }
            #expect(codes.values.filter { $0 == 204 }.count == 1)
            #expect(codes.values.filter { $0 != 204 }.allSatisfy { Self.refusals(db).contains($0) }, "\(codes.values.sorted())")
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "in_progress")
            #expect(try await statusEvents(app, visit) == 1)
        }
    }

    /// Starting and recording at once: whatever the order, the visit ends with one outcome and
    /// the events tell a possible story (a start, if any, before the outcome).
    @Test(arguments: TestDatabase.all)
    func test_starts_and_outcomes_at_once_leave_one_outcome(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let visit = try await stop(app, seed)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let codes = try await race(app, Self.runners) { i in
                i % 2 == 0
                    ? RaceRequest(method: .POST, path: "/api/v1/visits/\(visit.id!)/start", token: carrier)
                    : RaceRequest(method: .POST, path: "/api/v1/visits/\(visit.id!)/outcome", token: carrier, body: #"{"outcome":"done"}"#)
            }
            let outcomes = codes.filter { $0.key % 2 == 1 }.map(\.value)
            let starts = codes.filter { $0.key % 2 == 0 }.map(\.value)
            #expect(outcomes.filter { $0 == 200 }.count == 1)
            #expect(outcomes.filter { $0 != 200 }.allSatisfy { Self.refusals(db).contains($0) })
            #expect(starts.filter { $0 == 204 }.count <= 1)
            #expect(starts.filter { $0 != 204 }.allSatisfy { Self.refusals(db).contains($0) })
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "done")
            #expect(try await statusEvents(app, visit) == 1 + starts.filter { $0 == 204 }.count)
            #expect(try await Loan.query(on: app.db).filter(\.$status == "on_loan").count() == 2)
        }
    }

    /// Coordinators moving the visit while the carrier records it: once the outcome is in, no
    /// change of date lands after it.
    @Test(arguments: TestDatabase.all)
    func test_date_changes_and_an_outcome_at_once_never_move_a_closed_visit(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let visit = try await stop(app, seed)
            let coord = try await Seed.token(app, for: seed.coordinator)
            let today = LocalDate.today(in: app.config.timeZone)
            let path = "/api/v1/visits/\(visit.id!)"
            let codes = try await race(app, Self.runners) { i in
                i == Self.runners / 2
                    ? RaceRequest(method: .POST, path: path + "/outcome", token: coord, body: #"{"outcome":"no_answer"}"#)
                    : RaceRequest(method: .PATCH, path: path, token: coord, body: #"{"scheduled_on":"\#(today.adding(days: i + 1).iso)"}"#)
            }
            #expect(codes[Self.runners / 2] == 200)
            #expect(codes.filter { $0.key != Self.runners / 2 }.values.allSatisfy { [200, 422].contains($0) || Self.refusals(db).contains($0) })
            let events = try await VisitEvent.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
            let closed = try #require(events.first { $0.kind == "status" })
            let moves = events.filter { $0.kind == "date" }
            #expect(moves.count == codes.filter { $0.key != Self.runners / 2 && $0.value == 200 }.count)
            #expect(moves.allSatisfy { $0.at <= closed.at })
            // The visit is where the last accepted change put it.
            let last = moves.max { $0.at < $1.at }
            #expect(try await Visit.find(visit.id, on: app.db)?.scheduledOn == last?.toValue ?? today.iso)
        }
    }

    /// Twenty coordinators put the same copy on twenty visits: one reservation, one item.
    @Test(arguments: TestDatabase.all)
    func test_twenty_visits_racing_for_one_copy_reserve_it_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Абай жолы", "Роман")])
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "C-2")
            let today = LocalDate.today(in: app.config.timeZone)
            var visits: [UUID] = []
            for n in 0..<Self.runners {
                visits.append(try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today.adding(days: n)).id!)
            }
            let coord = try await Seed.token(app, for: seed.coordinator)
            let copy = try await Copy.query(on: app.db).first()!
            let body = #"{"bib_id":\#(ids["Абай жолы"]!),"copy_id":"\#(copy.id!)"}"#
            let chosen = visits
            let codes = try await race(app, Self.runners) { i in
                RaceRequest(method: .POST, path: "/api/v1/visits/\(chosen[i])/items", token: coord, body: body)
            }
            #expect(codes.values.filter { $0 == 201 }.count == 1)
            #expect(codes.values.filter { $0 != 201 }.allSatisfy { Self.refusals(db).contains($0) }, "\(codes.values.sorted())")
            #expect(try await VisitItem.query(on: app.db).count() == 1)
            #expect(try await Copy.find(copy.id, on: app.db)?.status == "reserved")
        }
    }
}
