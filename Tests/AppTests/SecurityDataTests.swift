import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 19: personal data seen is audited, expired consent plans no visit, and carriers record
/// only what happened at the door.
@Suite struct SecurityDataTests {
    private func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    /// Finding 9: every view that lists readers is in the audit log, with who saw it.
    @Test(arguments: TestDatabase.all)
    func test_views_of_visits_loans_and_runs_are_audited(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-AUD")
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let carrierWeb = WebClient(app)
            try await carrierWeb.login("carrier@test.kz")
            let coordToken = try await Seed.token(app, for: seed.coordinator)
            let carrierToken = try await Seed.token(app, for: seed.carrier)
            let id = visit.id!.uuidString.lowercased()
            let cases: [(String, () async throws -> HTTPStatus, String, UUID)] = [
                ("/visits", { try await web.get("/visits").status }, "visit", seed.coordinator.id!),
                ("/visits/pick-list", { try await web.get("/visits/pick-list").status }, "visit", seed.coordinator.id!),
                ("slip", { try await web.get("/visits/\(id)/slip").status }, "visit", seed.coordinator.id!),
                ("/loans", { try await web.get("/loans").status }, "loan", seed.coordinator.id!),
                ("/run", { try await carrierWeb.get("/run").status }, "run", seed.carrier.id!),
                (
                    "api visits", { try await app.testing().sendRequest(.GET, "/api/v1/visits", headers: bearer(coordToken)).status }, "visit",
                    seed.coordinator.id!
                ),
                (
                    "api loans", { try await app.testing().sendRequest(.GET, "/api/v1/loans", headers: bearer(coordToken)).status }, "loan",
                    seed.coordinator.id!
                ),
                (
                    "api run", { try await app.testing().sendRequest(.GET, "/api/v1/run", headers: bearer(carrierToken)).status }, "run",
                    seed.carrier.id!
                ),
            ]
            for (name, request, entity, user) in cases {
                let before = try await AuditEntry.query(on: app.db).filter(\.$entity == entity).filter(\.$user.$id == user).count()
                #expect(try await request() == .ok, "\(name)")
                let after = try await AuditEntry.query(on: app.db).filter(\.$entity == entity).filter(\.$user.$id == user).count()
                #expect(after == before + 1, "\(name) was not audited")
            }
        }
    }

    /// Finding 8: no visit is planned for a reader whose consent has ended, or past its end.
    @Test(arguments: TestDatabase.all)
    func test_planning_skips_readers_without_consent(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            let expired = try await DeliveryFixtures.reader(app, seed: seed, card: "N-EXP")
            expired.consentUntil = today.adding(days: -1).iso
            try await expired.save(on: app.db)
            let ending = try await DeliveryFixtures.reader(app, seed: seed, card: "N-END")
            ending.consentUntil = today.adding(days: 10).iso
            try await ending.save(on: app.db)
            let valid = try await DeliveryFixtures.reader(app, seed: seed, card: "N-OK")
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let res = try await web.post("/visits/plan", [("weeks", "4"), ("branch_id", "")])
            #expect(res.status == .seeOther)
            #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == expired.id!).count() == 0)
            let endingDays = try await Visit.query(on: app.db).filter(\.$reader.$id == ending.id!).all().map(\.scheduledOn)
            #expect(!endingDays.isEmpty)
            #expect(endingDays.allSatisfy { $0 <= ending.consentUntil! })
            #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == valid.id!).count() >= 4)
            #expect(try await web.get("/visits").text.contains("чьё согласие на обработку персональных данных истекло или отозвано: 1."))
            // A visit planned before the consent ended is flagged for the coordinator, left off
            // the carrier's run and given no selection.
            let old = try await DeliveryFixtures.visit(app, reader: expired, branch: seed.north, on: today)
            old.$carrier.id = seed.carrier.id
            try await old.save(on: app.db)
            let calendar = try await web.get("/visits?date=\(today.iso)").text
            #expect(calendar.contains("согласие на обработку данных истекло"))
            let stops = try await RunSheet.stops(carrierID: seed.carrier.id!, day: today, on: app.db)
            #expect(!stops.contains { $0.visit_id == old.id })
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            let run = try await carrier.get("/run").text
            #expect(run.contains("1 визит сегодня снят с маршрута"))
            #expect(try await web.get("/visits/\(old.id!)").text.contains("визит не попадёт в маршрут книгоноши"))
            #expect(!run.contains("N-EXP"))
            _ = try await DeliveryFixtures.catalogue(
                app, branch: seed.north, titles: (1...12).map { ("История края, том \($0)", "История") })
            _ = try await SelectionBatch.run(branchID: seed.north.id, from: today, until: today.adding(days: 7), today: today, on: app.db)
            #expect(try await VisitItem.query(on: app.db).filter(\.$visit.$id == old.id!).count() == 0)
            let validVisits = try await Visit.query(on: app.db).filter(\.$reader.$id == valid.id!).all().compactMap(\.id)
            #expect(try await VisitItem.query(on: app.db).filter(\.$visit.$id ~~ validVisits).count() > 0)
            // A visit asked for by hand on a day without consent is refused at the date.
            let coordToken = try await Seed.token(app, for: seed.coordinator)
            let asked = try await app.testing().sendRequest(
                .POST, "/api/v1/visits", headers: bearer(coordToken),
                body: .init(string: #"{"reader_id":"\#(expired.id!)","scheduled_on":"\#(today.adding(days: 1).iso)"}"#))
            #expect(asked.status == .unprocessableEntity)
            #expect(asked.body.string.contains(#""scheduled_on""#))
            // The API says how many were left out.
            let token = try await Seed.token(app, for: seed.coordinator)
            let api = try await app.testing().sendRequest(.POST, "/api/v1/visits/plan", headers: bearer(token), body: .init(string: "{}"))
            #expect(api.status == .ok)
            #expect(try api.content.decode(VisitsAPIController.PlanResult.self).without_consent == 1)
        }
    }

    /// Finding 11: a carrier records done or no answer; cancelling or moving a visit, through the
    /// API or the run page, is refused at the field and changes nothing.
    @Test(arguments: TestDatabase.all)
    func test_carriers_record_only_what_happened_at_the_door(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "N-DOOR")
            let today = LocalDate.today(in: app.config.timeZone)
            let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today)
            visit.$carrier.id = seed.carrier.id
            try await visit.save(on: app.db)
            let token = try await Seed.token(app, for: seed.carrier)
            let path = "/api/v1/visits/\(visit.id!)/outcome"
            for body in [
                #"{"outcome":"cancelled","reason":"reader_ill"}"#, #"{"outcome":"rescheduled","reschedule_to":"\#(today.adding(days: 3).iso)"}"#,
            ] {
                let res = try await app.testing().sendRequest(.POST, path, headers: bearer(token), body: .init(string: body))
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains(#""outcome""#))
                #expect(try await Visit.find(visit.id, on: app.db)?.status == "planned")
                #expect(try await Visit.query(on: app.db).count() == 1)
            }
            let web = WebClient(app)
            try await web.login("carrier@test.kz")
            let page = try await web.post("/run/\(visit.id!)/outcome", [("outcome", "cancelled"), ("minutes_spent", ""), ("comment", "")])
            #expect(page.status == .unprocessableEntity)
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "planned")
            // A visit still to come has had nobody at its door: no outcome for it yet.
            let later = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today.adding(days: 3))
            later.$carrier.id = seed.carrier.id
            try await later.save(on: app.db)
            let early = try await app.testing().sendRequest(
                .POST, "/api/v1/visits/\(later.id!)/outcome", headers: bearer(token), body: .init(string: #"{"outcome":"done"}"#))
            #expect(early.status == .unprocessableEntity)
            #expect(try await Visit.find(later.id, on: app.db)?.status == "planned")
            let done = try await app.testing().sendRequest(.POST, path, headers: bearer(token), body: .init(string: #"{"outcome":"no_answer"}"#))
            #expect(done.status == .ok)
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "no_answer")
        }
    }
}
