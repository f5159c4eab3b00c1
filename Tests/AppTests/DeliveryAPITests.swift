import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite(.serialized) struct DeliveryAPITests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }
    private let titles = [
        ("История Казахстана", "История"), ("История Семипалатинска", "История"), ("Очерки истории", "История"), ("Сказки", "Сказки"),
    ]

    @Test(arguments: TestDatabase.all)
    func test_plan_select_deliver_and_return_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "D-1")
            let coord = try await Seed.token(app, for: seed.coordinator)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let today = LocalDate.today(in: app.config.timeZone)
            let plan = #"{"from":"\#(today.iso)","weeks":2}"#
            let planned = try await app.testing().sendRequest(.POST, "/api/v1/visits/plan", headers: json(coord), body: .init(string: plan))
            #expect(planned.status == .ok)
            #expect(try planned.content.decode(VisitsAPIController.PlanResult.self).created == 2)
            // Planning again adds nothing.
            let again = try await app.testing().sendRequest(.POST, "/api/v1/visits/plan", headers: json(coord), body: .init(string: plan))
            #expect(try again.content.decode(VisitsAPIController.PlanResult.self).created == 0)
            let visits = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).sort(\.$scheduledOn).all()
            #expect(visits.map(\.scheduledOn) == [today.iso, today.adding(days: 7).iso])
            for v in visits {
                try await app.testing().test(
                    .PATCH, "/api/v1/visits/\(v.id!)", headers: json(coord), body: .init(string: #"{"carrier_id":"\#(seed.carrier.id!)"}"#)
                ) { res in #expect(res.status == .ok) }
            }
            let select = #"{"branch_id":"\#(seed.north.id!)","from":"\#(today.iso)","to":"\#(today.iso)"}"#
            let selected = try await app.testing().sendRequest(.POST, "/api/v1/visits/select", headers: json(coord), body: .init(string: select))
            #expect(try selected.content.decode(VisitsAPIController.SelectResult.self).items == 2)
            let first = try await app.testing().sendRequest(.GET, "/api/v1/visits/\(visits[0].id!)", headers: json(coord))
            let chosen = try first.content.decode(VisitDTO.self).items
            #expect(chosen.count == 2)
            #expect(chosen.allSatisfy { $0.state == "accepted" && $0.copy_id != nil })
            #expect(!chosen.contains { $0.bib_id == ids["Сказки"] })
            #expect(try await Copy.query(on: app.db).filter(\.$status == "reserved").count() == 2)

            // The carrier records the first visit; the phone resends it after a lost connection.
            let done = #"{"outcome":"done","minutes_spent":25,"key":"k-1"}"#
            for _ in 0..<2 {
                try await app.testing().test(.POST, "/api/v1/visits/\(visits[0].id!)/outcome", headers: json(carrier), body: .init(string: done)) {
                    res in
                    #expect(res.status == .ok)
                    #expect(!res.body.string.contains("disability"))
                }
            }
            let loans = try await Loan.query(on: app.db).filter(\.$reader.$id == reader.id!).all()
            #expect(loans.count == 2)
            #expect(loans.allSatisfy { $0.dueOn == today.adding(days: 7).iso && $0.status == "on_loan" })
            #expect(try await Copy.query(on: app.db).filter(\.$status == "on_loan").count() == 2)

            // A week later, the second visit collects both with ratings. (Its day is moved to today:
            // a carrier records an outcome on the visit's day, not before it.)
            visits[1].scheduledOn = today.iso
            try await visits[1].save(on: app.db)
            let ratings = loans.map { "\"\($0.id!)\":\($0 === loans[0] ? 5 : 2)" }.joined(separator: ",")
            let back =
                #"{"outcome":"done","returned":[\#(loans.map { "\"\($0.id!)\"" }.joined(separator: ","))],"ratings":{\#(ratings)},"key":"k-2"}"#
            try await app.testing().test(.POST, "/api/v1/visits/\(visits[1].id!)/outcome", headers: json(carrier), body: .init(string: back)) { res in
                #expect(res.status == .ok)
            }
            let returned = try await Loan.query(on: app.db).filter(\.$reader.$id == reader.id!).all()
            #expect(returned.allSatisfy { $0.status == "returned" && $0.rating != nil })
            #expect(try await Copy.query(on: app.db).filter(\.$status == "available").count() == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_two_coordinators_reserving_one_copy_exactly_one_wins(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Абай жолы", "Роман")])
            let a = try await DeliveryFixtures.reader(app, seed: seed, card: "D-1")
            let b = try await DeliveryFixtures.reader(app, seed: seed, card: "D-2")
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today, by: nil, on: app.db)
            let va = try await Visit.query(on: app.db).filter(\.$reader.$id == a.id!).first()!
            let vb = try await Visit.query(on: app.db).filter(\.$reader.$id == b.id!).first()!
            let t1 = try await Seed.token(app, for: seed.coordinator)
            let t2 = try await Seed.token(app, for: seed.admin)
            let copy = try await Copy.query(on: app.db).first()!
            let body = #"{"bib_id":\#(ids["Абай жолы"]!),"copy_id":"\#(copy.id!)"}"#
            let tester = try app.testing()
            async let r1 = tester.sendRequest(.POST, "/api/v1/visits/\(va.id!)/items", headers: json(t1), body: .init(string: body))
            async let r2 = tester.sendRequest(.POST, "/api/v1/visits/\(vb.id!)/items", headers: json(t2), body: .init(string: body))
            let statuses = try await [r1.status.code, r2.status.code].sorted()
            #expect(statuses == [201, 409])
            #expect(try await VisitItem.query(on: app.db).count() == 1)
            #expect(try await Copy.find(copy.id, on: app.db)?.status == "reserved")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_bad_outcomes_and_requests_change_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "D-1")
            let coord = try await Seed.token(app, for: seed.coordinator)
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today, by: nil, on: app.db)
            let visit = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).first()!
            _ = try await SelectionService.suggest(visitID: visit.id!, accept: true, today: today, on: app.db)

            // Returning something that is not on loan: a field error, and the visit stays as it was.
            let stray = #"{"outcome":"done","returned":["\#(UUID())"]}"#
            try await app.testing().test(.POST, "/api/v1/visits/\(visit.id!)/outcome", headers: json(coord), body: .init(string: stray)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"returned\""))
            }
            // A header key too long is refused, even when the body carries a key of its own.
            var longKey = json(coord)
            longKey.add(name: "Idempotency-Key", value: String(repeating: "k", count: 101))
            let keyed = #"{"outcome":"done","key":"body-key-1"}"#
            try await app.testing().test(.POST, "/api/v1/visits/\(visit.id!)/outcome", headers: longKey, body: .init(string: keyed)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Idempotency-Key"))
            }
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "planned")
            #expect(try await Loan.query(on: app.db).count() == 0)
            #expect(try await Copy.query(on: app.db).filter(\.$status == "reserved").count() == 2)

            // Cancelled, then marked done: refused, nothing changes.
            try await app.testing().test(
                .POST, "/api/v1/visits/\(visit.id!)/outcome", headers: json(coord),
                body: .init(string: #"{"outcome":"cancelled","reason":"reader_ill"}"#)
            ) { res in #expect(res.status == .ok) }
            #expect(try await Copy.query(on: app.db).filter(\.$status == "available").count() == 4)
            try await app.testing().test(
                .POST, "/api/v1/visits/\(visit.id!)/outcome", headers: json(coord), body: .init(string: #"{"outcome":"done"}"#)
            ) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("отмен"))
            }
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "cancelled")
            #expect(try await Loan.query(on: app.db).count() == 0)

            // A visit for a paused reader.
            reader.status = ReaderStatus.paused.rawValue
            try await reader.save(on: app.db)
            let request =
                #"{"reader_id":"\#(reader.id!)","scheduled_on":"\#(today.iso)","requested_by":"caregiver","request_channel":"call","request_text":"Детективы"}"#
            try await app.testing().test(.POST, "/api/v1/visits", headers: json(coord), body: .init(string: request)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"reader_id\""))
            }
            #expect(try await Visit.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_carriers_see_only_their_stops_and_no_health_data(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "D-1")
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today, by: nil, on: app.db)
            let visit = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).first()!
            visit.$carrier.id = seed.carrier.id
            try await visit.save(on: app.db)
            let other = User(email: "carrier2@test.kz", fullName: "Carrier2", role: .carrier, branchID: seed.north.id, passwordHash: "x")
            try await other.create(on: app.db)
            let mine = try await Seed.token(app, for: seed.carrier)
            let theirs = try await Seed.token(app, for: other)
            let res = try await app.testing().sendRequest(.GET, "/api/v1/run", headers: json(mine))
            #expect(res.status == .ok)
            let run = try res.content.decode(VisitsAPIController.RunDTO.self)
            #expect(run.stops.map(\.visit_id) == [visit.id!])
            #expect(run.stops.first?.phones.first?.number == "+77012345678")
            for secret in ["disability", "group1", "low_vision", "consent", "birth", "1948"] { #expect(!res.body.string.contains(secret)) }
            let empty = try await app.testing().sendRequest(.GET, "/api/v1/run", headers: json(theirs))
            #expect(try empty.content.decode(VisitsAPIController.RunDTO.self).stops.isEmpty)
            try await app.testing().test(
                .POST, "/api/v1/visits/\(visit.id!)/outcome", headers: json(theirs), body: .init(string: #"{"outcome":"no_answer"}"#)
            ) { res in #expect(res.status == .forbidden) }
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "planned")
            for path in ["/api/v1/visits", "/api/v1/visits/\(visit.id!)", "/api/v1/readers/\(reader.id!)"] {
                try await app.testing().test(.GET, path, headers: json(mine)) { res in #expect(res.status == .forbidden) }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_reader_with_hundreds_of_interests_gets_suggestions(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            // Polaris fails at 50 preferences.
            let interests = (1...120).map { "Тема \($0)" } + ["История"]
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "D-1", subjects: interests)
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today, by: nil, on: app.db)
            let visit = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).first()!
            let coord = try await Seed.token(app, for: seed.coordinator)
            let res = try await app.testing().sendRequest(.POST, "/api/v1/visits/\(visit.id!)/suggestions", headers: json(coord))
            #expect(res.status == .ok)
            let items = try res.content.decode(VisitDTO.self).items
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0.state == "suggested" && $0.reasons.contains("subject:История") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_next_visit_override_and_on_my_way(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "D-1")
            let coord = try await Seed.token(app, for: seed.coordinator)
            let today = LocalDate.today(in: app.config.timeZone)
            let past = try await app.testing().sendRequest(
                .PUT, "/api/v1/readers/\(reader.id!)/next-visit", headers: json(coord), body: .init(string: #"{"next_visit_on":"2001-01-01"}"#))
            #expect(past.status == .unprocessableEntity)
            #expect(past.body.string.contains("next_visit_on"))
            // An empty string is not a date (null clears), and nothing is stored (found by schemathesis).
            let empty = try await app.testing().sendRequest(
                .PUT, "/api/v1/readers/\(reader.id!)/next-visit", headers: json(coord), body: .init(string: #"{"next_visit_on":""}"#))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("next_visit_on"))
            let later = today.adding(days: 3)
            let set = try await app.testing().sendRequest(
                .PUT, "/api/v1/readers/\(reader.id!)/next-visit", headers: json(coord), body: .init(string: #"{"next_visit_on":"\#(later.iso)"}"#))
            #expect(set.status == .ok)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today.adding(days: 6), by: nil, on: app.db)
            let first = try #require(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).sort(\.$scheduledOn).first())
            let holidays = try await Holidays.days(on: app.db)
            #expect(first.scheduledOn == later.iso || holidays.contains(later.schedulingDay))
            // Used once: planning cleared it.
            #expect(try await Reader.find(reader.id, on: app.db)?.nextVisitOn == nil)

            first.$carrier.id = seed.carrier.id
            // The day comes: a carrier records outcomes on the visit's day, not before it.
            first.scheduledOn = today.iso
            try await first.save(on: app.db)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let other = User(email: "c2@test.kz", fullName: "C2", role: .carrier, branchID: seed.north.id, passwordHash: "x")
            try await other.create(on: app.db)
            let otherToken = try await Seed.token(app, for: other)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/visits/\(first.id!)/start", headers: json(otherToken)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/visits/\(first.id!)/start", headers: json(carrier)).status == .noContent)
            #expect(try await Visit.find(first.id, on: app.db)?.status == "in_progress")
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/visits/\(first.id!)/start", headers: json(carrier)).status == .conflict)
            // An outcome can still be recorded from «in progress».
            let done = try await app.testing().sendRequest(
                .POST, "/api/v1/visits/\(first.id!)/outcome", headers: json(carrier), body: .init(string: #"{"outcome":"no_answer"}"#))
            #expect(done.status == .ok)
        }
    }
}
