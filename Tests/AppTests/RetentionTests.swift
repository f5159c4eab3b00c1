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

    @Test(arguments: TestDatabase.all)
    func test_coordinators_see_the_consents_that_end_in_the_next_30_days(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            func reader(_ card: String, _ branch: Branch, until: LocalDate?) async throws {
                let r = try await Seed.storeReader(app, Seed.reader(branch: branch, card: card, family: "Согласие-\(card)"), by: seed.admin)
                r.consentUntil = until?.iso
                try await r.save(on: app.db)
            }
            try await reader("C-SOON", seed.north, until: today.adding(days: 10))
            try await reader("C-GONE", seed.north, until: today.adding(days: -3))
            try await reader("C-LATER", seed.north, until: today.adding(days: 40))
            try await reader("C-OPEN", seed.north, until: nil)
            try await reader("C-SOUTH", seed.south, until: today.adding(days: 5))
            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            #expect(try await coordinator.get("/readers").text.contains("href=\"/readers/consents\""))
            let page = try await coordinator.get("/readers/consents")
            #expect(page.status == .ok && page.text.contains("2 читателя"))
            #expect(page.text.contains("C-GONE") && page.text.contains("C-SOON") && page.text.contains("истекло"))
            #expect(page.text.range(of: "C-GONE")!.lowerBound < page.text.range(of: "C-SOON")!.lowerBound)
            for card in ["C-LATER", "C-OPEN", "C-SOUTH"] { #expect(!page.text.contains(card), "\(card) is listed") }
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            #expect(try await admin.get("/readers/consents").text.contains("C-SOUTH"))
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            #expect(try await carrier.get("/readers/consents").status == .forbidden)
        }
    }
}
