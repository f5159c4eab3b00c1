import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, findings 12 and 13: printed reports are headed with the library and the period and
/// end with a signature block; charts have titles and legends and labels that do not overlap;
/// names typed by people appear in Kazakh on Kazakh pages, or marked when there is none.
@Suite(.serialized) struct PrintedReportTests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    private let project = #"""
        {"name":"Книгоноша","name_kk":"Кітап тасушы","organisation":"ВКОУБ им. Абая","starts_on":"2026-01-01","ends_on":"2026-12-31",
         "status":"active","authors":[{"name":"Адикаева Р.Х."}],
         "presentations":[{"venue":"Конференция","venue_kk":"Конференциясы","venue_kind":"conference","presented_on":"2026-10-20","material":"slides"}],
         "awards":[{"name":"Отличник","name_kk":"Үздігі","awarded_by":"Министерство труда","awarded_on":"2026-10-20","recipient":"Адикаева Р.Х."}],
         "indicators":[{"name":"Визиты","name_kk":"Барулар","metric":"visits_done","target":6},
                       {"name":"Волонтёры","metric":"manual","target":10,"manual_value":6,"source":"Журнал"}]}
        """#

    @Test(arguments: TestDatabase.all)
    func test_the_annual_report_and_a_project_print_as_signed_documents(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            try await LibraryName(ru: "Областная библиотека имени Абая", kk: "Абай атындағы облыстық кітапхана").save(on: app.db)
            let token = try await Seed.token(app, for: f.seed.coordinator)
            let created = try await app.testing().sendRequest(.POST, "/api/v1/projects", headers: json(token), body: .init(string: project))
            #expect(created.status == .created)
            let dto = try created.content.decode(ProjectDTO.self)
            #expect(dto.name_kk == "Кітап тасушы")
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let annual = try await web.get("/reports/annual?year=2026").text
            #expect(annual.contains(#"data-print="1""#))
            #expect(annual.contains(#"<script src="/static/print.js" defer"#))
            #expect(annual.contains(#"<p class="report-library">Областная библиотека имени Абая</p>"#))
            #expect(annual.contains("Филиал: Вся библиотека · Период: 01.01.2026 — 31.12.2026"))
            #expect(annual.contains(#"<div class="signature print-only">"#))
            #expect(annual.contains("Руководитель библиотеки"))
            // The project's figures are said not to be the library's.
            #expect(annual.contains("Показатели проектов считаются за период каждого проекта"))
            let page = try await web.get("/projects/\(dto.id.uuidString.lowercased())").text
            #expect(page.contains("Период: 01.01.2026 — 31.12.2026"))
            #expect(page.contains(#"<div class="signature print-only">"#))
            #expect(page.contains("Напечатать отчёт о проекте"))
            #expect(page.contains("Это не итоги библиотеки."))
            // Charts scroll in a box the keyboard reaches, and fit the screen; each legend says what is counted.
            let stats = try await web.get("/reports?from=2026-01-01&to=2026-06-30").text
            #expect(stats.contains(#"<div class="chart-wrap" tabindex="0" role="group" aria-label="Выполненные визиты по месяцам">"#))
            let format = try #require(stats.components(separatedBy: #"aria-labelledby="stats-by_format""#).last)
            #expect(format.contains(#"<span class="swatch"></span>Выданные книги</span>"#))
            let js = try await web.get("/static/print.js")
            #expect(js.status == .ok)
            #expect(js.text.contains("window.print()"))
            // The print style shows the signature only on paper.
            let css = try await web.get("/static/app.css").text
            #expect(css.contains(".print-only { display: none; }"))
            #expect(css.contains(".print-only { display: block; }"))
            #expect(css.contains(".charts > * { min-width: 0; max-width: 100%; }"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_kazakh_pages_show_kazakh_names_and_mark_the_missing_ones(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await StatsFixtures.make(app)
            try await LibraryName(ru: "Областная библиотека имени Абая", kk: nil).save(on: app.db)
            let token = try await Seed.token(app, for: f.seed.coordinator)
            let dto = try await app.testing().sendRequest(.POST, "/api/v1/projects", headers: json(token), body: .init(string: project))
                .content.decode(ProjectDTO.self)
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            _ = try await web.post("/preferences/language", [("lang", "kk"), ("return_to", "/reports")])
            let page = try await web.get("/projects/\(dto.id.uuidString.lowercased())").text
            #expect(page.contains("<h1>Кітап тасушы</h1>") || page.contains(">Кітап тасушы</h1>"))
            #expect(page.contains("Барулар"))
            // The Russian fallback is marked, and tagged as Russian for screen readers.
            #expect(page.contains(#"<span lang="ru">Волонтёры</span> (қазақша нұсқасы жоқ)"#))
            #expect(page.contains("Үздігі"))
            #expect(page.contains("Конференциясы"))
            #expect(!page.contains(">Визиты<"))
            let annual = try await web.get("/reports/annual?year=2026").text
            #expect(annual.contains("Кітап тасушы"))
            #expect(annual.contains("«Үздігі»"))
            // The library has no Kazakh name yet: the Russian one, marked.
            #expect(annual.contains("Областная библиотека имени Абая (қазақша нұсқасы жоқ)"))
            // In Russian, the Russian versions and no marks.
            _ = try await web.post("/preferences/language", [("lang", "ru"), ("return_to", "/reports")])
            let ru = try await web.get("/projects/\(dto.id.uuidString.lowercased())").text
            #expect(ru.contains("Волонтёры"))
            #expect(!ru.contains("қазақша нұсқасы жоқ"))
            #expect(!ru.contains("Кітап тасушы"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_project_form_keeps_the_kazakh_name(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let form = try await web.get("/projects/new").text
            #expect(form.contains(#"name="name_kk""#))
            let res = try await web.post(
                "/projects/new",
                [
                    ("name", "Читаем вместе"), ("name_kk", "Бірге оқимыз"), ("status", "active"), ("starts_on", "2026-02-01"), ("ends_on", ""),
                    ("branch_id", seed.north.id!.uuidString.lowercased()), ("organisation", ""), ("goal", ""), ("description", ""),
                    ("other_authors", "Иванова А."),
                ])
            #expect(res.status == .seeOther)
            let saved = try #require(try await Project.query(on: app.db).filter(\.$name == "Читаем вместе").first())
            #expect(saved.nameKk == "Бірге оқимыз")
            let part = try await web.post(
                "/projects/\(saved.id!.uuidString.lowercased())/indicators/new",
                [
                    ("name", "Читатели"), ("name_kk", "Оқырмандар"), ("metric", "readers_served"), ("target", "5"), ("manual_value", ""),
                    ("source", ""),
                ])
            #expect(part.status == .seeOther)
            #expect(try await ProjectIndicator.query(on: app.db).filter(\.$nameKk == "Оқырмандар").count() == 1)
        }
    }

    @Test func test_chart_labels_never_overlap_and_the_chart_has_a_legend() {
        let bars = ["сентябрь 2026", "октябрь 2026", "Мүгедектігі бар бала", "I"].enumerated().map { BarChart.Bar(label: $1, value: $0 * 1000) }
        let slot = BarChart.slotWidth(bars)
        // Neighbouring labels are centred one slot apart: the widest must fit with a gap.
        for bar in bars { #expect(BarChart.textWidth(bar.label, fontSize: 11) + 8 <= slot) }
        let html = BarChart.svg(id: "c", title: "Визиты по месяцам", legend: "Выполненные визиты", description: "d", bars: bars).render()
        #expect(html.contains(#"<figcaption aria-hidden="true"><span class="chart-title">Визиты по месяцам</span>"#))
        #expect(html.contains(#"<span class="chart-legend"><span class="swatch"></span>Выполненные визиты</span>"#))
        // Label x positions step by the slot.
        let xs = html.components(separatedBy: #"font-size="11""#).dropLast().compactMap { chunk -> Int? in
            guard let r = chunk.range(of: #"<text x=""#, options: .backwards) else { return nil }
            return Int(chunk[r.upperBound...].prefix { $0.isNumber })
        }
        #expect(xs.count == 4)
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 == slot })
    }

    /// The library's name is in the settings API too: set, kept when left out, a line break refused.
    @Test(arguments: TestDatabase.all)
    func test_the_library_name_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.admin)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            func put(_ body: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.PUT, "/api/v1/settings/delivery", headers: headers, body: .init(string: body))
            }
            #expect(
                try await put(#"{"horizon_weeks":8,"library_name_ru":"Библиотека имени Абая","library_name_kk":"Абай кітапханасы"}"#).status == .ok)
            #expect(try await put(#"{"horizon_weeks":6}"#).status == .ok)
            let bad = try await put(#"{"horizon_weeks":4,"library_name_ru":"Библиотека\nимени"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("library_name_ru"))
            let got = try await app.testing().sendRequest(.GET, "/api/v1/settings/delivery", headers: headers)
            #expect(got.body.string.contains(#""library_name_ru":"Библиотека имени Абая""#))
            #expect(got.body.string.contains(#""horizon_weeks":6"#))
            #expect(try await LibraryName.load(on: app.db) == LibraryName(ru: "Библиотека имени Абая", kk: "Абай кітапханасы"))
        }
    }
}
