import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// The delivery statistics against the figures of `StatsFixtures`, counted by hand, on both
/// databases; each figure's list holds the rows it was counted from.
@Suite(.serialized) struct StatsTests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }
    private let half = "from=2026-01-01&to=2026-06-30"

    @Test(arguments: TestDatabase.all)
    func test_figures_match_the_hand_count(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            let token = try await Seed.token(app, for: f.seed.coordinator)
            let north = f.seed.north.id!.uuidString.lowercased()
            let res = try await app.testing().sendRequest(.GET, "/api/v1/reports/delivery?\(half)&branch_id=\(north)", headers: json(token))
            #expect(res.status == .ok)
            let s = try res.content.decode(DeliveryStatsDTO.self)
            func counts(_ list: [DeliveryStatsDTO.Count]) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: list.filter { $0.value > 0 }.map { ($0.code, $0.value) })
            }
            // Served: A and B had a visit done in the period; C only missed ones. B was registered in it.
            #expect(s.readers_served == 2 && s.readers_new == 1)
            #expect(counts(s.readers_by_disability) == ["group1": 1, "child": 1])
            // Ages on 30 June 2026: A is 76, B is 11.
            #expect(counts(s.readers_by_age) == ["60_plus": 1, "0_14": 1])
            #expect([s.visits_planned, s.visits_done, s.visits_failed, s.visits_open] as [Int] == [9, 3, 5, 1])
            #expect(counts(s.visits_failed_by_reason) == ["no_answer": 2, "cancelled_reader_ill": 1, "cancelled_other": 1, "rescheduled": 1])
            // Issued in the period: four (one of them since lost); the July loan and the December one are outside.
            #expect(s.items_issued == 4)
            #expect(counts(s.items_by_format) == ["large_print": 1, "audiobook": 1, "print": 2])
            #expect(counts(s.items_by_language) == ["ru": 1, "kk": 1, "en": 1, "other": 1])
            // Returned in the period: the January and the February returns. Overdue on 30 June: the one still out and the one returned in July.
            #expect(s.items_returned == 2 && s.items_overdue == 2)
            #expect(s.by_month.count == 6)
            #expect(s.by_month.map(\.visits_done) == [1, 1, 1, 0, 0, 0] && s.by_month.map(\.issued) == [1, 1, 2, 0, 0, 0])
            #expect(s.shares.isEmpty)
            // The whole library adds D at the south branch.
            let all = try await app.testing().sendRequest(.GET, "/api/v1/reports/delivery?\(half)", headers: json(token)).content.decode(
                DeliveryStatsDTO.self)
            let whole: [Int] = [all.readers_served, all.visits_planned, all.visits_done, all.items_issued, all.items_returned, all.items_overdue]
            #expect(whole == [3, 10, 4, 5, 3, 2])
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_every_figure_lists_its_rows(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            let token = try await Seed.token(app, for: f.seed.coordinator)
            let north = f.seed.north.id!.uuidString.lowercased()
            func rows(_ list: String, _ subset: String, token t: String? = nil) async throws -> StatsRowsDTO {
                let r = try await app.testing().sendRequest(
                    .GET, "/api/v1/reports/delivery/rows?\(half)&branch_id=\(north)&list=\(list)&subset=\(subset)", headers: json(t ?? token))
                #expect(r.status == .ok, "\(list) \(subset)")
                return try r.content.decode(StatsRowsDTO.self)
            }
            let stats = try await app.testing().sendRequest(.GET, "/api/v1/reports/delivery?\(half)&branch_id=\(north)", headers: json(token))
                .content.decode(DeliveryStatsDTO.self)
            // Each figure against the length of its list.
            let pairs: [(String, String, Int)] =
                [
                    ("readers", "all", stats.readers_served), ("readers", "new", stats.readers_new), ("visits", "all", stats.visits_planned),
                    ("visits", "done", stats.visits_done), ("visits", "failed", stats.visits_failed), ("visits", "open", stats.visits_open),
                    ("loans", "issued", stats.items_issued), ("loans", "returned", stats.items_returned), ("loans", "overdue", stats.items_overdue),
                ]
                + stats.readers_by_disability.map { ("readers", "disability." + $0.code, $0.value) }
                + stats.readers_by_age.map { ("readers", "age." + $0.code, $0.value) }
                + stats.visits_failed_by_reason.map { ("visits", $0.code, $0.value) }
                + stats.items_by_format.map { ("loans", "form." + $0.code, $0.value) }
                + stats.items_by_language.map { ("loans", "language." + $0.code, $0.value) }
            for (list, subset, value) in pairs {
                #expect(try await rows(list, subset).total == value, "\(list) \(subset)")
            }
            #expect(try await rows("readers", "new").rows.map { $0.cells[0] } == ["Бекова Николай"])
            let overdue = try await rows("loans", "overdue")
            #expect(Set(overdue.rows.map { $0.cells[0] }) == ["Аудио", "Двуязычная"])
            // A coordinator opens only their own branch's lists; the whole library's are for administrators.
            let south = try await Seed.token(app, for: f.seed.otherCoordinator)
            let refused = try await app.testing().sendRequest(
                .GET, "/api/v1/reports/delivery/rows?\(half)&branch_id=\(north)&list=readers&subset=all", headers: json(south))
            #expect(refused.status == .forbidden)
            let whole = try await app.testing().sendRequest(
                .GET, "/api/v1/reports/delivery/rows?\(half)&list=readers&subset=all", headers: json(token))
            #expect(whole.status == .forbidden)
            let unknown = try await app.testing().sendRequest(
                .GET, "/api/v1/reports/delivery/rows?\(half)&branch_id=\(north)&list=readers&subset=nobody", headers: json(token))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains(#""subset""#))
            // The page links each figure to its list, and the list page shows the rows.
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let page = try await web.get("/reports?\(half)&branch_id=\(north)").body.string
            #expect(page.contains(#"list=visits&amp;subset=failed">5</a>"#))
            let list = try await web.get("/reports/rows?\(half)&branch_id=\(north)&list=visits&subset=failed").body.string
            #expect(list.contains("Визиты, 01.01.2026 — 30.06.2026: 5"))
            #expect(list.contains("Читатель болен") && list.contains("Не застали дома") && list.contains("Перенесён"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_shares_exports_and_bad_periods(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            let admin = try await Seed.token(app, for: f.seed.admin)
            let coordinator = try await Seed.token(app, for: f.seed.coordinator)
            let body = #"{"from":"2026-01-01","to":"2026-06-30","users":7,"visits":40,"issued":8}"#
            // Totals are the administrator's to enter.
            let notAllowed = try await app.testing().sendRequest(
                .POST, "/api/v1/library-totals", headers: json(coordinator), body: .init(string: body))
            #expect(notAllowed.status == .forbidden)
            #expect(
                try await app.testing().sendRequest(.POST, "/api/v1/library-totals", headers: json(admin), body: .init(string: body)).status == .ok)
            // Entering the same period again replaces the row.
            #expect(
                try await app.testing().sendRequest(.POST, "/api/v1/library-totals", headers: json(admin), body: .init(string: body)).status == .ok)
            #expect(try await LibraryTotal.query(on: app.db).count() == 1)
            let s = try await app.testing().sendRequest(.GET, "/api/v1/reports/delivery?\(half)", headers: json(admin)).content.decode(
                DeliveryStatsDTO.self)
            // 3 of 7 users, 4 of 40 visits, 5 of 8 items.
            #expect(s.shares.map(\.percent) == [42.9, 10.0, 62.5])
            let web = WebClient(app)
            _ = try await web.login("admin@test.kz")
            let page = try await web.get("/reports?\(half)").body.string
            #expect(page.contains("42,9 %") && page.contains("62,5 %"))
            // CSV: the same figures with their labels.
            let csv = try await web.get("/reports/delivery.csv?\(half)")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(
                csv.body.string.contains("Обслужено читателей,3,,") && csv.body.string.contains("Книговыдача: доля от всей выдачи,5,8,\"62,5 %\""))
            // The same for Excel with Russian or Kazakh settings (issue 12, item 10): `;` between
            // fields, so «62,5 %» needs no quotes, and the page offers that file.
            let semicolon = try await web.get("/reports/delivery.csv?\(half)&sep=semicolon").text
            #expect(semicolon.contains("Обслужено читателей;3;;") && semicolon.contains("Книговыдача: доля от всей выдачи;5;8;62,5 %"))
            #expect(!semicolon.contains("Обслужено читателей,3"))
            #expect(page.contains("delivery.csv?") && page.contains("sep=semicolon"))
            let xlsx = try await web.get("/reports/delivery.xlsx?\(half)")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
            // Bad input: a period ending before it starts, a negative total, a total for nothing.
            let bad = try await web.get("/reports?from=2026-06-30&to=2026-01-01")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Конец периода раньше его начала."))
            let negative = try await app.testing().sendRequest(
                .POST, "/api/v1/library-totals", headers: json(admin), body: .init(string: #"{"from":"2026-01-01","to":"2026-03-31","users":-1}"#))
            #expect(negative.status == .unprocessableEntity && negative.body.string.contains(#""users""#))
            let refused = try await web.post("/reports/totals", [("from", "2026-07-01"), ("to", "2026-06-01"), ("visits", "-3")])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("Число не может быть отрицательным") && html.contains("Конец периода раньше его начала."))
            #expect(try await LibraryTotal.query(on: app.db).count() == 1)
        }
    }
}
