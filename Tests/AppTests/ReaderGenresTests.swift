import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, finding 7: genres come from the library's list, consent comes before the status
/// that needs it, and the first visit is never before the next working day after registration.
@Suite struct ReaderGenresTests {
    @Test(arguments: TestDatabase.all)
    func test_genres_are_ticked_from_the_list_and_unknown_ones_refused(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let form = try await web.get("/readers/new")
            #expect(form.text.contains(#"name="genres[]" value="Детектив""#))
            #expect(!form.text.contains(#"name="genres""#))
            // Chosen from the list, one of them by its Kazakh name through the same rules.
            let fields = ReaderFormFields.valid(branch: seed.north, card: "G-1") + [("genres[]", "Детектив"), ("genres[]", "Ертегілер")]
            let ok = try await web.post("/readers", fields)
            #expect(ok.status == .seeOther)
            let reader = try #require(try await Reader.query(on: app.db).filter(\.$cardNumber == "G-1").with(\.$tags).first())
            #expect(reader.tags.filter { $0.kind == .genre }.map(\.value).sorted() == ["Детектив", "Сказки"])
            // A genre that is not on the list is refused at the field, and nothing is stored.
            let bad = try await web.post("/readers", ReaderFormFields.valid(branch: seed.north, card: "G-2") + [("genres[]", "Киберпанк")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Жанра «Киберпанк» нет в списке библиотеки"))
            #expect(try await Reader.query(on: app.db).filter(\.$cardNumber == "G-2").count() == 0)
            // The library adds it; then it can be chosen.
            let added = try await web.post("/genres", [("name_ru", "Киберпанк"), ("name_kk", "Киберпанк")])
            #expect(added.status == .seeOther)
            let twice = try await web.post("/genres", [("name_ru", "киберпанк "), ("name_kk", "Басқа")])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.text.contains("Такой жанр уже есть в списке."))
            let broken = try await web.post("/genres", [("name_ru", "Эссе\nи очерки"), ("name_kk", "Эссе\tжәне")])
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.text.contains("Название пишется в одну строку"))
            let separator = try await web.post("/genres", [("name_ru", "Эссе\u{2028}очерки"), ("name_kk", "Эссе")])
            #expect(separator.status == .unprocessableEntity)
            // A genre with a space gets a valid id for its checkbox.
            #expect(form.text.contains(#"id="f-genres-Исторический_роман""#))
            let empty = try await web.post("/genres", [("name_ru", "Эссе"), ("name_kk", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await Genre.query(on: app.db).filter(\.$nameRu == "Эссе").count() == 0)
            let again = try await web.post("/readers", ReaderFormFields.valid(branch: seed.north, card: "G-2") + [("genres[]", "Киберпанк")])
            #expect(again.status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_genre_typed_before_the_list_stays_when_the_reader_is_edited(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "G-3")
            try await ReaderTag(readerID: reader.id!, kind: .genre, value: "Городское фэнтези", position: 0).create(on: app.db)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let edit = try await web.get("/readers/\(reader.id!.uuidString.lowercased())/edit")
            #expect(edit.text.contains("Городское фэнтези (нет в списке библиотеки)"))
            #expect(edit.text.contains(#"value="Городское фэнтези" checked"#))
            // API: the same rules, the field named in the error.
            let token = try await Seed.token(app, for: seed.coordinator)
            let res = try await app.sendRequest(.GET, "/api/v1/genres", headers: ["Authorization": "Bearer \(token)"])
            #expect(res.status == .ok)
            #expect(res.body.string.contains(#""name_kk":"Ертегілер""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_consent_comes_before_the_status_on_the_form(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let form = try await web.get("/readers/new").text
            let consent = try #require(form.range(of: #"name="consent_date""#))
            let status = try #require(form.range(of: #"name="status""#))
            #expect(consent.lowerBound < status.lowerBound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_planning_refuses_a_number_of_weeks_it_cannot_read(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.reader(app, seed: seed, card: "G-5")
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            for bad in ["abc", "-1", "100000"] {
                let res = try await web.post("/visits/plan", [("branch_id", ""), ("weeks", bad)])
                #expect(res.status == .unprocessableEntity)
                #expect(res.text.contains("Укажите от 1 до 26 недель."))
                #expect(res.text.contains(#"value="\#(bad)""#))
            }
            #expect(try await Visit.query(on: app.db).count() == 0)
            // Empty means the default horizon.
            #expect(try await web.post("/visits/plan", [("branch_id", ""), ("weeks", "")]).status == .seeOther)
            #expect(try await Visit.query(on: app.db).count() > 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_first_visit_is_after_the_registration_day(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            var p = Seed.reader(branch: seed.north, card: "G-4")
            p.weekdays = Weekday.allCases.map(\.rawValue)
            p.frequency = "weekly"
            p.registered_on = today.iso
            let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
            _ = try await VisitPlanner.plan(branchID: nil, from: today, until: today.adding(days: 13), by: nil, on: app.db)
            let visits = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).sort(\.$scheduledOn).all()
            #expect(!visits.isEmpty)
            #expect(visits.allSatisfy { $0.scheduledOn > today.iso })
        }
    }
}
