import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, finding 1 everywhere: a page never puts something else in place of what its link
/// asked for without saying so. A value it cannot read is named, with the field's label, above
/// the heading; what it could read is kept.
@Suite(.serialized) struct IgnoredQueryTests {
    static func warnings(_ html: String) -> [String] {
        HTMLScan.tags(html).filter { $0.name == "p" && $0.attribute("class") == "warning-box" }.map { HTMLScan.text(after: $0, in: html) }
    }

    @Test(arguments: TestDatabase.all)
    func test_an_unreadable_value_is_named_and_the_rest_of_the_query_is_kept(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("История Казахстана", "История"), ("Абай жолы", "Роман")])
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let today = LocalDate.today(in: app.config.timeZone)

            // Read values: no warning, the day asked for.
            let good = try await web.get("/visits/pick-list?date=2026-03-02").text
            #expect(Self.warnings(good).isEmpty)
            #expect(good.contains(#"value="2026-03-02""#))
            // 30 February: named, and today's list instead, said so.
            let bad = try await web.get("/visits/pick-list?date=2026-02-30").text
            #expect(Self.warnings(bad) == ["«День»: значение «2026-02-30» не удалось прочитать, оно не учтено."])
            #expect(bad.contains(#"value="\#(today.iso)""#))
            // Hostile text comes back as text.
            let hostile = try await web.get("/visits/pick-list?date=%22%3E%3Cb%3Ex%3C/b%3E").text
            #expect(hostile.contains("&gt;&lt;b&gt;x&lt;/b&gt;") && !hostile.contains("<b>x</b>"))

            // The visit calendar: an unknown view is named, the date beside it kept.
            let week = try await web.get("/visits?view=year&date=2026-03-04&carrier=nobody").text
            #expect(Self.warnings(week).count == 2)
            #expect(Self.warnings(week).contains("«Вид календаря»: значение «year» не удалось прочитать, оно не учтено."))
            #expect(Self.warnings(week).contains("«Книгоноша»: значение «nobody» не удалось прочитать, оно не учтено."))
            #expect(week.contains(#"value="2026-03-02""#))  // the week of 4 March starts on Monday the 2nd

            // The events calendar: month 13.
            let month = try await web.get("/events/calendar?month=2026-13").text
            #expect(Self.warnings(month) == ["«Месяц»: значение «2026-13» не удалось прочитать, оно не учтено."])
            #expect(Self.warnings(try await web.get("/events/calendar?month=2026-03").text).isEmpty)

            // The catalogue: the words stand, the year that cannot be read is named.
            let found = try await web.get("/catalog?q=%D0%B8%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F&format=&year_from=19x5&year_to=").text
            #expect(Self.warnings(found) == ["«Год издания с»: значение «19x5» не удалось прочитать, оно не учтено."])
            #expect(found.contains("История Казахстана") && !found.contains("Абай жолы"))
            // The reader list: a status that does not exist.
            let readers = try await web.get("/readers?q=&status=ghost").text
            #expect(Self.warnings(readers) == ["«Статус»: значение «ghost» не удалось прочитать, оно не учтено."])
            #expect(Self.warnings(try await web.get("/readers?q=&status=").text).isEmpty)

            // The loans list: «overdue» is its one filter.
            let loans = try await web.get("/loans?status=zzz").text
            #expect(Self.warnings(loans) == ["«Состояние»: значение «zzz» не удалось прочитать, оно не учтено."])
            #expect(Self.warnings(try await web.get("/loans?status=overdue").text).isEmpty)

            // The carrier's run.
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            let run = try await carrier.get("/run?date=yesterday").text
            #expect(Self.warnings(run) == ["«День маршрута»: значение «yesterday» не удалось прочитать, оно не учтено."])
            #expect(Self.warnings(try await carrier.get("/run?date=2026-03-02").text).isEmpty)
        }
    }
}
