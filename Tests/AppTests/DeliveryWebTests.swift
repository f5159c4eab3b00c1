import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite(.serialized) struct DeliveryWebTests {
    private let titles = [("История Казахстана", "История"), ("История Семипалатинска", "История"), ("Очерки истории", "История")]

    @Test(arguments: TestDatabase.all)
    func test_a_week_planned_selected_delivered_and_recorded_in_the_browser(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "W-1")
            let today = LocalDate.today(in: app.config.timeZone)
            let coordinator = WebClient(app)
            _ = try await coordinator.login("coord@test.kz")
            #expect(try await coordinator.post("/visits/plan", [("weeks", "1"), ("branch_id", "")]).status == .seeOther)
            let visit = try #require(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).sort(\.$scheduledOn).first())
            #expect(visit.scheduledOn == today.iso)
            let week = try await coordinator.get("/visits")
            #expect(week.status == .ok)
            #expect(week.body.string.contains(reader.fullName))

            // Assign the carrier, then suggest and accept on the visit's page.
            let assigned = try await coordinator.post(
                "/visits/\(visit.id!)",
                [("scheduled_on", today.iso), ("time_from", "10:00"), ("time_to", "12:00"), ("carrier_id", seed.carrier.id!.uuidString)])
            #expect(assigned.status == .seeOther)
            #expect(try await coordinator.post("/visits/\(visit.id!)/items", [("action", "suggest")]).status == .seeOther)
            let items = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
            #expect(items.count == 2 && items.allSatisfy { $0.itemState == .suggested })
            for item in items {
                #expect(
                    try await coordinator.post("/visits/\(visit.id!)/items", [("action", "accept"), ("item", item.id!.uuidString)]).status
                        == .seeOther)
            }
            let page = try await coordinator.get("/visits/\(visit.id!)")
            #expect(page.body.string.contains("84(5Каз)"))
            // The calendar's button opens today's pick list; the list has a day picker on today.
            let calendar = try await coordinator.get("/visits").text
            let link = try #require(HTMLScan.tags(calendar).first { ($0.attribute("href") ?? "").hasPrefix("/visits/pick-list") }?.attribute("href"))
            #expect(link.contains("date=\(today.iso)"))
            let pick = try await coordinator.get(link)
            #expect(pick.body.string.contains("INV-"))
            let day = HTMLScan.tags(pick.text).first { $0.name == "input" && $0.attribute("name") == "date" }
            #expect(day?.attribute("type") == "date" && day?.attribute("value") == today.iso)
            #expect(pick.text.contains("Печать списка для подбора"))
            let other = try await coordinator.get("/visits/pick-list?date=\(today.adding(days: 1).iso)&branch=")
            #expect(!other.body.string.contains("INV-"))

            // The carrier's run: the stop, no health data, one tap records it; a resend records nothing more.
            let carrier = WebClient(app)
            _ = try await carrier.login("carrier@test.kz")
            let run = try await carrier.get("/run")
            #expect(run.status == .ok)
            #expect(run.body.string.contains(reader.fullName))
            #expect(run.body.string.contains("tel:+77012345678"))
            // The comment box stops at the server's limit.
            #expect(run.body.string.contains(/<textarea[^>]*name="comment"[^>]*maxlength="2000"/))
            for secret in ["Первая группа", "Слабовидящий", "1948", "согласие"] { #expect(!run.body.string.contains(secret)) }
            let key = try #require(run.body.string.firstMatch(of: /name="key" value="([0-9a-f-]+)"/)?.1)
            // Minutes out of range: the run again, the error at that stop's field, nothing recorded.
            let refused = try await carrier.post(
                "/run/\(visit.id!)/outcome", [("key", String(key)), ("outcome", "done"), ("minutes_spent", "900"), ("comment", "Дома")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Укажите от 0 до 600 минут."))
            #expect(refused.body.string.contains(#"aria-invalid="true""#))
            #expect(refused.body.string.contains(">Дома</textarea>"))
            #expect(try await Loan.query(on: app.db).count() == 0)
            // One tap asks first (issue 12, item 8): a page that sends the same fields again with
            // the confirmation, and nothing recorded yet.
            let ask = try await carrier.post("/run/\(visit.id!)/outcome", [("key", String(key)), ("outcome", "done"), ("comment", "У двери")])
            #expect(ask.status == .ok && ask.text.contains("Записать результат «Выполнен»?"))
            let resent = try #require(HTMLForm.find(in: ask.text, action: "/run/\(visit.id!)/outcome"))
            #expect(
                resent.fields.filter { $0.name != "_csrf" }.map { "\($0.name)=\($0.value)" } == [
                    "key=\(key)", "outcome=done", "comment=У двери", "confirmed=yes",
                ])
            #expect(try await Loan.query(on: app.db).count() == 0)
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "planned")
            for _ in 0..<2 {
                let done = try await carrier.post("/run/\(visit.id!)/outcome", [("key", String(key)), ("outcome", "done"), ("confirmed", "yes")])
                #expect(done.status == .seeOther)
            }
            #expect(try await Loan.query(on: app.db).count() == 2)
            #expect(try await VisitEvent.query(on: app.db).filter(\.$kind == "status").count() == 1)

            // The reader's page shows the visit and the loans; the record page says who had the title.
            let readerPage = try await coordinator.get("/readers/\(reader.id!)")
            #expect(readerPage.body.string.contains("История Казахстана") || readerPage.body.string.contains("История Семипалатинска"))
            let loan = try #require(try await Loan.query(on: app.db).first())
            let record = try await coordinator.get("/catalog/\(loan.$bib.id)")
            #expect(record.body.string.contains(reader.fullName))
            // Renew once, then mark lost: the copy is lost too.
            #expect(try await coordinator.post("/loans/\(loan.id!)/renew", []).status == .seeOther)
            #expect(try await Loan.find(loan.id, on: app.db)?.renewals == 1)
            coordinator.referer = "http://127.0.0.1:8080/loans?status=overdue"
            let lost = try await coordinator.post("/loans/\(loan.id!)/lost", [])
            #expect(lost.status == .ok && lost.text.contains("утерянным?"))
            // The language switch there goes back to the list the button was on (its own address takes POST only).
            #expect(lost.text.contains(#"name="return_to" value="/loans?status=overdue""#))
            coordinator.referer = nil
            #expect(try await Copy.find(loan.$copy.id, on: app.db)?.status == "on_loan")
            #expect(try await coordinator.post("/loans/\(loan.id!)/lost", [("confirmed", "yes")]).status == .seeOther)
            // Sent again (back, then resend): not asked again, said to be done.
            let again = try await coordinator.post("/loans/\(loan.id!)/lost", [])
            #expect(again.status == .seeOther)
            #expect(try await coordinator.get("/loans").text.contains("Эта выдача уже закрыта."))
            #expect(try await Copy.find(loan.$copy.id, on: app.db)?.status == "lost")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_bad_forms_get_field_errors_and_change_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "W-1")
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let noReason = try await web.post("/visits/new", [("reader_id", reader.id!.uuidString), ("scheduled_on", "2000-01-01")])
            #expect(noReason.status == .unprocessableEntity)
            for field in ["f-scheduled_on", "f-requested_by", "f-request_text"] {
                #expect(noReason.body.string.contains("href=\"#\(field)\""))
            }
            #expect(try await Visit.query(on: app.db).count() == 0)
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today, by: nil, on: app.db)
            let visit = try #require(try await Visit.query(on: app.db).first())
            let cancel = try await web.post("/visits/\(visit.id!)/outcome", [("outcome", "cancelled"), ("reason", "")])
            #expect(cancel.status == .unprocessableEntity)
            #expect(cancel.body.string.contains("href=\"#f-reason\""))
            #expect(try await Visit.find(visit.id, on: app.db)?.status == "planned")
            let holiday = try await WebClient(app).loginThen("admin@test.kz") { admin in
                try await admin.post("/admin/delivery/holidays", [("action", "add"), ("day", "2026-02-30"), ("name", "")])
            }
            #expect(holiday.status == .unprocessableEntity)
            #expect(try await Holiday.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_calendar_feed_is_private_and_revocable(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "W-1")
            let today = LocalDate.today(in: app.config.timeZone)
            _ = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today.adding(days: 13), by: nil, on: app.db)
            for v in try await Visit.query(on: app.db).all() {
                v.$carrier.id = seed.carrier.id
                try await v.save(on: app.db)
            }
            let web = WebClient(app)
            _ = try await web.login("carrier@test.kz")
            let created = try await web.post("/profile/calendar", [])
            let path = try #require(created.body.string.firstMatch(of: /(\/calendar\/[A-Za-z0-9_-]+\.ics)/)?.1)
            let feed = try await app.testing().sendRequest(.GET, String(path))
            #expect(feed.status == .ok)
            #expect(feed.headers.contentType?.subType == "calendar")
            #expect(feed.body.string.contains("BEGIN:VEVENT"))
            #expect(feed.body.string.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
            #expect(!feed.body.string.contains(reader.familyName))
            #expect(!feed.body.string.contains(reader.street))
            _ = try await web.post("/profile/calendar/revoke", [])
            #expect(try await app.testing().sendRequest(.GET, String(path)).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_refused_next_visit_date_shows_its_error_at_the_field(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "W-2")
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let yesterday = LocalDate.today(in: app.config.timeZone).adding(days: -1).iso
            let refused = try await web.post("/readers/\(reader.id!)/next-visit", [("next_visit_on", yesterday)])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            // The field keeps what was typed, is marked invalid and names its error.
            #expect(html.contains(#"name="next_visit_on" value="\#(yesterday)""#))
            #expect(html.contains(#"aria-invalid="true""#))
            #expect(html.contains("Дата не может быть в прошлом."))
            #expect(try await Reader.find(reader.id!, on: app.db)?.nextVisitOn == nil)
            let garbage = try await web.post("/readers/\(reader.id!)/next-visit", [("next_visit_on", "32.13.2026")])
            #expect(garbage.status == .unprocessableEntity)
        }
    }
}

extension WebClient {
    /// Signs in and runs `body` with this client.
    func loginThen<T>(_ email: String, _ body: (WebClient) async throws -> T) async throws -> T {
        _ = try await login(email)
        return try await body(self)
    }
}
