import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 15, §1: a reader's carrier of record, carriers' absences, and the visits an absence
/// strands. Planning gives a reader their own carrier unless that carrier is away, never an
/// absent one, and the coordinator hands stranded visits to the others in one action.
@Suite(.serialized) struct CarrierAbsenceTests {
    /// Four Mondays of March 2027: weekly visits on each, planned ahead of time.
    static let from = LocalDate("2027-03-01")!
    static let until = LocalDate("2027-03-28")!

    struct Setup {
        let seed: Seed
        let other: User
        let reader: Reader
    }

    static func setup(_ app: Application) async throws -> Setup {
        let seed = try await Seed.make(app)
        let other = User(email: "carrier2@test.kz", fullName: "Второй Книгоноша", role: .carrier, branchID: seed.north.id, passwordHash: "x")
        try await other.create(on: app.db)
        var p = Seed.reader(branch: seed.north, card: "CR-1")
        p.weekdays = ["mon"]
        p.frequency = "weekly"
        p.carrier_id = seed.carrier.id
        let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
        return Setup(seed: seed, other: other, reader: reader)
    }

    static func carriers(_ app: Application, _ reader: Reader) async throws -> [String: UUID?] {
        let visits = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).all()
        return Dictionary(visits.map { ($0.scheduledOn, $0.$carrier.id) }) { a, _ in a }
    }

    @Test(arguments: TestDatabase.all)
    func test_an_absence_strands_its_visits_and_one_action_hands_them_on(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            // The reader's own carrier gets every visit, though the other carrier has fewer.
            _ = try await VisitPlanner.plan(branchID: s.seed.north.id, from: Self.from, until: Self.until, by: nil, on: app.db)
            let planned = try await Self.carriers(app, s.reader)
            #expect(planned.count == 4 && planned.values.allSatisfy { $0 == s.seed.carrier.id })

            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = "/carriers/\(s.seed.carrier.id!)"
            #expect(try await web.get("/carriers").text.contains("Второй Книгоноша"))
            // Bad input: each error at its field, nothing stored.
            for (fields, error) in [
                ([("starts_on", "2027-03-10"), ("ends_on", "2027-03-08"), ("kind", "leave")], "Окончание не может быть раньше начала."),
                ([("starts_on", "2027-03-08"), ("ends_on", "2027-03-14"), ("kind", "")], "Заполните это поле."),
                ([("starts_on", "2027-03-08"), ("ends_on", "2028-06-01"), ("kind", "leave")], "не больше чем на 366 дней"),
                ([("starts_on", "08.03.2027"), ("ends_on", "2027-03-14"), ("kind", "illness")], "Введите дату в формате"),
                ([("starts_on", "9999-01-01"), ("ends_on", "9999-01-02"), ("kind", "leave")], "не дальше чем на два года вперёд"),
            ] {
                let refused = try await web.post(page + "/absences", fields)
                #expect(refused.status == .unprocessableEntity && refused.text.contains(error), "\(fields)")
            }
            #expect(try await CarrierAbsence.query(on: app.db).count() == 0)
            // Another branch's coordinator may not.
            let south = WebClient(app)
            try await south.login("coord2@test.kz")
            #expect(
                try await south.post(page + "/absences", [("starts_on", "2027-03-08"), ("ends_on", "2027-03-14"), ("kind", "leave")]).status
                    == .forbidden)
            #expect(try await south.get(page).status == .forbidden)

            // Leave in the second week: its Monday's visit is stranded, and said so.
            let saved = try await web.post(page + "/absences", [("starts_on", "2027-03-08"), ("ends_on", "2027-03-14"), ("kind", "leave")])
            #expect(saved.status == .seeOther)
            #expect(try await CarrierAbsence.query(on: app.db).count() == 1)
            // The same absence again is refused, not stored twice.
            let twice = try await web.post(page + "/absences", [("starts_on", "2027-03-08"), ("ends_on", "2027-03-14"), ("kind", "leave")])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("Такое отсутствие уже записано."))
            #expect(try await CarrierAbsence.query(on: app.db).count() == 1)
            let carrierPage = try await web.get(page).text
            #expect(carrierPage.contains("на эти дни, которые нужно передать другому книгоноше: 1"))
            #expect(carrierPage.contains("1 визит на дни отсутствия:") && carrierPage.contains("08.03.2027 — "))
            #expect(!carrierPage.contains("15.03.2027 — "))
            // One action hands it to the other carrier, with the change in the visit's history; two
            // at once (a double click) move it once, and the history says so once.
            let twin = WebClient(app)
            try await twin.login("coord@test.kz")
            async let a = web.post(page + "/reassign", [])
            async let b = twin.post(page + "/reassign", [])
            let answers = try await [a, b]
            #expect(answers.allSatisfy { $0.status == .seeOther })
            let told = try await [web.get(page).text, twin.get(page).text]
            #expect(told.filter { $0.contains("Передано другим книгоношам: 1.") }.count == 1)
            #expect(told.filter { $0.contains("Передано другим книгоношам: 0.") }.count == 1)
            let after = try await Self.carriers(app, s.reader)
            #expect(after["2027-03-08"] == s.other.id)
            #expect(after.filter { $0.key != "2027-03-08" }.values.allSatisfy { $0 == s.seed.carrier.id })
            let moved = try #require(try await Visit.query(on: app.db).filter(\.$scheduledOn == "2027-03-08").first())
            let events = try await VisitEvent.query(on: app.db).filter(\.$visit.$id == moved.id!).filter(\.$kind == "assigned").all()
            #expect(events.count == 1 && events[0].fromValue == "Carrier" && events[0].toValue == "Второй Книгоноша")

            // Giving the absent carrier that visit back by hand is refused at the field.
            let back = try await web.post(
                "/visits/\(moved.id!)",
                [("scheduled_on", "2027-03-08"), ("time_from", ""), ("time_to", ""), ("carrier_id", s.seed.carrier.id!.uuidString)])
            #expect(back.status == .unprocessableEntity && back.text.contains("Книгоноша отсутствует в этот день"))
            #expect(try await Visit.find(moved.id, on: app.db)?.$carrier.id == s.other.id)

            // A reader planned after the absence never gets the absent carrier on those days.
            var p = Seed.reader(branch: s.seed.north, card: "CR-2")
            p.weekdays = ["wed"]
            p.frequency = "weekly"
            p.carrier_id = s.seed.carrier.id
            let second = try await Seed.storeReader(app, p, by: s.seed.coordinator)
            _ = try await VisitPlanner.plan(branchID: s.seed.north.id, from: Self.from, until: Self.until, by: nil, on: app.db)
            let wednesdays = try await Self.carriers(app, second)
            #expect(wednesdays["2027-03-10"] == s.other.id)
            #expect(wednesdays.filter { $0.key != "2027-03-10" }.values.allSatisfy { $0 == s.seed.carrier.id })

            // The reader's page names their carrier, and the substitute of the next visit when it is someone else.
            let readerPage = try await web.get("/readers/\(s.reader.id!)").text
            #expect(readerPage.contains("Книгоноша читателя: Carrier."))

            // Removing the absence asks first, then goes.
            let absence = try #require(try await CarrierAbsence.query(on: app.db).first())
            let ask = try await web.post(page + "/absences/\(absence.id!)/delete", [])
            #expect(ask.status == .ok)
            #expect(try await CarrierAbsence.query(on: app.db).count() == 1)
            #expect(try await web.post(page + "/absences/\(absence.id!)/delete", [("confirmed", "yes")]).status == .seeOther)
            #expect(try await CarrierAbsence.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_carrier_of_record_is_an_active_carrier_of_the_readers_branch(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let southCarrier = User(email: "south@test.kz", fullName: "Южный", role: .carrier, branchID: s.seed.south.id, passwordHash: "x")
            try await southCarrier.create(on: app.db)
            let validator = ReaderValidator(
                user: s.seed.coordinator.current, today: LocalDate.today(in: app.config.timeZone), db: app.db, readerID: nil)
            for bad in [southCarrier.id!, s.seed.coordinator.id!, UUID()] {
                var p = Seed.reader(branch: s.seed.north, card: "CR-9")
                p.carrier_id = bad
                let (record, errors) = try await validator.validate(p)
                #expect(record == nil || !errors.isEmpty)
                #expect(errors["carrier_id"]?.key == "reader.carrier_invalid")
            }
            // Through the form: the select offers the branch's carriers only; the choice is stored
            // and in the change history by name.
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let form = try await web.get("/readers/\(s.reader.id!)/edit").text
            let options = HTMLScan.tags(form).filter { $0.name == "option" }.compactMap { $0.attribute("value") }
            #expect(options.contains(s.other.id!.uuidString.lowercased()) && !options.contains(southCarrier.id!.uuidString.lowercased()))
            var fields = try #require(HTMLForm.find(in: form, action: "/readers/\(s.reader.id!.uuidString.lowercased())/edit")).fields.map {
                ($0.name, $0.value)
            }
            fields = fields.map { $0.0 == "carrier_id" ? ($0.0, s.other.id!.uuidString.lowercased()) : $0 }
            #expect(try await web.post("/readers/\(s.reader.id!)/edit", fields).status == .seeOther)
            #expect(try await Reader.find(s.reader.id, on: app.db)?.carrierID == s.other.id)
            let page = try await web.get("/readers/\(s.reader.id!)").text
            #expect(page.contains("Книгоноша читателя: Второй Книгоноша."))
            #expect(page.contains("Второй Книгоноша</td>"))
            // The export's change history names the carrier too, not the account's id.
            let export = try await web.get("/readers/\(s.reader.id!)/export").text
            #expect(export.contains("Второй Книгоноша") && !export.contains(s.other.id!.uuidString))

            // The carrier is deactivated: the card says so, and saving it unchanged keeps them.
            s.other.isActive = false
            try await s.other.save(on: app.db)
            #expect(try await web.get("/readers/\(s.reader.id!)").text.contains("Книгоноша читателя: Второй Книгоноша (учётная запись отключена)."))
            let again = try await web.get("/readers/\(s.reader.id!)/edit").text
            let kept = try #require(HTMLForm.find(in: again, action: "/readers/\(s.reader.id!.uuidString.lowercased())/edit")).fields.map {
                ($0.name, $0.value)
            }
            #expect(kept.contains { $0 == ("carrier_id", s.other.id!.uuidString.lowercased()) })
            #expect(try await web.post("/readers/\(s.reader.id!)/edit", kept).status == .seeOther)
            #expect(try await Reader.find(s.reader.id, on: app.db)?.carrierID == s.other.id)
            // The API's round trip (read, send back) is accepted too; a newly chosen inactive one is not.
            let token = try await Seed.token(app, for: s.seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let read = try await app.testing().sendRequest(.GET, "/api/v1/readers/\(s.reader.id!)", headers: headers)
            let back = try await app.testing().sendRequest(.PUT, "/api/v1/readers/\(s.reader.id!)", headers: headers, body: read.body)
            #expect(back.status == .ok)
            let third = User(email: "c3@test.kz", fullName: "Третий", role: .carrier, branchID: s.seed.north.id, passwordHash: "x")
            third.isActive = false
            try await third.create(on: app.db)
            var p = Seed.reader(branch: s.seed.north, card: "CR-8")
            p.carrier_id = third.id
            let (_, errors) = try await ReaderValidator(
                user: s.seed.coordinator.current, today: LocalDate.today(in: app.config.timeZone), db: app.db, readerID: nil
            ).validate(p)
            #expect(errors["carrier_id"]?.key == "reader.carrier_invalid")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_absences_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            _ = try await VisitPlanner.plan(branchID: s.seed.north.id, from: Self.from, until: Self.until, by: nil, on: app.db)
            let token = try await Seed.token(app, for: s.seed.coordinator)
            let south = try await Seed.token(app, for: s.seed.otherCoordinator)
            func headers(_ t: String) -> HTTPHeaders { ["Authorization": "Bearer \(t)", "Content-Type": "application/json"] }
            let base = "/api/v1/carriers/\(s.seed.carrier.id!)"
            // Bad input: each problem named by its field, nothing stored.
            for (body, field) in [
                (#"{"starts_on":"2027-03-10","ends_on":"2027-03-08","kind":"leave"}"#, "ends_on"),
                (#"{"starts_on":"2027-03-08","ends_on":"2027-03-14","kind":"holiday"}"#, "kind"),
                (#"{"starts_on":"2027-02-30","ends_on":"2027-03-14","kind":"leave"}"#, "starts_on"),
            ] {
                try await app.testing().test(.POST, base + "/absences", headers: headers(token), body: .init(string: body)) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("\"\(field)\""), "\(body)")
                }
            }
            #expect(try await CarrierAbsence.query(on: app.db).count() == 0)
            try await app.testing().test(
                .POST, base + "/absences", headers: headers(south),
                body: .init(string: #"{"starts_on":"2027-03-08","ends_on":"2027-03-14","kind":"leave"}"#)
            ) { res in #expect(res.status == .forbidden) }
            var absenceID: UUID?
            try await app.testing().test(
                .POST, base + "/absences", headers: headers(token),
                body: .init(string: #"{"starts_on":"2027-03-08","ends_on":"2027-03-14","kind":"illness"}"#)
            ) { res in
                #expect(res.status == .created)
                let dto = try res.content.decode(CarriersAPIController.AbsenceDTO.self)
                #expect(dto.kind == "illness" && dto.starts_on == "2027-03-08" && dto.carrier_id == s.seed.carrier.id)
                absenceID = dto.id
            }
            try await app.testing().test(.GET, "/api/v1/carriers", headers: headers(token)) { res in
                let list = try res.content.decode([CarriersAPIController.CarrierDTO].self)
                #expect(list.map(\.full_name).sorted() == ["Carrier", "Второй Книгоноша"])
                #expect(list.first { $0.id == s.seed.carrier.id }?.absences.count == 1)
            }
            let visit = try #require(try await Visit.query(on: app.db).filter(\.$scheduledOn == "2027-03-08").first())
            try await app.testing().test(.GET, base + "/stranded", headers: headers(token)) { res in
                let stranded = try res.content.decode(CarriersAPIController.StrandedDTO.self)
                #expect(stranded.visits == [visit.id!])
            }
            try await app.testing().test(.POST, base + "/reassign", headers: headers(token)) { res in
                let r = try res.content.decode(CarriersAPIController.ReassignDTO.self)
                #expect(r.moved == 1 && r.unassigned == 0)
            }
            #expect(try await Visit.find(visit.id, on: app.db)?.$carrier.id == s.other.id)
            try await app.testing().test(.DELETE, base + "/absences/\(absenceID!)", headers: headers(token)) { res in
                #expect(res.status == .noContent)
            }
            #expect(try await CarrierAbsence.query(on: app.db).count() == 0)
            try await app.testing().test(.DELETE, base + "/absences/\(absenceID!)", headers: headers(token)) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    /// A carrier's checks and travel: bad input at its field; an expired certificate stops new
    /// visits by planning and by hand, unless the library turns that off; the list warns 30 days
    /// ahead; anonymising the account removes the identity card's number and the start point.
    @Test(arguments: TestDatabase.all)
    func test_an_expired_certificate_stops_new_visits(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let path = "/carriers/\(s.seed.carrier.id!)/details"
            func form(_ changes: [String: String]) -> [(String, String)] {
                let base = [
                    ("certificate_on", "2025-01-10"), ("certificate_until", "2027-03-07"), ("trained_on", "2025-02-01"),
                    ("id_card_number", "045612378"), ("travel_mode", "bus"), ("start_point", "50.4111, 80.2275"),
                ]
                return base.map { ($0.0, changes[$0.0] ?? $0.1) }
            }
            for (changes, error) in [
                (["certificate_until": "2024-12-31"], "Справка не может закончиться раньше, чем выдана."),
                (["id_card_number": "<b>12</b>"], "Номер — от 6 до 12 латинских букв и цифр."),
                (["travel_mode": "horse"], "validation"),
                (["start_point": "50.4111"], "Введите широту и долготу через запятую"),
                (["start_point": "95, 80"], "-90"),
            ] {
                let refused = try await web.post(path, form(changes))
                #expect(refused.status == .unprocessableEntity, "\(changes)")
                #expect(error == "validation" || refused.text.contains(error), "\(changes)")
                #expect(!refused.text.contains("<b>12</b>"))
            }
            #expect(try await User.find(s.seed.carrier.id, on: app.db)?.certificateUntil == nil)
            // A start point in Moscow, 2,700 km from a branch in Semey: a slip, refused like a reader's.
            (s.seed.north.latitude, s.seed.north.longitude) = (50.41, 80.23)
            try await s.seed.north.save(on: app.db)
            let moscow = try await web.post(path, form(["start_point": "55.75, 37.6"]))
            #expect(moscow.status == .unprocessableEntity && moscow.text.contains("км от филиала"))
            #expect(try await web.post(path, form([:])).status == .seeOther)
            let saved = try #require(try await User.find(s.seed.carrier.id, on: app.db))
            #expect(saved.certificateUntil == "2027-03-07" && saved.idCardNumber == "045612378" && saved.travelMode == "bus")
            #expect(saved.startLatitude == 50.4111 && saved.startLongitude == 80.2275)

            // Planning: the certificate runs out on Sunday 7 March, so the reader's own carrier has
            // the 1 March visit and the other carrier the three after it.
            _ = try await VisitPlanner.plan(branchID: s.seed.north.id, from: Self.from, until: Self.until, by: nil, on: app.db)
            let planned = try await Self.carriers(app, s.reader)
            #expect(planned["2027-03-01"] == s.seed.carrier.id)
            #expect(["2027-03-08", "2027-03-15", "2027-03-22"].allSatisfy { planned[$0] == s.other.id })
            // By hand too, at the field.
            let later = try #require(try await Visit.query(on: app.db).filter(\.$scheduledOn == "2027-03-08").first())
            let byHand = try await web.post(
                "/visits/\(later.id!)",
                [("scheduled_on", "2027-03-08"), ("time_from", ""), ("time_to", ""), ("carrier_id", s.seed.carrier.id!.uuidString)])
            #expect(byHand.status == .unprocessableEntity && byHand.text.contains("истекла 2027-03-07"))
            // A visit the carrier already has keeps them when only its time changes (a new user
            // could not move the time of such a visit at all).
            later.$carrier.id = s.seed.carrier.id
            try await later.save(on: app.db)
            let retimed = try await web.post(
                "/visits/\(later.id!)",
                [("scheduled_on", "2027-03-08"), ("time_from", "11:00"), ("time_to", "12:00"), ("carrier_id", s.seed.carrier.id!.uuidString)])
            #expect(retimed.status == .seeOther)
            #expect(try await Visit.find(later.id, on: app.db)?.timeFrom == "11:00")
            later.$carrier.id = s.other.id
            try await later.save(on: app.db)
            // The library turns the rule off: the same assignment goes through.
            let settings = try await web.post(
                "/admin/delivery",
                [("resend_after_months", "0"), ("horizon_weeks", "8"), ("library_name_ru", ""), ("library_name_kk", ""), ("submitted", "1")])
            #expect(settings.status == .forbidden)  // administrators only
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            #expect(
                try await admin.post(
                    "/admin/delivery",
                    [("resend_after_months", "0"), ("horizon_weeks", "8"), ("library_name_ru", ""), ("library_name_kk", ""), ("submitted", "1")]
                ).status == .seeOther)
            #expect(try await DeliverySettings.load(on: app.db).expiredCheckBlocks == false)
            saved.certificateUntil = "2026-01-31"
            try await saved.save(on: app.db)
            #expect(try await web.get("/carriers").text.contains("правило библиотеки отключено: визиты назначаются"))
            saved.certificateUntil = "2027-03-07"
            try await saved.save(on: app.db)
            let allowed = try await web.post(
                "/visits/\(later.id!)",
                [("scheduled_on", "2027-03-08"), ("time_from", ""), ("time_to", ""), ("carrier_id", s.seed.carrier.id!.uuidString)])
            #expect(allowed.status == .seeOther)

            // The list warns when the certificate ends within 30 days.
            saved.certificateUntil = LocalDate.today(in: app.config.timeZone).adding(days: 10).iso
            try await saved.save(on: app.db)
            #expect(try await web.get("/carriers").text.contains("У 1 книгоноши справка истекла или истекает в ближайшие 30 дней."))

            // Anonymising the account takes the identity card and the start point with it.
            saved.isActive = false
            saved.deactivatedOn = "2026-01-01"
            try await saved.save(on: app.db)
            let entry = AuditEntry(.update, "user", saved.id, userID: nil, channel: "web")
            try await AccountRemoval.apply(saved, today: LocalDate.today(in: app.config.timeZone), audit: entry, on: app.db)
            let gone = try #require(try await User.find(s.seed.carrier.id, on: app.db))
            #expect(gone.idCardNumber == nil && gone.startLatitude == nil && gone.certificateUntil != nil)
        }
    }
}
