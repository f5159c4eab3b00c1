import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// What the new-user try of issue 16 found: removals racing each other, a confirmation with a
/// field sent twice, the library system's files writing into emptied rows, an erased reader
/// missing from the lines by group, and removed rows in the registry's list.
@Suite struct ReaderRemovalSafetyTests {
    @Test(arguments: TestDatabase.all)
    func test_of_removals_at_once_exactly_one_happens(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-RACE"), by: seed.admin)
            let token = try await Seed.token(app, for: seed.admin)
            let path = "/api/v1/readers/\(reader.id!.uuidString)"
            let statuses = try await race(app, 6) { i in
                i % 2 == 0
                    ? RaceRequest(method: .DELETE, path: path + "?reason=died", token: token)
                    : RaceRequest(method: .POST, path: path + "/anonymise", token: token, body: #"{"reason":"died"}"#)
            }
            #expect(statuses.values.filter { $0 == 200 }.count == 1, "\(statuses)")
            #expect(statuses.values.filter { $0 == 422 }.count == 5, "\(statuses)")
            let stored = try #require(try await Reader.find(reader.id, on: app.db))
            let won = try #require(statuses.first { $0.value == 200 }?.key)
            #expect(stored.removedAs == (won % 2 == 0 ? "erased" : "anonymised"))
            #expect(stored.birthDate == (won % 2 == 0 ? nil : "1948-01-01") && stored.disabilityGroup == (won % 2 == 0 ? "unknown" : "group1"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["anonymise", "erase"]).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_field_sent_twice_confirms_nothing_and_a_removed_card_is_never_written_to(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-TWICE"), by: seed.admin)
            let rid = reader.id!.uuidString.lowercased()
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            let twice = try await admin.post(
                "/readers/\(rid)/remove/confirm", [("kind", "anonymise"), ("kind", "erase"), ("reason", "died"), ("confirm", "N-TWICE")])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("id=\"f-kind-error\""))
            #expect(try await Reader.find(reader.id, on: app.db)?.removedAs == nil)
            // The card may be typed in another case.
            let done = try await admin.post("/readers/\(rid)/remove/confirm", [("kind", "anonymise"), ("reason", "died"), ("confirm", "n-twice")])
            #expect(done.status == .seeOther)
            let pseudonym = try #require(try await Reader.find(reader.id, on: app.db)).cardNumber
            #expect(pseudonym.hasPrefix("ANON-"))
            let removePage = try await admin.get("/readers/\(rid)/remove")
            #expect(removePage.text.contains("уже обезличены или удалены") && !removePage.text.contains("name=\"kind\""))

            // The library system's reader file and loan history cannot write into the emptied row.
            let token = try await Seed.token(app, for: seed.admin)
            let csv = "cardnumber,surname,firstname,address\n\(pseudonym),Лебедев,Юрий,ул. Найманбаева 16\n"
            let imported = try await app.testing().sendRequest(
                .POST, "/api/v1/readers/import?update_existing=yes&settlement=Семей",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "text/csv"], body: .init(string: csv))
            #expect(imported.status == .unprocessableEntity && imported.body.string.contains("\"rows[2].card_number\""))
            let stored = try #require(try await Reader.find(reader.id, on: app.db))
            #expect(stored.familyName == pseudonym && stored.street.isEmpty)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Абай жолы", "История")])
            let copy = try #require(try await Copy.query(on: app.db).filter(\.$bib.$id == ids["Абай жолы"]!).first())
            let history = try await admin.upload(
                "/readers/history", fields: [],
                file: (
                    "file", "history.csv",
                    Array("Читательский билет;Штрихкод;ISBN;Дата выдачи\n\(pseudonym);\(copy.inventoryNumber);;2026-05-01\n".utf8)
                ))
            #expect(history.text.contains("читатель с таким билетом не найден"))
            #expect(try await ReadingHistory.query(on: app.db).count() == 0)
            // Nor is the row in the registry's list or search any more.
            let list = try await admin.get("/readers?q=\(pseudonym)")
            #expect(!list.text.contains(rid))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/readers", headers: ["Authorization": "Bearer \(token)"])
            #expect(!api.body.string.contains(rid))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_an_erased_reader_is_counted_in_a_line_of_unknown_group(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            let token = try await Seed.token(app, for: f.seed.admin)
            func stats() async throws -> DeliveryStatsDTO {
                let res = try await app.testing().sendRequest(
                    .GET, "/api/v1/reports/delivery?from=2026-01-01&to=2026-06-30", headers: ["Authorization": "Bearer \(token)"])
                return try JSONDecoder().decode(DeliveryStatsDTO.self, from: res.body)
            }
            let before = try await stats()
            #expect(!before.readers_by_disability.contains { $0.code == "unknown" })
            // D has no open loan or visit.
            let erased = try await app.testing().sendRequest(
                .DELETE, "/api/v1/readers/\(f.d.id!.uuidString)?reason=died", headers: ["Authorization": "Bearer \(token)"])
            #expect(erased.status == .ok)
            let after = try await stats()
            #expect(after.readers_served == before.readers_served)
            #expect(after.readers_by_disability.map(\.value).reduce(0, +) == after.readers_served)
            #expect(after.readers_by_disability.first { $0.code == "unknown" }?.value == 1)
            #expect(
                after.readers_by_disability.first { $0.code == "none" }!.value == before.readers_by_disability.first { $0.code == "none" }!.value - 1)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let page = try await web.get("/reports?from=2026-01-01&to=2026-06-30&branch_id=")
            #expect(page.text.contains("не указана"))
        }
    }
}
