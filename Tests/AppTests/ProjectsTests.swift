import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// The project registry: a project with its lists through the API and the pages, indicators
/// computed from the delivery data, and bad input refused with nothing saved.
@Suite(.serialized) struct ProjectsTests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    private func body(coordinator: UUID, indicators: String? = nil, ends: String = "2026-06-30") -> String {
        let list =
            indicators
                ?? #"""
                [{"name":"Читатели","metric":"readers_served","target":4},{"name":"Визиты","metric":"visits_done","target":6},
                 {"name":"Выдача","metric":"items_issued","target":8},{"name":"Мероприятия","metric":"events_held","target":2},
                 {"name":"Участники","metric":"participants","target":72},
                 {"name":"Волонтёры","metric":"manual","target":10,"manual_value":6,"source":"Журнал волонтёров"}]
                """#
        return #"""
            {"name":"Книгоноша","organisation":"ВКОУБ им. Абая","target_groups":["disabled","elderly"],"goal":"Интеграция","description":"Книги на дом",
             "starts_on":"2026-01-01","ends_on":"\#(ends)","status":"active",
             "authors":[{"user_id":"\#(coordinator.uuidString)"},{"name":"Адикаева Р.Х."}],
             "presentations":[{"venue":"«Разные – Равные»","venue_kind":"competition","presented_on":"2026-10-20","material":"slides"}],
             "awards":[{"name":"Әлеуметтік-еңбек саласының үздігі","awarded_by":"Министерство труда","awarded_on":"2026-10-20","recipient":"Адикаева Р.Х."}],
             "indicators":\#(list)}
            """#
    }

    @Test(arguments: TestDatabase.all)
    func test_a_project_counts_its_indicators_from_the_data(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            let token = try await Seed.token(app, for: f.seed.coordinator)
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/projects", headers: json(token), body: .init(string: body(coordinator: f.seed.coordinator.id!)))
            #expect(created.status == .created)
            let project = try created.content.decode(ProjectDTO.self)
            // A coordinator's project is at their branch.
            #expect(project.branch_id == f.seed.north.id)
            #expect(project.authors.map(\.name) == ["Coord", "Адикаева Р.Х."])
            // An event of the project, and one that is not.
            let event =
                #"{"title":"Урок","type":"lesson","starts_on":"2026-05-29","place":"Зал","participants_total":36,"project_id":"\#(project.id)"}"#
            let other = #"{"title":"Другое","type":"meeting","starts_on":"2026-05-30","place":"Зал","participants_total":10}"#
            for b in [event, other] {
                #expect(try await app.testing().sendRequest(.POST, "/api/v1/events", headers: json(token), body: .init(string: b)).status == .created)
            }
            let shown = try await app.testing().sendRequest(.GET, "/api/v1/projects/\(project.id)", headers: json(token)).content.decode(
                ProjectDTO.self)
            // The fixtures' north branch in the first half of 2026: 2 readers served, 3 visits done, 4 items issued.
            #expect(shown.indicators.map(\.actual) == [2, 3, 4, 1, 36, 6])
            #expect(shown.indicators.map(\.progress) == [50, 50, 50, 50, 50, 60])
            #expect(shown.event_ids.count == 1)
            // The page shows progress, the presentation, the award and the event.
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let page = try await web.get("/projects/\(project.id.uuidString.lowercased())").body.string
            #expect(page.contains("«Разные – Равные»") && page.contains("Әлеуметтік-еңбек саласының үздігі") && page.contains(">Урок</a>"))
            #expect(page.contains("введено вручную: Журнал волонтёров") && page.contains(" 60 %"))
            // The register's export names the project.
            let csv = try await web.get("/events/export.csv?from=2026-05-01&to=2026-05-31").body.string
            #expect(csv.contains(",Книгоноша\r\n") && csv.contains("Социальный проект\r\n"))
            // The event's card links back to its project.
            let card = try await web.get("/events/\(shown.event_ids[0].uuidString.lowercased())").body.string
            #expect(card.contains(#"href="/projects/\#(project.id.uuidString.lowercased())">Книгоноша</a>"#))
            // The annual report tells of the project and its award.
            let annual = try await web.get("/reports/annual?year=2026&branch_id=\(f.seed.north.id!.uuidString.lowercased())")
            #expect(annual.status == .ok)
            #expect(
                annual.body.string.contains("Годовой отчёт за 2026 год")
                    && annual.body.string.contains("«Әлеуметтік-еңбек саласының үздігі» — Адикаева Р.Х."))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/reports/annual?year=2026", headers: json(token)).content.decode(
                AnnualReportDTO.self)
            #expect(api.projects.map(\.name) == ["Книгоноша"] && api.delivery.readers_served == 3 && api.events.total.events == 2)
            // Someone else's branch may read the project but not change it.
            let south = try await Seed.token(app, for: f.seed.otherCoordinator)
            let put = try await app.testing().sendRequest(
                .PUT, "/api/v1/projects/\(project.id)", headers: json(south),
                body: .init(string: #"{"name":"Чужой","starts_on":"2026-01-01","status":"active"}"#))
            #expect(put.status == .forbidden)
            // Removing the project keeps its event, unlinked.
            #expect(try await app.testing().sendRequest(.DELETE, "/api/v1/projects/\(project.id)", headers: json(token)).status == .noContent)
            let kept = try await Event.find(shown.event_ids[0], on: app.db)
            #expect(kept != nil && kept?.$project.id == nil)
            #expect(try await ProjectIndicator.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_bad_input_is_refused_at_its_field_and_nothing_is_saved(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.coordinator)
            let cases: [(String, String)] = [
                (body(coordinator: seed.coordinator.id!, indicators: #"[{"name":"X","metric":"visits_done","target":-5}]"#), "indicators[0].target"),
                (
                    body(coordinator: seed.coordinator.id!, indicators: #"[{"name":"X","metric":"visits_done","target":5,"manual_value":3}]"#),
                    "indicators[0].manual_value"
                ),
                (
                    body(coordinator: seed.coordinator.id!, indicators: #"[{"name":"X","metric":"manual","target":5,"manual_value":3}]"#),
                    "indicators[0].source"
                ),
                (body(coordinator: seed.coordinator.id!, ends: "2025-12-31"), "ends_on"),
            ]
            for (b, field) in cases {
                let res = try await app.testing().sendRequest(.POST, "/api/v1/projects", headers: json(token), body: .init(string: b))
                #expect(res.status == .unprocessableEntity, "\(field)")
                #expect(res.body.string.contains(#""\#(field)""#), "\(field): \(res.body.string)")
            }
            #expect(try await Project.query(on: app.db).count() == 0)
            #expect(try await ProjectIndicator.query(on: app.db).count() == 0)
            // The form: no author, a bad end date; then a good project, and a presentation with a bad link.
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let refused = try await web.post(
                "/projects/new", [("name", "Книгоноша"), ("status", "active"), ("starts_on", "2026-05-01"), ("ends_on", "2026-04-01")])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains("Укажите хотя бы одного автора.") && refused.body.string.contains("Конец периода раньше его начала."))
            #expect(try await Project.query(on: app.db).count() == 0)
            let saved = try await web.post(
                "/projects/new", [("name", "Книгоноша"), ("status", "active"), ("starts_on", "2026-05-01"), ("other_authors", "Адикаева Р.Х.\n")])
            #expect(saved.status == .seeOther)
            let id = try #require(try await Project.query(on: app.db).first()?.id).uuidString.lowercased()
            let bad = try await web.post(
                "/projects/\(id)/presentations/new",
                [
                    ("venue", "Конкурс"), ("venue_kind", "competition"), ("presented_on", "2026-10-20"), ("material", "video"),
                    ("link", "javascript:alert(1)"),
                ])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("https://"))
            #expect(try await ProjectPresentation.query(on: app.db).count() == 0)
            let award = try await web.post(
                "/projects/\(id)/awards/new",
                [
                    ("name", "Әлеуметтік-еңбек саласының үздігі"), ("awarded_by", "Министерство"), ("awarded_on", "2026-10-20"),
                    ("recipient", "Адикаева Р.Х."),
                ])
            #expect(award.status == .seeOther)
            let awardID = try #require(try await ProjectAward.query(on: app.db).first()?.id).uuidString.lowercased()
            #expect(try await web.post("/projects/\(id)/awards/\(awardID)/delete", []).status == .ok)
            #expect(try await web.post("/projects/\(id)/awards/\(awardID)/delete", [("confirmed", "yes")]).status == .seeOther)
            #expect(try await ProjectAward.query(on: app.db).count() == 0)
            let negative = try await web.post("/projects/\(id)/indicators/new", [("name", "Визиты"), ("metric", "visits_done"), ("target", "-1")])
            #expect(negative.status == .unprocessableEntity && negative.body.string.contains("Число не может быть отрицательным."))
            // Another branch's coordinator may not remove it; its own coordinator may.
            let other = WebClient(app)
            _ = try await other.login("coord2@test.kz")
            #expect(try await other.post("/projects/\(id)/delete", []).status == .forbidden)
            #expect(try await web.post("/projects/\(id)/delete", []).status == .ok)
            #expect(try await Project.query(on: app.db).count() == 1)
            #expect(try await web.post("/projects/\(id)/delete", [("confirmed", "yes")]).status == .seeOther)
            #expect(try await Project.query(on: app.db).count() == 0)
        }
    }
}

/// Library management reads the statistics, events and projects, and nothing of the readers.
@Suite(.serialized) struct ManagementTests {
    @Test(arguments: TestDatabase.all)
    func test_management_reads_the_reports_but_no_reader(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            let hash = try await app.password.async.hash(Seed.password)
            let director = User(email: "director@test.kz", fullName: "Director", role: .management, branchID: nil, passwordHash: hash)
            try await director.create(on: app.db)
            let web = WebClient(app)
            _ = try await web.login("director@test.kz")
            #expect(try await web.get("/").headers.first(name: .location) == "/reports")
            for path in ["/reports?from=2026-01-01&to=2026-06-30", "/reports/annual?year=2026", "/reports/events", "/events", "/projects"] {
                #expect(try await web.get(path).status == .ok, "\(path)")
            }
            // The figures, without links to the people behind them; no readers, no lists, no changes.
            let page = try await web.get("/reports?from=2026-01-01&to=2026-06-30").body.string
            #expect(page.contains("Обслужено читателей") && !page.contains("/reports/rows?"))
            let north = f.seed.north.id!.uuidString.lowercased()
            for path in [
                "/readers", "/visits", "/reports/rows?from=2026-01-01&to=2026-06-30&branch_id=\(north)&list=readers&subset=all", "/events/new",
                "/projects/new",
            ] {
                #expect(try await web.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await web.post("/projects/new", [("name", "X"), ("status", "active"), ("starts_on", "2026-01-01")]).status == .forbidden)
            #expect(!(try await web.get("/events").body.string.contains("/events/new")))
            // The same through the API.
            let token = try await Seed.token(app, for: director)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/reports/delivery", headers: auth).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/projects", headers: auth).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/readers", headers: auth).status == .forbidden)
            let create = try await app.testing().sendRequest(
                .POST, "/api/v1/events", headers: auth,
                body: .init(string: #"{"title":"X","type":"lesson","starts_on":"2026-10-29","place":"Зал","participants_total":1}"#))
            #expect(create.status == .forbidden)
        }
    }
}
