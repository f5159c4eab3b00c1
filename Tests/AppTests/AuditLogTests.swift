import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 16, §1: the access log that was written but never read. Administrators read it on
/// `/admin/audit`, as CSV and through the API, filtered by reader, account, action and period; the
/// reader's page shows who opened it; a carrier's run sheet and a visit slip are logged per reader;
/// no entry holds personal data; nobody but an administrator reads it.
@Suite struct AuditLogTests {
    @Test(arguments: TestDatabase.all)
    func test_who_opened_a_reader_is_on_the_audit_page_and_nothing_personal_is_in_it(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (reader, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-AUD")
            let other = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-OTHER", family: "Другой"), by: seed.admin)
            // The coordinator opens the reader; the carrier opens the run sheet and the slip.
            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            #expect(try await coordinator.get("/readers/\(reader.id!.uuidString.lowercased())").status == .ok)
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            #expect(try await carrier.get("/run").status == .ok)
            #expect(try await coordinator.get("/visits/\(visit.id!.uuidString.lowercased())/slip").status == .ok)
            let views = try await AuditEntry.query(on: app.db).filter(\.$entity == "reader").filter(\.$entityID == reader.id!).all()
            #expect(views.count == 3 && views.allSatisfy { $0.action == "view" })
            #expect(Set(views.compactMap(\.route)) == ["GET /readers/:id", "GET /run", "GET /visits/:id/slip"])
            #expect(views.filter { $0.$user.id == seed.carrier.id }.compactMap(\.route) == ["GET /run"])

            // Only an administrator reads the log.
            #expect(try await coordinator.get("/admin/audit").status == .forbidden)
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            let page = try await admin.get("/admin/audit?reader=N-AUD&user_id=&action=&from=&to=")
            #expect(page.status == .ok)
            #expect(page.text.contains("Найдено 3 записи"))
            #expect(page.text.contains("Coord (coord@test.kz)") && page.text.contains("Carrier (carrier@test.kz)"))
            #expect(page.text.contains("GET /readers/:id") && page.text.contains("GET /run"))
            // Card numbers, never names or addresses, and nothing about the other reader.
            #expect(!page.text.contains(reader.familyName) && !page.text.contains(reader.street))
            #expect(!page.text.contains("N-OTHER"))
            let carrierOnly = try await admin.get("/admin/audit?reader=N-AUD&user_id=\(seed.carrier.id!.uuidString)&action=view&from=&to=")
            #expect(carrierOnly.text.contains("Найдена 1 запись"))
            let nobody = try await admin.get("/admin/audit?reader=NO-SUCH&user_id=&action=&from=&to=")
            #expect(nobody.text.contains("Найдено 0 записей"))
            let bad = try await admin.get("/admin/audit?reader=&user_id=&action=eat&from=2026-13-01&to=")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"f-action\"") && bad.text.contains("aria-invalid=\"true\""))

            // The reader's page shows administrators who opened it; coordinators do not get that section.
            let readerPage = try await admin.get("/readers/\(reader.id!.uuidString.lowercased())")
            #expect(readerPage.text.contains("Кто открывал эту запись") && readerPage.text.contains("Carrier (carrier@test.kz)"))
            #expect(!(try await coordinator.get("/readers/\(other.id!.uuidString.lowercased())")).text.contains("Кто открывал эту запись"))

            // CSV and API give the same entries; reading the log is itself logged.
            let csv = try await admin.get("/admin/audit.csv?reader=N-AUD")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 1 + 4)  // the admin's own view of the reader page is an entry now
            #expect(!csv.body.string.contains(reader.familyName))
            let token = try await Seed.token(app, for: seed.admin)
            let api = try await app.testing().sendRequest(
                .GET, "/api/v1/audit?reader=\(reader.id!.uuidString)&action=view", headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .ok)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let out = try decoder.decode(AuditController.PageDTO.self, from: api.body)
            #expect(out.total == 4 && out.items.allSatisfy { $0.entity_id == reader.id && $0.action == "view" })
            #expect(out.items.map(\.at) == out.items.map(\.at).sorted(by: >))
            let badAPI = try await app.testing().sendRequest(.GET, "/api/v1/audit?per_page=0", headers: ["Authorization": "Bearer \(token)"])
            #expect(badAPI.status == .unprocessableEntity && badAPI.body.string.contains("\"per_page\""))
            // Through the API an empty value is a value, and not a UUID (schemathesis sent `user_id=`).
            let beyond = try await app.testing().sendRequest(.GET, "/api/v1/audit?page=100001", headers: ["Authorization": "Bearer \(token)"])
            #expect(beyond.status == .unprocessableEntity && beyond.body.string.contains("\"page\""))
            let empty = try await app.testing().sendRequest(.GET, "/api/v1/audit?user_id=", headers: ["Authorization": "Bearer \(token)"])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("\"user_id\""))
            // The page's CSV link carries the form's empty fields, which mean «any».
            #expect(try await admin.get("/admin/audit.csv?reader=N-AUD&user_id=&action=&from=&to=").status == .ok)
            let coordToken = try await Seed.token(app, for: seed.coordinator)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/audit", headers: ["Authorization": "Bearer \(coordToken)"]).status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "audit").count() == 6)
        }
    }

    /// The carrier's run through the API is logged like the page: one `view` per reader on it,
    /// and none for a reader left off it (another carrier's, or one whose consent has ended).
    @Test(arguments: TestDatabase.all)
    func test_the_run_through_the_api_logs_one_view_per_reader_on_it(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (first, _) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-RUN1")
            let (second, _) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-RUN2")
            let (lapsed, _) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-RUN3")
            lapsed.consentUntil = LocalDate.today(in: app.config.timeZone).adding(days: -1).iso
            try await lapsed.save(on: app.db)
            let unassigned = try await DeliveryFixtures.reader(app, seed: seed, card: "N-RUN4")
            try await DeliveryFixtures.visit(app, reader: unassigned, branch: seed.north, on: LocalDate.today(in: app.config.timeZone))
            let before = try await AuditEntry.query(on: app.db).filter(\.$action == "view").count()

            let token = try await Seed.token(app, for: seed.carrier)
            let run = try await app.testing().sendRequest(.GET, "/api/v1/run", headers: ["Authorization": "Bearer \(token)"])
            #expect(run.status == .ok)
            #expect(try JSONDecoder().decode(VisitsAPIController.RunDTO.self, from: run.body).stops.count == 2)
            let views = try await AuditEntry.query(on: app.db).filter(\.$action == "view").all()
            #expect(views.count == before + 2)
            let fromRun = views.filter { $0.route == "GET /api/v1/run" }
            #expect(fromRun.count == 2 && fromRun.allSatisfy { $0.entity == "reader" && $0.channel == "api" && $0.$user.id == seed.carrier.id })
            #expect(
                fromRun.compactMap(\.entityID).sorted { $0.uuidString < $1.uuidString }
                    == [first.id!, second.id!].sorted { $0.uuidString < $1.uuidString })
            for away in [lapsed, unassigned] {
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == away.id!).filter(\.$action == "view").count() == 0)
            }
        }
    }
}
