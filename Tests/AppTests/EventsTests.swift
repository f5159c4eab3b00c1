import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// The event register: the source article's library lesson through the form, its card and CSV,
/// the API, and bad input that stores nothing.
@Suite(.serialized) struct EventsTests {
    /// The library lesson of 29 October from the source article.
    static let lesson: [(String, String)] = [
        ("title", "Социальные проекты Казахстана: библиотечный урок"), ("type", "lesson"), ("starts_on", "2026-10-29"),
        ("time_from", "11:00"), ("time_to", "12:30"),
        ("place", "Восточно-Казахстанская областная универсальная библиотека имени Абая"), ("organiser", "Адикаева Р.Х."),
        ("target_groups[]", "specialists"), ("target_groups[]", "disabled"), ("participants", "специалисты библиотеки"),
        ("participants_total", "36"), ("adults", "36"),
        ("goal", "Отчет по участию в республиканской практической конференции по вопросам социальных проектов"),
        ("expected_result", "Повышение интереса к проблемам социальной реабилитации инвалидов и интегрирования их в общество в Казахстане"),
    ]

    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    @Test(arguments: TestDatabase.all)
    func test_the_articles_lesson_through_the_form_prints_as_its_card(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            #expect(try await web.get("/events/new").status == .ok)
            let saved = try await web.post("/events/new", Self.lesson)
            #expect(saved.status == .seeOther)
            let event = try #require(try await Event.query(on: app.db).first())
            #expect(event.$branch.id == seed.north.id)
            #expect(event.groups == [.disabled, .specialists])
            let card = try await web.get("/events/\(event.id!)")
            let html = card.body.string
            for text in [
                "Библиотечный урок", "29.10.2026", "11:00–12:30", "имени Абая", "специалисты библиотеки", "36 человек", "Отчет по участию",
                "Повышение интереса",
            ] {
                #expect(html.contains(text), "card lacks \(text)")
            }
            let list = try await web.get("/events?from=2026-10-01&to=2026-10-31")
            #expect(list.body.string.contains("1 мероприятие · 36 участников"))
            let csv = try await web.get("/events/export.csv?from=2026-10-01&to=2026-10-31&group=specialists")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("\u{FEFF}Дата,"))
            #expect(lines[1].contains("2026-10-29,,11:00,12:30,Социальные проекты Казахстана: библиотечный урок,Библиотечный урок"))
            #expect(lines[1].contains(",36,,,36,,"))
            // The same file for Excel with Russian or Kazakh settings: fields split on `;`, and a
            // field holding `;` is quoted (the groups are listed with "; ").
            let semicolon = try await web.get("/events/export.csv?from=2026-10-01&to=2026-10-31&group=specialists&sep=semicolon")
            let rows = semicolon.body.string.split(separator: "\r\n")
            #expect(rows.count == 2)
            #expect(rows[0].hasPrefix("\u{FEFF}Дата;"))
            #expect(rows[0].split(separator: ";").count == 20)
            #expect(rows[1].contains(";36;;;36;;"))
            #expect(
                rows[1].contains(#""Люди с инвалидностью; Специалисты библиотек""#)
                    || rows[1].contains(#""Специалисты библиотек; Люди с инвалидностью""#))
            #expect(try await web.get("/events?from=2026-10-01&to=2026-10-31").text.contains("sep=semicolon"))
            // The month's calendar: the lesson on the 29th, a three-day exhibition on each of its days.
            let exhibition =
                Self.lesson.filter { !["title", "type", "time_from", "time_to"].contains($0.0) } + [
                    ("title", "Выставка «Мир без барьеров»"), ("type", "exhibition"), ("ends_on", "2026-11-01"),
                ]
            var multi = exhibition.filter { $0.0 != "starts_on" }
            multi.append(("starts_on", "2026-10-30"))
            #expect(try await web.post("/events/new", multi).status == .seeOther)
            let month = try await web.get("/events/calendar?month=2026-10").body.string
            #expect(month.contains("Октябрь 2026: 2 мероприятия"))
            #expect(
                month.contains(
                    #"<span class="day-number">29</span><ul><li><a href="/events/\#(event.id!.uuidString.lowercased())">11:00 Социальные проекты"#))
            #expect(month.components(separatedBy: "Выставка «Мир без барьеров»").count - 1 == 2)
            let november = try await web.get("/events/calendar?month=2026-11").body.string
            #expect(november.components(separatedBy: "Выставка «Мир без барьеров»").count - 1 == 1)
            // Another group finds nothing.
            let none = try await web.get("/events/export.csv?from=2026-10-01&to=2026-10-31&group=migrants")
            #expect(none.body.string.split(separator: "\r\n").count == 1)
        }
    }

    /// Issue 12, items 8 and 9: an event is deleted from its card, after a page that asks.
    @Test(arguments: TestDatabase.all)
    func test_an_event_is_deleted_after_a_confirmation(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/events/new", Self.lesson).status == .seeOther)
            let event = try #require(try await Event.query(on: app.db).first())
            let card = try await web.get("/events/\(event.id!)").text
            let link = try #require(HTMLScan.tags(card).first { $0.attribute("href") == "/events/\(event.id!.uuidString.lowercased())/delete" })
            #expect(link.attribute("class")?.contains("danger") == true)
            // The link asks first: nothing is gone yet.
            let ask = try await web.get("/events/\(event.id!.uuidString.lowercased())/delete")
            #expect(ask.status == .ok && ask.text.contains("Отменить это нельзя."))
            #expect(try await Event.query(on: app.db).count() == 1)
            // Another branch's coordinator may not; the event's own may.
            let other = WebClient(app)
            try await other.login("coord2@test.kz")
            #expect(try await other.post("/events/\(event.id!)/delete", []).status == .forbidden)
            #expect(try await Event.query(on: app.db).count() == 1)
            let gone = try await web.post("/events/\(event.id!)/delete", [])
            #expect(gone.status == .seeOther && gone.headers.first(name: .location) == "/events")
            #expect(try await Event.query(on: app.db).count() == 0)
            #expect(try await web.get("/events").text.contains("Мероприятие удалено."))
        }
    }

    /// Issue 12, item 9: a second event of the same day, type and place is saved only after the
    /// coordinator says it is a different one; another type, or an edit that keeps all three, is not asked.
    @Test(arguments: TestDatabase.all)
    func test_a_second_event_of_the_same_day_type_and_place_is_saved_only_when_confirmed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/events/new", Self.lesson).status == .seeOther)
            // The same place typed in other letter case and spacing, as a second person would.
            let twin =
                Self.lesson.filter { !["title", "place"].contains($0.0) } + [
                    ("title", "Урок о социальных проектах"), ("place", "  восточно-казахстанская областная универсальная  библиотека имени Абая"),
                ]
            let asked = try await web.post("/events/new", twin)
            #expect(asked.status == .unprocessableEntity)
            #expect(asked.text.contains("записано «Социальные проекты Казахстана: библиотечный урок»"))
            let box = try #require(HTMLScan.tags(asked.text).first { $0.attribute("name") == "duplicate_ok[]" })
            #expect(box.attribute("id") == "f-duplicate_ok" && box.attribute("checked") == nil)
            #expect(asked.text.contains(##"href="#f-duplicate_ok""##))
            #expect(try await Event.query(on: app.db).count() == 1)
            // Without the box ticked again (a browser sends nothing for it), it asks again.
            #expect(try await web.post("/events/new", twin).status == .unprocessableEntity)
            #expect(try await web.post("/events/new", twin + [("duplicate_ok[]", "1")]).status == .seeOther)
            #expect(try await Event.query(on: app.db).count() == 2)
            // An exhibition at the same place that day is another event: saved at once.
            let other = Self.lesson.filter { !["title", "type"].contains($0.0) } + [("title", "Выставка"), ("type", "exhibition")]
            #expect(try await web.post("/events/new", other).status == .seeOther)
            #expect(try await Event.query(on: app.db).count() == 3)
            // Editing the confirmed twin without moving it is not asked about again; moving the
            // exhibition onto the lesson's type is.
            let second = try #require(try await Event.query(on: app.db).filter(\.$title == "Урок о социальных проектах").first())
            let edited = twin.map { $0.0 == "participants_total" ? ($0.0, "40") : $0 }.map { $0.0 == "adults" ? ($0.0, "40") : $0 }
            #expect(try await web.post("/events/\(second.id!)/edit", edited).status == .seeOther)
            #expect(try await Event.find(second.id, on: app.db)?.participantsTotal == 40)
            // Only the letter case of the place changed: the same place, not asked again.
            let shouted = edited.map { $0.0 == "place" ? ($0.0, $0.1.uppercased()) : $0 }
            #expect(try await web.post("/events/\(second.id!)/edit", shouted).status == .seeOther)
            let exhibition = try #require(try await Event.query(on: app.db).filter(\.$title == "Выставка").first())
            let moved = other.map { $0.0 == "type" ? ($0.0, "lesson") : $0 }
            #expect(try await web.post("/events/\(exhibition.id!)/edit", moved).status == .unprocessableEntity)
            #expect(try await Event.find(exhibition.id, on: app.db)?.type == "exhibition")
        }
    }

    /// Issue 12, item 13: the Kazakh events file names the project in Kazakh; the Russian one in
    /// Russian; a project with no Kazakh name is marked as Russian in the Kazakh file.
    @Test(arguments: TestDatabase.all)
    func test_the_kazakh_events_file_names_projects_in_kazakh(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let named = Project()
            named.name = "Книгоноша"
            named.nameKk = "Кітап тасушы"
            let russianOnly = Project()
            russianOnly.name = "Разные – равные"
            for p in [named, russianOnly] {
                p.startsOn = "2026-01-01"
                p.status = "active"
                p.organisation = ""
                p.targetGroups = ""
                p.goal = ""
                p.description = ""
                try await p.save(on: app.db)
            }
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let first = Self.lesson + [("project_id", named.id!.uuidString.lowercased())]
            let second =
                Self.lesson.filter { $0.0 != "starts_on" } + [("starts_on", "2026-10-30"), ("project_id", russianOnly.id!.uuidString.lowercased())]
            #expect(try await web.post("/events/new", first).status == .seeOther)
            #expect(try await web.post("/events/new", second).status == .seeOther)
            let path = "/events/export.csv?from=2026-10-01&to=2026-10-31"
            let ru = try await web.get(path).text
            #expect(ru.contains("Книгоноша") && !ru.contains("Кітап тасушы"))
            _ = try await web.post("/preferences/language", [("lang", "kk"), ("return_to", "/events")])
            let kk = try await web.get(path).text
            #expect(kk.contains("Кітап тасушы") && !kk.contains("Книгоноша"))
            #expect(kk.contains("Разные – равные (қазақша нұсқасы жоқ)"))
        }
    }

    static let bad: [(field: String, value: String, error: String)] = [
        ("participants_total", "-3", "Число не может быть отрицательным."),
        ("adults", "40", "Разбивка по возрасту (40) больше общего числа участников (36)."),
        ("ends_on", "2026-10-28", "Окончание не может быть раньше начала."),
        ("time_to", "10:00", "Окончание не может быть раньше начала."),
        ("disabled", "37", "Людей с инвалидностью не может быть больше, чем всех участников (36)."),
    ]

    @Test(arguments: TestDatabase.all, bad.indices)
    func test_bad_input_gets_its_field_error_and_stores_nothing(db: TestDatabase, index: Int) async throws {
        let bad = Self.bad[index]
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let fields = Self.lesson.filter { $0.0 != bad.field } + [(bad.field, bad.value)]
            let refused = try await web.post("/events/new", fields)
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(bad.error))
            // The message sits at its field, which says so.
            #expect(html.contains(#"id="f-\#(bad.field)-error""#))
            #expect(html.contains(#"name="\#(bad.field)" value="\#(bad.value)""#))
            #expect(try await Event.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_events_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let coord = try await Seed.token(app, for: seed.coordinator)
            let other = try await Seed.token(app, for: seed.otherCoordinator)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let body = #"""
                {"title":"Встреча с читателями","type":"meeting","starts_on":"2026-11-05","place":"Читальный зал","participants_total":12,
                 "children":2,"youth":4,"adults":6,"target_groups":["youth","general"],"goal":"Знакомство"}
                """#
            let created = try await app.testing().sendRequest(.POST, "/api/v1/events", headers: json(coord), body: .init(string: body))
            #expect(created.status == .created)
            let event = try created.content.decode(EventDTO.self)
            #expect(event.branch_id == seed.north.id)
            #expect(event.target_groups == ["youth", "general"])
            let listed = try await app.testing().sendRequest(.GET, "/api/v1/events?from=2026-11-01&to=2026-11-30&type=meeting", headers: json(coord))
            #expect(try listed.content.decode([EventDTO].self).map(\.id) == [event.id])
            // A period that ends before it starts, and a breakdown over the total, name their fields.
            let period = try await app.testing().sendRequest(.GET, "/api/v1/events?from=2026-11-30&to=2026-11-01", headers: json(coord))
            #expect(period.status == .unprocessableEntity)
            #expect(period.body.string.contains(#""to""#))
            var over = event.payload
            over.adults = 20
            let refused = try await app.testing().sendRequest(.PUT, "/api/v1/events/\(event.id)", headers: json(coord)) {
                try $0.content.encode(over)
            }
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#""adults""#))
            #expect(try await Event.find(event.id, on: app.db)?.adults == 6)
            // A title over the documented 300 code points is refused even when trimming would
            // bring it under (found by schemathesis: a leading vertical tab).
            var long = event.payload
            long.title = "\u{0B}#" + String(repeating: "*", count: 299)
            let tooLong = try await app.testing().sendRequest(.PUT, "/api/v1/events/\(event.id)", headers: json(coord)) {
                try $0.content.encode(long)
            }
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains(#""title""#))
            // Another branch's coordinator reads but does not change it; carriers do neither.
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/events/\(event.id)", headers: json(other)).status == .ok)
            #expect(try await app.testing().sendRequest(.DELETE, "/api/v1/events/\(event.id)", headers: json(other)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/events", headers: json(carrier)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.DELETE, "/api/v1/events/\(event.id)", headers: json(coord)).status == .noContent)
            #expect(try await Event.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_attachments_keep_to_their_limits(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kn-att-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            app.config.attachmentDirectory = dir
            app.config.attachmentMaxBytes = 1024 * 1024
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            _ = try await web.post("/events/new", Self.lesson)
            let event = try #require(try await Event.query(on: app.db).first())
            let path = "/events/\(event.id!)/attachments"
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 3000)
            // Refused: a file over the limit, a file that is not what may be attached (whatever its name).
            let big = try await web.upload(path, fields: [], file: ("file", "hall.png", png + Array(repeating: 0, count: 1024 * 1024)))
            #expect(big.status == .unprocessableEntity)
            #expect(big.body.string.contains("Файл больше 1 МБ."))
            #expect(big.body.string.contains(#"id="f-file-error""#))
            let script = try await web.upload(path, fields: [], file: ("file", "slides.pdf", Array("#!/bin/sh\necho hi\n".utf8)))
            #expect(script.status == .unprocessableEntity)
            #expect(script.body.string.contains("Можно загрузить только JPEG, PNG, PDF, PPTX или ODP."))
            #expect(try await EventAttachment.query(on: app.db).count() == 0)
            #expect(Self.files(in: dir).isEmpty)
            // Accepted: a photo, listed on the card and downloaded as it was.
            #expect(try await web.upload(path, fields: [], file: ("file", "урок.png", png)).status == .seeOther)
            let a = try #require(try await EventAttachment.query(on: app.db).first())
            #expect(a.contentType == "image/png" && a.size == png.count)
            #expect(try await web.get("/events/\(event.id!)").body.string.contains("урок.png"))
            let file = try await web.get("/events/\(event.id!)/attachments/\(a.id!)")
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == png)
            #expect(file.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
            let ask = try await web.post("/events/\(event.id!)/attachments/\(a.id!)/delete", [])
            #expect(ask.status == .ok && ask.text.contains("Отменить это нельзя."))
            #expect(try await EventAttachment.find(a.id, on: app.db) != nil)
            #expect(try await web.post("/events/\(event.id!)/attachments/\(a.id!)/delete", [("confirmed", "yes")]).status == .seeOther)
            #expect(try await EventAttachment.query(on: app.db).count() == 0)
            #expect(Self.files(in: dir).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_attachments_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kn-att-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            app.config.attachmentDirectory = dir
            app.config.attachmentMaxBytes = 1024 * 1024
            let token = try await Seed.token(app, for: seed.coordinator)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/events", headers: auth,
                body: .init(string: #"{"title":"Урок","type":"lesson","starts_on":"2026-10-29","place":"Зал","participants_total":36}"#))
            let event = try created.content.decode(EventDTO.self)
            let path = "/api/v1/events/\(event.id)/attachments"
            let raw: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/octet-stream"]
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 3000)
            // Refused at `file`: too big, or not a type that may be attached; refused at `file_name` without a name.
            let big = try await app.testing().sendRequest(
                .POST, path + "?file_name=hall.png", headers: raw, body: .init(bytes: png + Array(repeating: 0, count: 1024 * 1024)))
            #expect(big.status == .unprocessableEntity && big.body.string.contains(#""file""#))
            let script = try await app.testing().sendRequest(.POST, path + "?file_name=a.pdf", headers: raw, body: .init(string: "#!/bin/sh"))
            #expect(script.status == .unprocessableEntity && script.body.string.contains("JPEG, PNG, PDF"))
            let nameless = try await app.testing().sendRequest(.POST, path, headers: raw, body: .init(bytes: png))
            #expect(nameless.status == .unprocessableEntity && nameless.body.string.contains(#""file_name""#))
            #expect(try await EventAttachment.query(on: app.db).count() == 0)
            // Accepted, listed, downloaded as sent, removed.
            let ok = try await app.testing().sendRequest(
                .POST, path + "?file_name=%D1%83%D1%80%D0%BE%D0%BA.png", headers: raw, body: .init(bytes: png))
            #expect(ok.status == .created)
            let a = try ok.content.decode(AttachmentDTO.self)
            #expect(a.file_name == "урок.png" && a.content_type == "image/png" && a.size == png.count)
            let list = try await app.testing().sendRequest(.GET, path, headers: auth).content.decode([AttachmentDTO].self)
            #expect(list.map(\.id) == [a.id])
            let file = try await app.testing().sendRequest(.GET, path + "/\(a.id)", headers: auth)
            #expect(Array(file.body.readableBytesView) == png)
            // Another branch's coordinator may not add or remove files.
            let other = try await Seed.token(app, for: seed.otherCoordinator)
            let refused = try await app.testing().sendRequest(.DELETE, path + "/\(a.id)", headers: ["Authorization": "Bearer \(other)"])
            #expect(refused.status == .forbidden)
            #expect(try await app.testing().sendRequest(.DELETE, path + "/\(a.id)", headers: auth).status == .noContent)
            #expect(Self.files(in: dir).isEmpty)
        }
    }

    /// The files kept in the attachment folder, and any left behind in its `incoming` folder,
    /// where uploads stream in.
    static func files(in dir: String) -> [String] {
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0 != "incoming" }
        let waiting = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/incoming")) ?? []
        return kept + waiting.map { "incoming/" + $0 }
    }
}
