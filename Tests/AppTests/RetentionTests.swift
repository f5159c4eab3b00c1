import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 16, §3 and §5: the retention period, the daily pass that anonymises readers whose
/// service ended that long ago (once a day across instances, each logged), the administrator's
/// list of what comes in the next 30 days, and the consents about to end.
@Suite struct RetentionTests {
    @Test(arguments: TestDatabase.all)
    func test_the_daily_pass_anonymises_readers_whose_retention_ended_and_only_them(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            func reader(_ card: String, endedMonthsAgo: Int?, days: Int = 0) async throws -> Reader {
                let r = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: card, family: "Фамилия-\(card)"), by: seed.admin)
                if let months = endedMonthsAgo {
                    (r.status, r.endedOn, r.endReason) = ("ended", Retention.shift(today, months: -months).adding(days: days).iso, "moved")
                    try await r.save(on: app.db)
                }
                return r
            }
            let past = try await reader("R-PAST", endedMonthsAgo: 13)
            let recent = try await reader("R-RECENT", endedMonthsAgo: 1)
            let held = try await reader("R-HELD", endedMonthsAgo: 18)
            let soon = try await reader("R-SOON", endedMonthsAgo: 12, days: 10)  // due in 10 days
            let active = try await reader("R-ACTIVE", endedMonthsAgo: nil)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Абай жолы", "История")])
            let loan = Loan()
            loan.$reader.id = held.id!
            loan.$bib.id = ids["Абай жолы"]!
            loan.$copy.id = try await Copy.query(on: app.db).first()!.id!
            (loan.issuedOn, loan.dueOn, loan.status, loan.renewals) = ("2025-01-10", "2025-02-10", "on_loan", 0)
            try await loan.create(on: app.db)

            // Off by default: the pass runs and touches nobody.
            #expect(try await Retention.runIfDue(today: today, on: app.db, logger: app.logger))
            #expect(try await Reader.query(on: app.db).filter(\.$removedAs != nil).count() == 0)

            // The administrator sets a year; a bad value changes nothing.
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            let bad = try await admin.post("/admin/privacy", [("retention_months", "двенадцать")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("id=\"f-retention_months-error\""))
            #expect(try await RetentionSettings.load(on: app.db).months == nil)
            #expect(try await admin.post("/admin/privacy", [("retention_months", "12")]).status == .seeOther)
            #expect(try await RetentionSettings.load(on: app.db).months == 12)
            #expect(try await WebClient(app).get("/admin/privacy").status != .ok)
            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            #expect(try await coordinator.get("/admin/privacy").status == .forbidden)

            // The page lists what comes in 30 days: the past one, the held one with why, the soon one.
            let page = try await admin.get("/admin/privacy")
            #expect(page.text.contains("3 читателя"))
            for card in ["R-PAST", "R-HELD", "R-SOON"] { #expect(page.text.contains(">\(card)<"), "\(card) is not listed") }
            for card in ["R-RECENT", "R-ACTIVE"] { #expect(!page.text.contains(card), "\(card) is listed") }
            #expect(page.text.contains("книги на руках (1)"))

            // Today's pass has run already: it runs again tomorrow, and then anonymises only R-PAST.
            #expect(try await Retention.runIfDue(today: today, on: app.db, logger: app.logger) == false)
            let tomorrow = today.adding(days: 1)
            #expect(try await Retention.runIfDue(today: tomorrow, on: app.db, logger: app.logger))
            #expect(try await Retention.runIfDue(today: tomorrow, on: app.db, logger: app.logger) == false)
            let removed = try await Reader.query(on: app.db).filter(\.$removedAs != nil).all()
            #expect(removed.map(\.id) == [past.id])
            #expect(removed.first?.removalReason == "retention" && removed.first?.familyName.hasPrefix("ANON-") == true)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "anonymise").first())
            #expect(entry.entityID == past.id && entry.$user.id == nil && entry.channel == "job" && entry.route == "retention")
            for kept in [recent, held, soon, active] { #expect(try await Reader.find(kept.id, on: app.db)?.removedAs == nil) }
            // Twenty days on, the soon one is due too; the held one still waits for its book.
            try await Retention.run(today: today.adding(days: 20), on: app.db, logger: app.logger)
            #expect(try await Reader.find(soon.id, on: app.db)?.removedAs == "anonymised")
            #expect(try await Reader.find(held.id, on: app.db)?.removedAs == nil)
        }
    }

    /// The list reads every scope from the consent records: the service consent, and consents to
    /// third parties, statistics and photos that end too. A withdrawn consent, and one renewed by a
    /// newer record of its scope, are not for renewal.
    @Test(arguments: TestDatabase.all)
    func test_coordinators_see_the_consents_that_end_in_the_next_30_days(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            let given = LocalDate(year: 2025, month: 1, day: 1)
            @discardableResult
            func consent(_ r: Reader, _ scope: ConsentScope, on day: LocalDate = given, until: LocalDate?) async throws -> ReaderConsent {
                try await Consents.record(.init(scope: scope, givenOn: day, way: .signed, until: until), scan: nil, reader: r, on: app.db)
            }
            func reader(_ card: String, _ branch: Branch) async throws -> Reader {
                try await Seed.storeReader(app, Seed.reader(branch: branch, card: card, family: "Согласие-\(card)"), by: seed.admin)
            }
            try await consent(try await reader("C-SOON", seed.north), .service, until: today.adding(days: 10))
            try await consent(try await reader("C-GONE", seed.north), .service, until: today.adding(days: -3))
            try await consent(try await reader("C-LATER", seed.north), .service, until: today.adding(days: 40))
            _ = try await reader("C-OPEN", seed.north)
            try await consent(try await reader("C-SOUTH", seed.south), .service, until: today.adding(days: 5))
            try await consent(try await reader("C-PHOTO", seed.north), .publication, until: today.adding(days: 7))
            try await consent(try await reader("C-STATS", seed.north), .statistics, until: today.adding(days: 20))
            let withdrawn = try await reader("C-WITHDRAWN", seed.north)
            let third = try await consent(withdrawn, .thirdParty, until: today.adding(days: 5))
            try await Consents.withdraw(third, on: nil, reader: withdrawn, today: today, db: app.db)
            let renewed = try await reader("C-RENEWED", seed.north)
            try await consent(renewed, .statistics, until: today.adding(days: 5))
            try await consent(renewed, .statistics, on: today, until: today.adding(days: 400))
            // A service consent renewed, and a lapsing photo consent of the same reader: only the latter.
            let both = try await reader("C-BOTH", seed.north)
            try await consent(both, .service, until: today.adding(days: 3))
            try await consent(both, .service, on: today, until: nil)
            try await consent(both, .publication, until: today.adding(days: 12))

            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            #expect(try await coordinator.get("/readers").text.contains("href=\"/readers/consents\""))
            let page = try await coordinator.get("/readers/consents")
            #expect(page.status == .ok && page.text.contains("5 согласий"))
            let rows = page.text.components(separatedBy: "<tr>").dropFirst(2).map { String($0) }
            func row(_ card: String) -> [String] { rows.filter { $0.contains(">\(card)<") } }
            let expected = [
                ("C-GONE", "Обслуживание на дому"), ("C-PHOTO", "Фото и публикации"), ("C-SOON", "Обслуживание на дому"),
                ("C-BOTH", "Фото и публикации"), ("C-STATS", "Статистика и исследования"),
            ]
            #expect(rows.count == expected.count)
            for (card, scope) in expected {
                #expect(row(card).count == 1 && row(card).first?.contains(scope) == true, "\(card) is not listed once as \(scope)")
            }
            #expect(row("C-GONE").first?.contains("истекло") == true && row("C-SOON").first?.contains("истекло") == false)
            // Soonest first.
            #expect(rows.map { r in expected.first { r.contains(">\($0.0)<") }?.0 } == expected.map(\.0))
            for card in ["C-LATER", "C-OPEN", "C-SOUTH", "C-WITHDRAWN", "C-RENEWED"] { #expect(row(card).isEmpty, "\(card) is listed") }
            _ = try await coordinator.post("/preferences/language", [("lang", "kk"), ("return_to", "/readers/consents")])
            let kazakh = try await coordinator.get("/readers/consents")
            #expect(kazakh.text.contains("Фото және жарияланымдар") && kazakh.text.contains("Статистика және зерттеулер"))
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            let all = try await admin.get("/readers/consents").text
            #expect(all.contains(">C-SOUTH<") && all.contains("6 согласий"))
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            #expect(try await carrier.get("/readers/consents").status == .forbidden)
        }
    }
}
