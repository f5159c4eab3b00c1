import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, finding 5: the slip is large print, in the reader's language, with the return-by
/// date, the carrier's name and the branch's own phone number.
@Suite struct SlipTests {
    @Test(arguments: TestDatabase.all)
    func test_the_slip_names_the_branch_phone_carrier_and_return_date(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            seed.north.phone = "+7 7222 11-22-33"
            try await seed.north.save(on: app.db)
            let visit = try await DeliveryFixtures.stopWithBooks(app, seed: seed, card: "SL-1")
            let today = LocalDate.today(in: app.config.timeZone)
            let next = try await DeliveryFixtures.visit(
                app, reader: try await visit.$reader.get(on: app.db), branch: seed.north, on: today.adding(days: 7))
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get("/visits/\(visit.id!.uuidString.lowercased())/slip")
            #expect(page.status == .ok)
            let slip = try #require(page.text.range(of: #"<div class="slip""#).map { String(page.text[$0.lowerBound...]) })
            #expect(slip.contains("Северный. Телефон: " + (PhoneDisplay.format("+7 7222 11-22-33") ?? "")))
            // The number of the demo library, once a translation string, is gone.
            #expect(!page.text.contains("52-33-44"))
            #expect(slip.contains("Книги принесёт: \(seed.carrier.fullName)"))
            // Two titles accepted, each due at the next planned visit.
            let due = Formats.date(next.scheduledOn, .ru)
            #expect(slip.components(separatedBy: "вернуть до \(due)").count - 1 == 2)
            #expect(slip.contains(#"lang="ru""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_slip_is_in_the_readers_language_and_large(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let visit = try await DeliveryFixtures.stopWithBooks(app, seed: seed, card: "SL-2")
            // The reader reads Kazakh first.
            try await ReaderTag.query(on: app.db).filter(\.$reader.$id == visit.$reader.id).filter(\.$kind == .language).delete()
            try await ReaderTag(readerID: visit.$reader.id, kind: .language, value: "kk", position: 0).create(on: app.db)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get("/visits/\(visit.id!.uuidString.lowercased())/slip")
            let slip = try #require(page.text.range(of: #"<div class="slip""#).map { String(page.text[$0.lowerBound...]) })
            #expect(slip.contains(#"lang="kk""#))
            // The number grouped for reading, and a heading of its own in the reader's language for the printout.
            #expect(slip.contains("Солтүстік. Телефон: " + (PhoneDisplay.format("+77222000001") ?? "")))
            #expect(!slip.contains("+77222000001"))
            #expect(slip.contains(#"<p class="slip-title print-only">Оқырманға жадынама</p>"#))
            #expect(slip.contains("Келесі бару") || slip.contains("Келесі"))
            #expect(!slip.contains("Следующий визит"))
            // The page around it stays in the coordinator's language, with a way to another one.
            #expect(page.text.contains("Памятка на языке читателя"))
            let ru = try await web.get("/visits/\(visit.id!.uuidString.lowercased())/slip?in=ru")
            #expect(ru.text.contains("Следующий визит"))
            let css = try await web.get("/static/app.css")
            #expect(css.text.contains(".slip { font-size: max(24px, 1.5rem)"))
            #expect(css.text.contains(".slip { font-size: 24pt; }"))
            #expect(css.text.contains("main:has(.slip) > h1 { display: none; }"))
        }
    }
}
