import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 15, §3: the day-before call list. Each of tomorrow's open visits of the branch, with the
/// reader's and the caregiver's phones as tel:, WhatsApp and Telegram links carrying the reminder in
/// the reader's language; the answer is recorded, and «moved» or «cancelled» changes the visit in
/// the same transaction.
@Suite(.serialized) struct CallListTests {
    struct Setup {
        let seed: Seed
        let reader: Reader
        let visit: Visit
        let tomorrow: LocalDate
    }

    static func setup(_ app: Application) async throws -> Setup {
        let seed = try await Seed.make(app)
        let tomorrow = LocalDate.today(in: app.config.timeZone).adding(days: 1)
        var p = Seed.reader(branch: seed.north, card: "CL-1", family: "Сейткали")
        p.given_name = "Айгерим"
        p.patronymic = nil
        p.languages = ["kk"]
        p.caregiver_name = "Дочь Дана"
        p.caregiver_phone = "+7 777 111 22 33"
        let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
        let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: tomorrow)
        visit.$carrier.id = seed.carrier.id
        visit.timeFrom = "10:00"
        visit.timeTo = "12:00"
        try await visit.save(on: app.db)
        // Not on the list: another branch's reader, a cancelled visit, a visit the day after.
        let south = try await Seed.storeReader(app, Seed.reader(branch: seed.south, card: "CL-S", family: "Южная"), by: seed.otherCoordinator)
        try await DeliveryFixtures.visit(app, reader: south, branch: seed.south, on: tomorrow)
        let other = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "CL-2", family: "Отменённая"), by: seed.coordinator)
        let cancelled = try await DeliveryFixtures.visit(app, reader: other, branch: seed.north, on: tomorrow)
        cancelled.status = VisitStatus.cancelled.rawValue
        try await cancelled.save(on: app.db)
        let later = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "CL-3", family: "Послезавтрашняя"), by: seed.coordinator)
        try await DeliveryFixtures.visit(app, reader: later, branch: seed.north, on: tomorrow.adding(days: 1))
        return Setup(seed: seed, reader: reader, visit: visit, tomorrow: tomorrow)
    }

    @Test(arguments: TestDatabase.all)
    func test_tomorrows_calls_with_the_reminder_in_the_readers_language(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            // The visits page leads there; tomorrow is the default day.
            #expect(try await web.get("/visits").text.contains(#"href="/visits/calls""#))
            let page = try await web.get("/visits/calls").text
            #expect(page.contains("1 визит на этот день"))
            #expect(page.contains("10:00–12:00 · Сейткали Айгерим"))
            for absent in ["Южная", "Отменённая", "Послезавтрашняя"] { #expect(!page.contains(absent), "\(absent)") }
            // The reader's phone first, then the caregiver's, each with its three links.
            #expect(page.contains(#"href="tel:+77012345678""#) && page.contains(#"href="tel:+77771112233""#))
            #expect(page.contains("Помощник (Дочь Дана)"))
            // The reminder in Kazakh, the reader's first language, with the day and the window.
            let date = Formats.date(s.tomorrow.iso, .kk)
            #expect(page.contains(#"<p lang="kk">Сәлеметсіз бе, Айгерим! \#(date) 10:00–12:00 аралығында"#))
            let wa = try #require(HTMLScan.tags(page).first { ($0.attribute("href") ?? "").hasPrefix("https://wa.me/77012345678?text=") })
            let text = try #require(wa.attribute("href")?.split(separator: "=", maxSplits: 1).last.map(String.init)?.removingPercentEncoding)
            #expect(text.hasPrefix("Сәлеметсіз бе, Айгерим!") && text.contains("+7 7222 00 00 01"))

            // «Confirmed» is noted; the visit is unchanged.
            let path = "/visits/\(s.visit.id!)/calls"
            #expect(try await web.post(path, [("result", "confirmed"), ("moved_to", ""), ("reason", ""), ("note", "")]).status == .seeOther)
            #expect(try await VisitCall.query(on: app.db).count() == 1)
            #expect(try await Visit.find(s.visit.id, on: app.db)?.status == "planned")
            #expect(try await web.get("/visits/calls").text.contains("Последний звонок: Подтвердил(а)"))
            // «Moved» without a day, or to the same day: refused at the field, nothing stored.
            for (day, error) in [("", "Заполните это поле."), (s.tomorrow.iso, "Это и есть день визита")] {
                let refused = try await web.post(path, [("result", "moved"), ("moved_to", day), ("reason", ""), ("note", "")])
                #expect(refused.status == .unprocessableEntity && refused.text.contains(error))
            }
            #expect(try await VisitCall.query(on: app.db).count() == 1)
            // Moved to the day after: the visit is rescheduled there, with the call, in one go.
            let target = s.tomorrow.adding(days: 2)
            #expect(
                try await web.post(path, [("result", "moved"), ("moved_to", target.iso), ("reason", ""), ("note", "Просила позже")]).status
                    == .seeOther)
            #expect(try await Visit.find(s.visit.id, on: app.db)?.status == "rescheduled")
            let next = try await Visit.query(on: app.db).filter(\.$reader.$id == s.reader.id!).filter(\.$scheduledOn == target.iso).all()
            #expect(next.count == 1 && next[0].status == "planned")
            let calls = try await VisitCall.query(on: app.db).sort(\.$calledAt).all()
            #expect(calls.map(\.result) == ["confirmed", "moved"] && calls.last?.movedTo == target.iso)
            // The moved visit is off tomorrow's list; an answer to it now is refused.
            #expect(!(try await web.get("/visits/calls").text.contains("Сейткали")))
            #expect(try await web.post(path, [("result", "confirmed")]).status == .unprocessableEntity)

            // A carrier does not see the list; another branch's coordinator cannot answer.
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            #expect(try await carrier.get("/visits/calls").status == .forbidden)
            let south = WebClient(app)
            try await south.login("coord2@test.kz")
            #expect(try await south.post("/visits/\(next[0].id!)/calls", [("result", "cancelled")]).status == .forbidden)
            #expect(!(try await south.get("/visits/calls?date=\(target.iso)").text.contains("Сейткали")))
            // Cancelled on the day's list: the visit is cancelled, the reader's refusal its reason.
            #expect(try await web.get("/visits/calls?date=\(target.iso)").text.contains("Сейткали"))
            #expect(try await web.post("/visits/\(next[0].id!)/calls", [("result", "cancelled"), ("reason", ""), ("note", "")]).status == .seeOther)
            let gone = try await Visit.find(next[0].id, on: app.db)
            #expect(gone?.status == "cancelled" && gone?.reason == "reader_declined")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_call_list_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let token = try await Seed.token(app, for: s.seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let list = try await app.testing().sendRequest(.GET, "/api/v1/visits/calls?date=\(s.tomorrow.iso)", headers: headers)
            #expect(list.status == .ok)
            let entries = try list.content.decode([CallEntry].self)
            #expect(entries.map(\.reader_name) == ["Сейткали Айгерим"])
            #expect(entries[0].language == "kk" && entries[0].contacts.map(\.who) == ["reader", "caregiver"])
            #expect(entries[0].contacts[1].whatsapp.hasPrefix("https://wa.me/77771112233?text="))
            for query in ["date=2027-02-30", "date=", "branch_id=north"] {
                let bad = try await app.testing().sendRequest(.GET, "/api/v1/visits/calls?\(query)", headers: headers)
                #expect(bad.status == .unprocessableEntity, "\(query)")
            }
            let path = "/api/v1/visits/\(s.visit.id!)/calls"
            for (body, field) in [
                (#"{"result":"maybe"}"#, "result"), (#"{"result":"moved"}"#, "moved_to"), (#"{"result":"cancelled","reason":"x"}"#, "reason"),
                (#"{"result":"moved","moved_to":"9999-12-31"}"#, "moved_to"),
            ] {
                let refused = try await app.testing().sendRequest(.POST, path, headers: headers, body: .init(string: body))
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("\"\(field)\""), "\(body)")
            }
            #expect(try await VisitCall.query(on: app.db).count() == 0)
            let ok = try await app.testing().sendRequest(
                .POST, path, headers: headers, body: .init(string: #"{"result":"no_answer","note":"Занято"}"#))
            #expect(ok.status == .created)
            #expect(try ok.content.decode(CallEntry.LastCall.self).result == "no_answer")
            let again = try await app.testing().sendRequest(.GET, "/api/v1/visits/calls?date=\(s.tomorrow.iso)", headers: headers)
            #expect(try again.content.decode([CallEntry].self).first?.last_call?.note == "Занято")
        }
    }
}
