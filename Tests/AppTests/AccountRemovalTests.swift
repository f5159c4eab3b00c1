import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 16, §6: a deactivated account keeps its history, and its holder's name and e-mail go when
/// an administrator confirms it or after the months the library set.
@Suite struct AccountRemovalTests {
    @Test(arguments: TestDatabase.all)
    func test_a_deactivated_carrier_is_anonymised_and_the_history_keeps_the_visits(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let carrier = seed.carrier
            let cid = carrier.id!.uuidString.lowercased()
            let (reader, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-ST")
            try await VisitEvent(visitID: visit.id!, user: carrier.current, kind: "status", from: "planned", to: "done").create(on: app.db)
            try await VisitEvent(visitID: visit.id!, user: seed.coordinator.current, kind: "assigned", from: nil, to: carrier.fullName).create(
                on: app.db)
            _ = try await Seed.token(app, for: carrier)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let path = "/admin/users/\(cid)"
            // Still active: refused, nothing changes.
            let active = try await web.post(path + "/anonymise", [("confirm", carrier.email)])
            #expect(active.status == .unprocessableEntity && active.text.contains("Сначала отключите учётную запись"))
            // Deactivated through the form, as a browser sends it (no is_active when unticked).
            let form: [(String, String)] = [("full_name", carrier.fullName), ("role", "carrier"), ("branch_id", seed.north.id!.uuidString)]
            let deactivated = try await web.post(path, form)
            #expect(deactivated.status == .seeOther)
            let today = LocalDate.today(in: app.config.timeZone).iso
            #expect(try await User.find(carrier.id, on: app.db)?.deactivatedOn == today)
            // Their planned visit from today on is nobody's run now: unassigned, and the admin told.
            #expect(try await Visit.find(visit.id, on: app.db)?.$carrier.id == nil)
            #expect(try await web.get("/admin/users").text.contains("сняты с него: 1."))
            let page = try await web.get(path)
            #expect(page.text.contains("Обезличить учётную запись") && page.text.contains("STAFF-\(carrier.id!.uuidString.prefix(8).uppercased())"))
            let wrong = try await web.post(path + "/anonymise", [("confirm", "someone@test.kz")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("E-mail не совпадает"))
            #expect(try await User.find(carrier.id, on: app.db)?.anonymisedOn == nil)

            #expect(try await web.post(path + "/anonymise", [("confirm", " Carrier@Test.kz ")]).status == .seeOther)
            let after = try #require(try await User.find(carrier.id, on: app.db))
            let alias = "STAFF-" + carrier.id!.uuidString.prefix(8).uppercased()
            #expect(after.fullName == alias && after.email == alias.lowercased() + "@removed.invalid" && after.anonymisedOn == today)
            #expect(try await Visit.find(visit.id, on: app.db)?.$reader.id == reader.id)
            let events = try await VisitEvent.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
            #expect(!events.contains { [$0.userName, $0.fromValue, $0.toValue].contains(carrier.fullName) })
            // Their own status entry, their assignment, and their unassignment at deactivation.
            #expect(events.filter { $0.userName == alias || $0.toValue == alias || $0.fromValue == alias }.count == 3)
            #expect(try await APIToken.query(on: app.db).filter(\.$user.$id == carrier.id!).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account_anonymise").filter(\.$entityID == carrier.id!).count() == 1)
            // Nothing signs in with the old e-mail, nothing edits the account again.
            let login = try await WebClient(app).login("carrier@test.kz")
            #expect(login.status != .seeOther || login.headers.first(name: .location) == "/login")
            #expect(try await web.post(path, form + [("is_active", "on")]).status == .conflict)
            #expect(try await User.find(carrier.id, on: app.db)?.isActive == false)
            #expect(try await web.get(path).text.contains("Учётная запись обезличена"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_daily_pass_anonymises_accounts_deactivated_long_enough_ago_and_only_them(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            func account(_ email: String, deactivated: LocalDate?) async throws -> User {
                let u = User(email: email, fullName: "Сотрудник \(email)", role: .carrier, branchID: seed.north.id, passwordHash: "x")
                u.isActive = deactivated == nil
                u.deactivatedOn = deactivated?.iso
                try await u.create(on: app.db)
                return u
            }
            let old = try await account("old@test.kz", deactivated: Retention.shift(today, months: -7))
            let recent = try await account("recent@test.kz", deactivated: Retention.shift(today, months: -2))
            let working = try await account("working@test.kz", deactivated: nil)
            try await RetentionSettings(months: nil, staffMonths: 6).save(on: app.db)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let page = try await web.get("/admin/privacy")
            #expect(page.text.contains("Сотрудник old@test.kz") && !page.text.contains("Сотрудник recent@test.kz"))
            try await Retention.run(today: today, on: app.db, logger: app.logger)
            #expect(try await User.find(old.id, on: app.db)?.anonymisedOn == today.iso)
            #expect(try await User.find(recent.id, on: app.db)?.anonymisedOn == nil)
            #expect(try await User.find(working.id, on: app.db)?.fullName == "Сотрудник working@test.kz")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account_anonymise").filter(\.$channel == "job").count() == 1)
            // The months are read whole from the page.
            let bad = try await web.post("/admin/privacy", [("retention_months", ""), ("staff_retention_months", "6 месяцев")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await RetentionSettings.load(on: app.db).staffMonths == 6)
        }
    }
}
