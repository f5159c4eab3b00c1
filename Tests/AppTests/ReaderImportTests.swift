import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 14, §3: readers from the library system's export. Every row passes the reader form's
/// rules; one bad row stores nothing and every bad cell is named by row and column; new readers
/// await consent; readers already here change only when asked, with their history.
@Suite struct ReaderImportTests {
    static let good = """
        Читательский билет;ФИО;Дата рождения;Адрес;Телефон;Группа инвалидности;Категория
        И-1;Жанабаева Алия Серикқызы;05.03.1950;г. Семей, ул. Абая, д. 12, кв. 5;87051234567, 8 (7222) 52-11-00;II группа;пенсионер
        И-2;Петров Иван;1944-11-30;Шәкәрім даңғылы 40/1;;нет;
        И-3;Оспан Ерлан Қайратұлы;;Семей қ., Абай көшесі, 7 үй, 3 пәтер;+77011112233;ребёнок-инвалид;

        """

    @Test(arguments: TestDatabase.all)
    func test_a_coordinator_loads_readers_who_then_await_consent(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let list = try await web.get("/readers")
            #expect(list.text.contains("href=\"/readers/import\""))
            let form = try await web.get("/readers/import")
            #expect(form.status == .ok)
            // The form as a browser sends it: the branch chosen for the coordinator, the tick box unticked.
            let page = try await web.upload(
                "/readers/import", fields: [("branch_id", seed.north.id!.uuidString), ("settlement", "Семей")],
                file: ("file", "readers.csv", Array(Self.good.utf8)))
            #expect(page.status == .ok)
            #expect(page.text.contains("Строк в файле: 3. Добавлено читателей: 3, обновлено: 0, без изменений: 0."))
            let readers = try await Reader.query(on: app.db).with(\.$phones).sort(\.$cardNumber).all()
            #expect(readers.map(\.cardNumber) == ["И-1", "И-2", "И-3"])
            #expect(readers.allSatisfy { $0.status == "pending" && $0.$branch.id == seed.north.id && $0.consentDate == nil })
            let first = readers[0]
            #expect([first.familyName, first.givenName, first.patronymic] == ["Жанабаева", "Алия", "Серикқызы"])
            #expect(first.birthDate == "1950-03-05" && first.disabilityGroup == "group2")
            #expect([first.settlement, first.street, first.building, first.apartment] == ["Семей", "ул. Абая", "12", "5"])
            #expect(first.phones.sorted { $0.position < $1.position }.map(\.label) == ["mobile", "home"])
            #expect([readers[1].street, readers[1].building, readers[1].settlement] == ["Шәкәрім даңғылы", "40/1", "Семей"])
            #expect(readers[1].patronymic == nil && readers[1].phones.isEmpty && readers[1].disabilityGroup == "none")
            #expect([readers[2].street, readers[2].building, readers[2].apartment] == ["Абай көшесі", "7", "3"])
            #expect(readers[2].disabilityGroup == "child")
            // Each link on the result page opens the reader it names.
            #expect(page.text.contains("href=\"/readers/\(first.id!.uuidString.lowercased())\""))
            #expect(try await ReaderChange.query(on: app.db).filter(\.$field == "_created").count() == 3)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "reader").filter(\.$action == "create").count() == 3)

            // No visit until the home service's own consent is on the form.
            var e = FieldErrors()
            VisitRequests.checkActive(first, on: LocalDate.today(in: app.config.timeZone), into: &e)
            #expect(e["reader_id"]?.key == "visit.reader_pending")
            let card = try await web.get("/readers/\(first.id!.uuidString.lowercased())")
            #expect(card.text.contains("Ожидает согласия"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_one_bad_row_stores_nothing_and_every_bad_cell_is_named(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let csv = """
                card,surname,firstname,dateofbirth,branchcode,address,disability
                B-1,Сейткали,Айгерим,1951-02-03,N,"ул. Абая, 3",
                B-2,Иванов,,31.02.1950,N,"ул. Абая, 4",
                B-1,Дубль,Карточка,,N,"ул. Абая, 5",
                B-3,Ким,Ольга,,Z9,"ул. Абая, 6",IV
                B-4,Юг,Закрытый,,S,ул. Сатпаева,

                """
            let page = try await web.upload(
                "/readers/import", fields: [("branch_id", ""), ("settlement", "Семей")], file: ("file", "readers.csv", Array(csv.utf8)))
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Ничего не сохранено"))
            #expect(page.text.contains("В файле 7 ошибок (строк: 5)"))
            for (row, column, value, reason) in [
                ("3", "firstname", "", "Заполните это поле."),
                ("3", "dateofbirth", "31.02.1950", "Дата не распознана"),
                ("4", "card", "B-1", "Этот читательский билет уже встречался в строке 2."),
                ("5", "branchcode", "Z9", "Такого филиала нет"),
                ("5", "disability", "IV", "Группа инвалидности не распознана"),
                ("6", "branchcode", "S", "Вы можете регистрировать читателей только своего филиала."),
                ("6", "address", "ул. Сатпаева", "В адресе не найден номер дома"),
            ] {
                #expect(
                    page.text.contains("<tr><th scope=\"row\">\(row)</th><td>\(column)</td><td>\(value)</td><td>\(reason)"), "row \(row) \(column)")
            }
            #expect(try await Reader.query(on: app.db).count() == 0)
            #expect(try await ReaderChange.query(on: app.db).count() == 0)
            _ = seed
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_readers_already_here_change_only_when_asked(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let kept = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-1"), by: seed.admin)
            let csv = "Читательский билет;Фамилия;Имя;Улица;Дом;Квартира;Телефон\nN-1;Ковалёв;Николай;ул. Абая;10;77;87777777777\n"
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let left = try await web.upload(
                "/readers/import", fields: [("branch_id", seed.north.id!.uuidString), ("settlement", "")],
                file: ("file", "r.csv", Array(csv.utf8)))
            #expect(left.text.contains("Добавлено читателей: 0, обновлено: 0, без изменений: 1."))
            #expect(try await Reader.find(kept.id, on: app.db)?.apartment == "5")

            let updated = try await web.upload(
                "/readers/import", fields: [("branch_id", seed.north.id!.uuidString), ("settlement", ""), ("update_existing", "on")],
                file: ("file", "r.csv", Array(csv.utf8)))
            #expect(updated.text.contains("Добавлено читателей: 0, обновлено: 1, без изменений: 0."))
            let reader = try #require(try await ReaderStore.find(kept.id!, on: app.db))
            #expect(reader.apartment == "77" && reader.status == "active" && reader.consentDate == "2024-01-10")
            // The coordinator's phone stays; the system's new one is added after it.
            #expect(reader.phones.sorted { $0.position < $1.position }.map(\.number) == ["+77012345678", "+77777777777"])
            let changes = try await ReaderChange.query(on: app.db).filter(\.$reader.$id == kept.id!).filter(\.$field != "_created").all()
            #expect(Set(changes.map(\.field)) == ["apartment", "phones"])
            // The same file again changes nothing.
            let again = try await web.upload(
                "/readers/import", fields: [("branch_id", seed.north.id!.uuidString), ("settlement", ""), ("update_existing", "on")],
                file: ("file", "r.csv", Array(csv.utf8)))
            #expect(again.text.contains("обновлено: 0, без изменений: 1."))
            #expect(try await ReaderChange.query(on: app.db).filter(\.$reader.$id == kept.id!).count() == 3)

            // Another branch's reader is neither shown nor changed: the row is refused by its card.
            let south = try await Seed.storeReader(app, Seed.reader(branch: seed.south, card: "S-1", family: "Южанина"), by: seed.admin)
            let other = try await web.upload(
                "/readers/import", fields: [("branch_id", seed.north.id!.uuidString), ("settlement", "")],
                file: ("file", "r.csv", Array("Читательский билет;Фамилия;Имя;Улица;Дом\nS-1;Другая;Фамилия;ул. Абая;1\n".utf8)))
            #expect(other.status == .unprocessableEntity)
            #expect(other.text.contains("Читатель с этим билетом записан в другом филиале"))
            #expect(!other.text.contains("Южанина") && !other.text.contains(south.id!.uuidString.lowercased()))
            #expect(try await Reader.find(south.id, on: app.db)?.familyName == "Южанина")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_api_takes_koha_headers_and_names_the_failing_row_and_field(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let admin = try await Seed.token(app, for: seed.admin)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let tester = try app.testing()
            let csv =
                "cardnumber,surname,firstname,dateofbirth,branchcode,city,address,streetnumber,phone\n"
                + "K-1,Smith,Anna,1950-01-02,S,Өскемен,Kazakhstan St,2,\nK-2,Brown,Tom,,N,Семей,Abai St,9,87011234567\n"
            let ok = try await tester.sendRequest(
                .POST, "/api/v1/readers/import", headers: ["Authorization": "Bearer \(admin)", "Content-Type": "text/csv"],
                body: .init(string: csv))
            #expect(ok.status == .ok)
            let out = try JSONDecoder().decode(ReaderImportDTO.self, from: ok.body)
            #expect(out.rows == 2 && out.created == 2 && out.updated == 0 && out.unchanged == 0)
            #expect(out.readers.map(\.card_number) == ["K-1", "K-2"] && out.readers.allSatisfy { $0.id != nil && $0.result == "created" })
            let south = try #require(try await Reader.query(on: app.db).filter(\.$cardNumber == "K-1").first())
            #expect(south.$branch.id == seed.south.id && south.settlement == "Өскемен" && south.street == "Kazakhstan St")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "reader").filter(\.$channel == "api").count() == 2)

            let bad = try await tester.sendRequest(
                .POST, "/api/v1/readers/import?settlement=Semey", headers: ["Authorization": "Bearer \(admin)", "Content-Type": "text/csv"],
                body: .init(string: "cardnumber,surname,firstname,dateofbirth,branchcode,address\nK-3,A,B,,N,Abai 1\nK-4,C,D,yesterday,N,Abai 2\n"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("\"rows[3].birth_date\""))
            #expect(!bad.body.string.contains("rows[2]"))
            #expect(try await Reader.query(on: app.db).count() == 2)

            let badBranch = try await tester.sendRequest(
                .POST, "/api/v1/readers/import?branch_id=nope", headers: ["Authorization": "Bearer \(admin)", "Content-Type": "text/csv"],
                body: .init(string: csv))
            #expect(badBranch.status == .unprocessableEntity && badBranch.body.string.contains("\"branch_id\""))
            let noColumn = try await tester.sendRequest(
                .POST, "/api/v1/readers/import", headers: ["Authorization": "Bearer \(admin)", "Content-Type": "text/csv"],
                body: .init(string: "surname,firstname,address\nA,B,Abai 1\n"))
            #expect(noColumn.status == .unprocessableEntity && noColumn.body.string.contains("нет столбца с номером читательского билета"))
            let forbidden = try await tester.sendRequest(
                .POST, "/api/v1/readers/import", headers: ["Authorization": "Bearer \(carrier)", "Content-Type": "text/csv"],
                body: .init(string: csv))
            #expect(forbidden.status == .forbidden)
            #expect(try await Reader.query(on: app.db).count() == 2)
        }
    }

    @Test func test_one_line_addresses_are_cut_into_their_parts() {
        let table: [(String, AddressParts)] = [
            ("г. Семей, ул. Абая, д. 12, кв. 5", .init(settlement: "Семей", street: "ул. Абая", building: "12", apartment: "5")),
            ("ул. Абая 12, кв 5", .init(settlement: nil, street: "ул. Абая", building: "12", apartment: "5")),
            ("Семей қ., Абай көшесі, 7 үй, 3 пәтер", .init(settlement: "Семей", street: "Абай көшесі", building: "7", apartment: "3")),
            ("пр. Шәкәрім 40/1", .init(settlement: nil, street: "пр. Шәкәрім", building: "40/1", apartment: nil)),
            ("ул. Гагарина, 12-5", .init(settlement: nil, street: "ул. Гагарина", building: "12-5", apartment: nil)),
            ("мкр. Восточный, д12, кв7", .init(settlement: nil, street: "мкр. Восточный", building: "12", apartment: "7")),
            ("ул. Сатпаева", .init(settlement: nil, street: "ул. Сатпаева", building: nil, apartment: nil)),
            // A bare town first, as the reader card writes an address (a new user's try: the street was lost).
            ("Семей, ул. Абая, д. 12, кв. 4", .init(settlement: "Семей", street: "ул. Абая", building: "12", apartment: "4")),
            (
                "Усть-Каменогорск, пр. Независимости, 5, кв. 7",
                .init(settlement: "Усть-Каменогорск", street: "пр. Независимости", building: "5", apartment: "7")
            ),
            ("ВКО, г. Семей, ул. Абая, 12", .init(settlement: "Семей", street: "ул. Абая", building: "12", apartment: nil)),
            ("Семей, мкр. Восточный, ул. Абая 3", .init(settlement: "Семей", street: "мкр. Восточный, ул. Абая", building: "3", apartment: nil)),
        ]
        for (line, parts) in table { #expect(AddressParts(line) == parts, "\(line)") }
    }

    @Test func test_disability_groups_are_read_as_library_systems_write_them() {
        for (cell, code) in [
            ("I группа", "group1"), ("2", "group2"), ("III топ", "group3"), ("вторая", "group2"), ("Ребёнок-инвалид", "child"),
            ("нет", "none"), ("-", "none"), ("group1", "group1"),
        ] {
            #expect(ReaderRowMapping.disability(cell) == code, "\(cell)")
        }
        #expect(ReaderRowMapping.disability("IV") == nil)
        #expect(ReaderRowMapping.disability("инвалид") == nil)
    }

    /// What a new user found trying the import (issue 14 §3 review): pre-1950 birth dates in Excel
    /// cells, «Фамилия Имя» exports wiping patronymics, a move keeping the old flat and map point,
    /// messages that named the wrong thing, tab-separated and binary files, the API's flags.
    @Test(arguments: TestDatabase.all)
    func test_what_a_new_user_found_is_mended(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let coordinator = try await Seed.token(app, for: seed.coordinator)
            let tester = try app.testing()
            func post(_ body: ByteBuffer, _ query: String = "") async throws -> TestingHTTPResponse {
                try await tester.sendRequest(.POST, "/api/v1/readers/import" + query, headers: ["Authorization": "Bearer \(coordinator)"], body: body)
            }
            // An Excel date cell for 15 March 1941 (day 15,050 counted from 30 December 1899), and
            // no branch_id: a coordinator's own branch.
            let book = Workbook(sheets: [
                Workbook.Sheet(
                    name: "Читатели",
                    rows: [
                        [.text("Читательский билет"), .text("ФИО"), .text("Дата рождения"), .text("Адрес")],
                        [.text("X-1"), .text("Сеитова Бибигуль Ахметовна"), .number(15_050), .text("г. Семей, ул. Абая, д. 2, кв. 9")],
                    ])
            ])
            let xlsx = try await post(ByteBuffer(data: try book.data()))
            #expect(xlsx.status == .ok)
            let stored = try #require(try await Reader.query(on: app.db).filter(\.$cardNumber == "X-1").first())
            #expect(stored.birthDate == "1941-03-15" && stored.$branch.id == seed.north.id && stored.apartment == "9")
            stored.latitude = 50.4
            stored.longitude = 80.2
            stored.floor = 3
            try await stored.save(on: app.db)

            // «Фамилия Имя» keeps the patronymic; a new one-line address replaces flat, floor and map point.
            let move = "Читательский билет\tФИО\tАдрес\nX-1\tСеитова Бибигуль\tг. Семей, ул. Шакарима, д. 40\n"
            #expect(try await post(ByteBuffer(string: move), "?update_existing=yes").status == .ok)
            let moved = try #require(try await Reader.find(stored.id, on: app.db))
            #expect(moved.patronymic == "Ахметовна" && moved.street == "ул. Шакарима" && moved.building == "40")
            #expect(moved.apartment == nil && moved.floor == nil && moved.latitude == nil && moved.longitude == nil)
            // The same house again, with no flat named: the flat and the rest stay.
            moved.apartment = "12"
            moved.floor = 2
            try await moved.save(on: app.db)
            let same = "Читательский билет\tФИО\tАдрес\nX-1\tСеитова Бибигуль\tСемей, ул. Шакарима, 40\n"
            #expect(try await post(ByteBuffer(string: same), "?update_existing=1").status == .ok)
            let stayed = try #require(try await Reader.find(stored.id, on: app.db))
            #expect(stayed.apartment == "12" && stayed.floor == 2 && stayed.street == "ул. Шакарима" && stayed.settlement == "Семей")
            let maybe = try await post(ByteBuffer(string: move), "?update_existing=maybe")
            #expect(maybe.status == .unprocessableEntity && maybe.body.string.contains("\"update_existing\""))

            // Messages that name the real problem, once a cell; a long value cut to 100 characters.
            let long = String(repeating: "Я", count: 300)
            let bad = "Читательский билет;ФИО;Дата рождения;Адрес\n\(long);;15.03.41;ул. Абая, д. 3\n"
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.upload(
                "/readers/import", fields: [("branch_id", ""), ("settlement", "")], file: ("file", "r.csv", Array(bad.utf8)))
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.components(separatedBy: "<td>ФИО</td>").count == 2)
            #expect(page.text.contains("Дата не распознана: напишите её как 15.03.1941 или 1941-03-15."))
            #expect(page.text.contains("В адресе нет населённого пункта"))
            #expect(!page.text.contains(long) && page.text.contains(String(repeating: "Я", count: 100) + "…"))

            // A picture is not «a file without a card column».
            var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
            png.append(Data(repeating: 0, count: 64))
            let picture = try await post(ByteBuffer(data: png))
            #expect(picture.status == .unprocessableEntity && picture.body.string.contains("Файл не похож на таблицу"))
            #expect(try await Reader.query(on: app.db).count() == 1)
        }
    }
}
