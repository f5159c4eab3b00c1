import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 16, §2 and §4: the subject-access export, and anonymising or erasing one reader through
/// the web in two steps and through the API, with the refusals that change nothing.
@Suite struct ReaderPrivacyRightsTests {
    /// A reader with a phone, a visit done, a loan returned with a rating and comment, and one on loan.
    static func servedReader(_ app: Application, _ seed: Seed) async throws -> (Reader, Loan) {
        let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Путь Абая", "История"), ("Кочевники", "История")])
        var p = Seed.reader(branch: seed.north, card: "N-PD", family: "Сейтказина")
        p.caregiver_name = "Айгуль Сейтказина"
        p.notes = "Собака во дворе"
        let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
        let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: LocalDate(year: 2026, month: 3, day: 3))
        (visit.status, visit.comment) = (VisitStatus.done.rawValue, "Просила Ауэзова")
        try await visit.save(on: app.db)
        let copies = try await Copy.query(on: app.db).all()
        func loan(_ title: String, _ status: LoanStatus) async throws -> Loan {
            let l = Loan()
            l.$reader.id = reader.id!
            l.$bib.id = ids[title]!
            l.$copy.id = copies.first { $0.$bib.id == ids[title]! }!.id!
            (l.issuedOn, l.dueOn, l.status, l.renewals) = ("2026-03-03", "2026-04-02", status.rawValue, 0)
            if status == .returned { (l.returnedOn, l.rating, l.comment) = ("2026-04-02", 5, "Прекрасно") }
            try await l.create(on: app.db)
            return l
        }
        _ = try await loan("Путь Абая", .returned)
        return (reader, try await loan("Кочевники", .onLoan))
    }

    @Test(arguments: TestDatabase.all)
    func test_the_export_holds_everything_about_the_reader_and_is_audited(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (reader, _) = try await Self.servedReader(app, seed)
            let other = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-OTHER", family: "Посторонний"), by: seed.admin)
            let rid = reader.id!.uuidString.lowercased()
            // The visit's chosen books, a title turned down, its history and an entry about it; the
            // same for another reader's visit, which the export must not hold.
            let visit = try #require(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).first())
            let otherVisit = try await DeliveryFixtures.visit(app, reader: other, branch: seed.north, on: LocalDate(year: 2026, month: 3, day: 4))
            let bib = Dictionary(uniqueKeysWithValues: try await BibRecord.query(on: app.db).all().map { ($0.title, $0.id!) })
            for v in [visit, otherVisit] {
                for (n, (title, state)) in [("Путь Абая", ItemState.delivered), ("Кочевники", .notDelivered)].enumerated() {
                    let item = VisitItem()
                    (item.$visit.id, item.$bib.id, item.state, item.reasons, item.position, item.source) =
                        (v.id!, bib[title]!, state.rawValue, "", n, "coordinator")
                    try await item.create(on: app.db)
                }
                try await SelectionRejection.note(visitID: v.id!, bibID: bib["Кочевники"]!, on: app.db)
                try await VisitEvent(visitID: v.id!, user: nil, kind: "created", from: nil, to: v.scheduledOn).create(on: app.db)
                try await VisitEvent(visitID: v.id!, user: seed.coordinator.current, kind: "status", from: "planned", to: "done").create(on: app.db)
                try await AuditEntry(.view, "visit", v.id, userID: seed.carrier.id, channel: "web", route: "GET /visits/:id").create(on: app.db)
            }
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.get("/readers/\(rid)").text.contains("href=\"/readers/\(rid)/export\""))
            let page = try await web.get("/readers/\(rid)/export")
            #expect(page.status == .ok)
            // In the reader's first language (Russian here), with everything held.
            #expect(page.text.contains("lang=\"ru\"") && page.text.contains("Сведения, которые библиотека хранит о вас: Сейтказина Николай Иванович"))
            for held in [
                "Айгуль Сейтказина", "Собака во дворе", "+7 701 234 56 78", "Путь Абая", "Прекрасно", "Просила Ауэзова", "Кочевники", "Coord",
                "Книги, подобранные к визитам", "Выдано", "Не выдано", "Книги, от которых отказались при подборе", "История визитов",
                "Запланирован", "Carrier",
            ] {
                #expect(page.text.contains(held), "\(held) is missing from the export")
            }
            #expect(!page.text.contains("Посторонний") && !page.text.contains("N-OTHER"))
            let kazakh = try await web.get("/readers/\(rid)/export?in=kk")
            #expect(kazakh.text.contains("lang=\"kk\"") && kazakh.text.contains("Кітапхана сіз туралы сақтайтын мәліметтер"))
            #expect(kazakh.text.contains("Баруларға іріктелген кітаптар") && kazakh.text.contains("Барулар тарихы"))
            // What the database holds about the reader's visits, counted before the JSON export logs itself.
            let visitIDs = try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).all().compactMap(\.id)
            let held = (
                items: try await VisitItem.query(on: app.db).filter(\.$visit.$id ~~ visitIDs).count(),
                refused: try await SelectionRejection.query(on: app.db).filter(\.$visit.$id ~~ visitIDs).count(),
                events: try await VisitEvent.query(on: app.db).filter(\.$visit.$id ~~ visitIDs).count(),
                aboutReader: try await AuditEntry.query(on: app.db).filter(\.$entity == "reader").filter(\.$entityID == reader.id!).count(),
                aboutVisits: try await AuditEntry.query(on: app.db).filter(\.$entity == "visit").filter(\.$entityID ~~ visitIDs).count()
            )
            #expect(held.items == 2 && held.refused == 1 && held.events == 2 && held.aboutVisits == 1)
            let json = try await web.get("/readers/\(rid)/export.json")
            #expect(json.headers.contentType == .json && json.headers.first(name: .contentDisposition)?.contains("reader-\(rid).json") == true)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let export = try decoder.decode(ReaderExport.self, from: json.body)
            #expect(export.reader.card_number == "N-PD" && export.visits.count == 1 && export.loans.count == 2)
            #expect(export.loans.map(\.title).sorted() == ["Кочевники", "Путь Абая"] && export.loans.compactMap(\.rating) == [5])
            #expect(export.changes.contains { $0.field == "_created" })
            #expect(export.access_log.contains { $0.action == "export" })
            #expect(export.visit_items.count == held.items && export.visit_items.allSatisfy { $0.visit_id == visit.id })
            #expect(export.visit_items.map { "\($0.title): \($0.state)" } == ["Путь Абая: delivered", "Кочевники: not_delivered"])
            #expect(export.selection_rejections.count == held.refused && export.selection_rejections.map(\.title) == ["Кочевники"])
            #expect(export.visit_events.count == held.events && export.visit_events.allSatisfy { $0.visit_id == visit.id })
            #expect(export.visit_events.compactMap(\.user_name) == ["Coord"])
            #expect(export.access_log.count == held.aboutReader + held.aboutVisits)
            #expect(export.access_log.filter { $0.entity == "visit" }.map(\.entity_id) == [visit.id])
            // Every export is logged: page, Kazakh page and JSON.
            let exports = try await AuditEntry.query(on: app.db).filter(\.$entityID == reader.id!).filter(\.$action == "export").all()
            #expect(exports.count == 3 && exports.allSatisfy { $0.$user.id == seed.coordinator.id })
            // Through the API; another branch's coordinator and a carrier get nothing.
            let token = try await Seed.token(app, for: seed.coordinator)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/readers/\(rid)/export", headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .ok)
            let fromAPI = try decoder.decode(ReaderExport.self, from: api.body)
            #expect(fromAPI.reader.id == reader.id && fromAPI.visit_items.count == held.items)
            #expect(fromAPI.selection_rejections.count == held.refused && fromAPI.visit_events.count == held.events)
            let south = try await Seed.token(app, for: seed.otherCoordinator)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/readers/\(rid)/export", headers: ["Authorization": "Bearer \(south)"]).status
                    == .forbidden)
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            #expect(try await carrier.get("/readers/\(rid)/export").status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == reader.id!).filter(\.$action == "export").count() == 4)
            let english = try await web.get("/readers/\(rid)/export?in=en")
            for section in ["Books chosen for the visits", "Books turned down in the selection", "History of the visits"] {
                #expect(english.text.contains(section), "\(section) is missing from the English export")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_erasing_on_the_web_takes_two_steps_and_refusals_change_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (reader, onLoan) = try await Self.servedReader(app, seed)
            let rid = reader.id!.uuidString.lowercased()
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            #expect(try await admin.get("/readers/\(rid)").text.contains("href=\"/readers/\(rid)/remove\""))
            // A coordinator has neither the link nor the page.
            let coordinator = WebClient(app)
            try await coordinator.login("coord@test.kz")
            #expect(!(try await coordinator.get("/readers/\(rid)")).text.contains("/remove\""))
            #expect(try await coordinator.get("/readers/\(rid)/remove").status == .forbidden)
            #expect(
                try await coordinator.post("/readers/\(rid)/remove/confirm", [("kind", "erase"), ("reason", "died"), ("confirm", "N-PD")]).status
                    == .forbidden)

            // A book still on loan: the form says so at once, and the erasure is refused.
            let form = try await admin.get("/readers/\(rid)/remove")
            #expect(form.text.contains("книги на руках (1)"))
            let refused = try await admin.post("/readers/\(rid)/remove", [("kind", "erase"), ("reason", "died")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("id=\"f-reader\""))
            let forced = try await admin.post("/readers/\(rid)/remove/confirm", [("kind", "erase"), ("reason", "died"), ("confirm", "N-PD")])
            #expect(forced.status == .unprocessableEntity)
            #expect(try await Reader.find(reader.id, on: app.db)?.familyName == "Сейтказина")
            onLoan.status = LoanStatus.returned.rawValue
            onLoan.returnedOn = "2026-04-01"
            try await onLoan.save(on: app.db)

            // No reason, an unknown kind: field errors, nothing changed.
            let empty = try await admin.post("/readers/\(rid)/remove", [("kind", ""), ("reason", "")])
            #expect(
                empty.status == .unprocessableEntity && empty.text.contains("id=\"f-kind-error\"") && empty.text.contains("id=\"f-reason-error\""))
            let retention = try await admin.post("/readers/\(rid)/remove", [("kind", "erase"), ("reason", "retention")])
            #expect(retention.status == .unprocessableEntity && retention.text.contains("id=\"f-reason-error\""))

            // Step one shows what will happen; nothing has happened yet.
            let review = try await admin.post("/readers/\(rid)/remove", [("kind", "erase"), ("reason", "died")])
            #expect(review.status == .ok && review.text.contains("Подтвердите полное удаление") && review.text.contains("нельзя отменить"))
            #expect(try await Reader.find(reader.id, on: app.db)?.removedAs == nil)
            // Step two wants the card number typed.
            let wrong = try await admin.post("/readers/\(rid)/remove/confirm", [("kind", "erase"), ("reason", "died"), ("confirm", "N-PX")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Номер не совпадает"))
            #expect(try await Reader.find(reader.id, on: app.db)?.removedAs == nil)
            let done = try await admin.post("/readers/\(rid)/remove/confirm", [("kind", "erase"), ("reason", "died"), ("confirm", "N-PD")])
            #expect(done.status == .seeOther)

            let stored = try #require(try await Reader.find(reader.id, on: app.db))
            #expect(stored.removedAs == "erased" && stored.removalReason == "died" && stored.birthDate == nil && stored.disabilityGroup == "unknown")
            #expect(stored.caregiverName == nil && stored.notes == nil && stored.endReason == "died" && stored.consentDate == nil)
            // Counts stay: the visit and both loans; ratings, comments and changes are gone.
            #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).count() == 1)
            let loans = try await Loan.query(on: app.db).filter(\.$reader.$id == reader.id!).all()
            #expect(loans.count == 2 && loans.allSatisfy { $0.rating == nil && $0.comment == nil })
            #expect(try await ReaderChange.query(on: app.db).filter(\.$reader.$id == reader.id!).count() == 0)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityID == reader.id!).filter(\.$action == "erase").first())
            #expect(entry.$user.id == seed.admin.id && entry.route == "POST /readers/:id/remove/confirm" && entry.channel == "web")
            // The record says what happened; it cannot be edited or removed again.
            let page = try await admin.get("/readers/\(rid)")
            #expect(page.text.contains("Данные удалены") && !page.text.contains("Сейтказина") && !page.text.contains("/remove\""))
            #expect(try await admin.get("/readers/\(rid)/edit").status == .conflict)
            let again = try await admin.post("/readers/\(rid)/remove", [("kind", "anonymise"), ("reason", "died")])
            #expect(again.status == .unprocessableEntity && again.text.contains("уже обезличены или удалены"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_api_refuses_without_a_reason_or_with_books_on_loan(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (reader, onLoan) = try await Self.servedReader(app, seed)
            let admin = try await Seed.token(app, for: seed.admin)
            let coordinator = try await Seed.token(app, for: seed.coordinator)
            let path = "/api/v1/readers/\(reader.id!.uuidString)"
            func send(_ method: HTTPMethod, _ url: String, _ token: String, _ body: [String: String]? = nil) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(method, url, headers: ["Authorization": "Bearer \(token)"]) { req in
                    if let body { try req.content.encode(body) }
                }
            }
            #expect(try await send(.DELETE, path + "?reason=died", coordinator).status == .forbidden)
            let noReason = try await send(.POST, path + "/anonymise", admin, [:])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("\"reason\""))
            let badReason = try await send(.DELETE, path + "?reason=bored", admin)
            #expect(badReason.status == .unprocessableEntity && badReason.body.string.contains("\"reason\""))
            let withLoan = try await send(.DELETE, path + "?reason=died", admin)
            #expect(withLoan.status == .unprocessableEntity && withLoan.body.string.contains("\"reader\""))
            let unchanged = try #require(try await Reader.find(reader.id, on: app.db))
            #expect(unchanged.familyName == "Сейтказина" && unchanged.removedAs == nil)
            #expect(try await ReaderChange.query(on: app.db).filter(\.$reader.$id == reader.id!).count() > 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["anonymise", "erase"]).count() == 0)

            (onLoan.status, onLoan.returnedOn) = (LoanStatus.returned.rawValue, "2026-04-01")
            try await onLoan.save(on: app.db)
            let erased = try await send(.DELETE, path + "?reason=subject_request", admin)
            #expect(erased.status == .ok && erased.body.string.contains("\"erased\""))
            #expect(try await send(.DELETE, path + "?reason=died", admin).status == .unprocessableEntity)
            // The record through the API: still there, empty, valid against the document.
            let shown = try await send(.GET, path, admin)
            #expect(
                shown.status == .ok && shown.body.string.contains("\"disability_group\":\"unknown\"") && !shown.body.string.contains("Сейтказина"))
            var p = Seed.reader(branch: seed.north, card: "N-PD2")
            p.family_name = "Снова"
            let put = try await app.testing().sendRequest(.PUT, path, headers: ["Authorization": "Bearer \(admin)"]) { try $0.content.encode(p) }
            #expect(put.status == .conflict)
        }
    }
}
