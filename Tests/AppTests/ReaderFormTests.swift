import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct ReaderFormTests {
    @Test(arguments: TestDatabase.all)
    func test_valid_form_creates_reader_with_normalised_phone_and_tags(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let res = try await web.post("/readers", ReaderFormFields.valid(branch: seed.north, card: "N-100"))
            #expect(res.status == .seeOther)
            let reader = try #require(try await Reader.query(on: app.db).with(\.$phones).with(\.$tags).first())
            #expect(res.headers.first(name: .location) == "/readers/\(reader.id!.uuidString.lowercased())")
            #expect(reader.phones.map(\.number) == ["+77012345678"])
            #expect(reader.latitude == 50.4265)
            let record = ReaderStore.record(of: reader)
            #expect(record.languages == ["ru", "kk"])
            #expect(record.subjects == ["Поэзия", "Краеведение"])
            let page = try await web.get("/readers/\(reader.id!)")
            #expect(page.text.contains("Абенова Гульжан Маратовна"))
            #expect(page.text.contains(#"href="tel:+77012345678""#))
        }
    }

    /// Each bad input of the issue gets a localised message next to its field, and nothing is stored.
    @Test(
        arguments: TestDatabase.all,
        [
            ("family_name", nil, "family_name", "Заполните это поле."),
            ("phone_number[]", "+1 202 555 0101", "phone_number-0", "Это не номер Казахстана"),
            ("birth_date", "2999-01-01", "birth_date", "Дата рождения не может быть в будущем."),
            ("latitude", "95", "latitude", "Широта должна быть от −90 до 90."),
            ("longitude", "-200", "longitude", "Долгота должна быть от −180 до 180."),
            ("consent_date", nil, "status-group", "Нельзя сделать читателя активным без согласия"),
            ("card_number", "N-001", "card_number", "Читательский билет с таким номером уже есть."),
        ] as [(String, String?, String, String)])
    func test_bad_input_gets_field_error_and_stores_nothing(db: TestDatabase, bad: (String, String?, String, String)) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-001"), by: seed.admin)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            var fields = ReaderFormFields.valid(branch: seed.north, card: "N-200")
            if bad.0 == "phone_number[]" {
                fields =
                    fields.filter { $0.0 != "phone_number[]" && $0.0 != "phone_label[]" } + [("phone_label[]", "mobile"), ("phone_number[]", bad.1!)]
            } else {
                fields = ReaderFormFields.with(fields, bad.0, bad.1)
            }
            // MUT
            let res = try await web.post("/readers", fields)
            // validate
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains(bad.3))
            #expect(res.text.contains("error-summary"))
            let errorID = "f-\(bad.2.replacingOccurrences(of: "-group", with: ""))-error"
            #expect(res.text.contains(#"id="\#(errorID)""#))
            #expect(res.text.contains(errorID + #"""#) || res.text.contains(errorID + " "))
            #expect(try await Reader.query(on: app.db).count() == 1)
            #expect(try await ReaderPhone.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_error_summary_names_each_field_and_links_to_it(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            var fields = ReaderFormFields.with(ReaderFormFields.valid(branch: seed.north, card: "N-1"), "family_name", nil)
            fields = fields.filter { $0.0 != "phone_number[]" && $0.0 != "phone_label[]" } + [("phone_label[]", "mobile"), ("phone_number[]", "12")]
            let res = try await web.post("/readers", fields)
            #expect(res.text.contains("Исправьте 2 ошибки"))
            #expect(res.text.contains(##"<a href="#f-family_name">Фамилия: Заполните это поле.</a>"##))
            #expect(res.text.contains(##"<a href="#f-phone_number-0">Телефон 1: Это не номер Казахстана"##))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_errors_are_localised_in_kazakh_and_english(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            try await web.post("/preferences/language", [("lang", "kk"), ("return_to", "/readers")])
            let kk = try await web.post(
                "/readers", ReaderFormFields.with(ReaderFormFields.valid(branch: seed.north, card: "X1"), "birth_date", "2999-01-01"))
            #expect(kk.text.contains("Туған күн болашақта бола алмайды."))
            #expect(kk.text.contains(#"<html lang="kk""#))
            web.cookies[LocaleMiddleware.langCookie] = nil
            web.acceptLanguage = "en-GB,en;q=0.9,ru;q=0.5"
            let en = try await web.post(
                "/readers", ReaderFormFields.with(ReaderFormFields.valid(branch: seed.north, card: "X1"), "birth_date", "2999-01-01"))
            #expect(en.text.contains("The date of birth cannot be in the future."))
            #expect(try await Reader.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_edit_records_who_changed_which_field(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            try await web.post("/readers", ReaderFormFields.valid(branch: seed.north, card: "N-300"))
            let reader = try #require(try await Reader.query(on: app.db).first())
            var fields = ReaderFormFields.with(ReaderFormFields.valid(branch: seed.north, card: "N-300"), "street", "ул. Ауэзова")
            fields = ReaderFormFields.with(fields, "floor", "2")
            fields = ReaderFormFields.with(fields, "frequency", "weekly")
            let res = try await web.post("/readers/\(reader.id!)/edit", fields)
            #expect(res.status == .seeOther)
            let changes = try await ReaderChange.query(on: app.db).filter(\.$field != "_created").sort(\.$field).all()
            #expect(changes.map(\.field) == ["floor", "frequency", "street"])
            #expect(changes.last?.oldValue == "ул. Шакарима")
            #expect(changes.last?.newValue == "ул. Ауэзова")
            #expect(changes.allSatisfy { $0.$user.id == seed.coordinator.id })
            let page = try await web.get("/readers/\(reader.id!)")
            #expect(page.text.contains("ул. Ауэзова"))
            #expect(page.text.contains("История изменений"))
            // The history shows labels, not stored codes.
            #expect(page.text.contains("Раз в две недели"))
            #expect(page.text.contains("Еженедельно"))
            #expect(!page.text.contains(">biweekly<"))
            #expect(page.text.contains("Coord"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_paused_and_ended_readers_need_their_dates(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            var p = Seed.reader(branch: seed.north)
            p.status = "ended"
            let validator = ReaderValidator(user: seed.admin.current, today: today, db: app.db, readerID: nil)
            let (_, ended) = try await validator.validate(p)
            #expect(ended["ended_on"] == Message("validation.required"))
            #expect(ended["end_reason"] == Message("validation.required"))
            p.status = "paused"
            p.pause_from = "2025-03-01"
            p.pause_until = "2025-02-01"
            let (_, paused) = try await validator.validate(p)
            #expect(paused["pause_until"] == Message("validation.end_before_start"))
        }
    }
}
