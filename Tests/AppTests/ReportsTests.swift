import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// The events report against figures worked out by hand, and its links to the events behind them.
@Suite(.serialized) struct ReportsTests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    @Test(arguments: TestDatabase.all)
    func test_events_by_type_and_group_match_the_hand_count(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.coordinator)
            let bodies = [
                #"{"title":"Урок","type":"lesson","starts_on":"2026-10-29","place":"Зал","participants_total":36,"adults":36,"target_groups":["specialists","disabled"]}"#,
                #"{"title":"Встреча","type":"meeting","starts_on":"2026-11-05","place":"Зал","participants_total":12,"target_groups":["youth","general"]}"#,
                #"{"title":"Клуб","type":"club","starts_on":"2026-08-10","place":"Зал","participants_total":14,"disabled":9,"target_groups":["elderly","disabled"]}"#,
                // Outside the period: counted nowhere.
                #"{"title":"Прошлогодний урок","type":"lesson","starts_on":"2025-10-29","place":"Зал","participants_total":50}"#,
            ]
            for b in bodies {
                #expect(try await app.testing().sendRequest(.POST, "/api/v1/events", headers: json(token), body: .init(string: b)).status == .created)
            }
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let html = try await web.get("/reports/events?from=2026-01-01&to=2026-12-31").body.string
            // By hand: the lesson 36, the meeting 12, the club 14 with 9 disabled; «disabled» holds the lesson and the club.
            // Links are attribute values: `&` is written `&amp;`, as HTML requires.
            func row(_ label: String, _ param: String, _ events: Int, _ people: Int, _ disabled: Int) -> String {
                #"<th scope="row">\#(label)</th><td class="num"><a href="/events?from=2026-01-01&amp;to=2026-12-31&amp;\#(param)">\#(events)</a></td><td class="num">\#(people)</td><td class="num">\#(disabled)</td>"#
            }
            #expect(html.contains(row("Библиотечный урок", "type=lesson", 1, 36, 0)))
            #expect(html.contains(row("Встреча", "type=meeting", 1, 12, 0)))
            #expect(html.contains(row("Заседание клуба", "type=club", 1, 14, 9)))
            #expect(html.contains(row("Люди с инвалидностью", "group=disabled", 2, 50, 9)))
            #expect(html.contains(row("Молодёжь", "group=youth", 1, 12, 0)))
            #expect(html.contains(row("Мигранты", "group=migrants", 0, 0, 0)))
            #expect(
                html.contains(
                    #"<th scope="row">Всего</th><td class="num"><a href="/events?from=2026-01-01&amp;to=2026-12-31">3</a></td><td class="num">62</td><td class="num">9</td>"#
                ))
            // By month: the chart (an image with its description) and the same figures in a table, empty months too.
            #expect(html.contains(#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="events-by-month-t events-by-month-d""#))
            #expect(html.contains("Авг 26: 1") && html.contains("Окт 26: 1") && html.contains("Ноя 26: 1") && html.contains("Янв 26: 0"))
            #expect(html.contains(#"<th scope="row">Окт 26</th><td class="num">1</td><td class="num">36</td>"#))
            #expect(html.contains(#"<th scope="row">Дек 26</th><td class="num">0</td><td class="num">0</td>"#))
            // A figure's link lists exactly the events behind it.
            let behind = try await web.get("/events?from=2026-01-01&to=2026-12-31&group=disabled").body.string
            #expect(behind.contains("2 мероприятия · 50 участников"))
            #expect(behind.contains(">Урок</a>") && behind.contains(">Клуб</a>") && !behind.contains(">Встреча</a>"))
            // The API gives the same figures.
            let api = try await app.testing().sendRequest(.GET, "/api/v1/reports/events?from=2026-01-01&to=2026-12-31", headers: json(token))
            let dto = try api.content.decode(EventsReportDTO.self)
            #expect(dto.total.events == 3 && dto.total.participants == 62 && dto.total.disabled == 9)
            #expect(dto.by_group.first { $0.code == "disabled" }.map { [$0.events, $0.participants, $0.disabled] } == [2, 50, 9])
            #expect(dto.by_month.count == 12 && dto.by_month.first { $0.code == "2026-10" }?.participants == 36)
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/reports/events?from=2026-12-31&to=2026-01-01", headers: json(token))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#""to""#))
            // A period that ends before it starts is refused at its field.
            let refused = try await web.get("/reports/events?from=2026-12-31&to=2026-01-01")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Конец периода раньше его начала."))
        }
    }
}
