import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, finding 4: a title the reader's branch has no free copy of is asked for from
/// another branch of the library; the copy shows on that branch's pick list, marked for the
/// reader's branch, and on the reader's branch's list as coming. Copies are added on the record.
@Suite struct InterBranchTests {
    @Test(arguments: TestDatabase.all)
    func test_a_copy_is_requested_from_another_branch_and_shows_on_its_pick_list(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            // One title, held only by the south branch; the reader is at the north one.
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.south, titles: [("Путь Абая", "История")])
            let bib = try #require(ids["Путь Абая"])
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "IB-1")
            let path = "/visits/\(visit.id!.uuidString.lowercased())"
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get(path + "?q=" + "Путь Абая".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(page.text.contains("Запросить из филиала «Южный»"))
            #expect(page.text.contains("в вашем филиале нет свободного экземпляра"))
            #expect(!page.text.contains(#"aria-label="Добавить: Путь Абая""#))
            let res = try await web.post(
                path + "/items", [("action", "add"), ("bib_id", String(bib)), ("branch", seed.south.id!.uuidString.lowercased())])
            #expect(res.status == .seeOther)
            let item = try #require(try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).with(\.$copy).first())
            #expect(item.itemState == .accepted)
            #expect(item.copy?.$branch.id == seed.south.id)
            #expect(item.copy?.status == CopyStatus.reserved.rawValue)
            // The south branch picks it and sends it north.
            let south = WebClient(app)
            try await south.login("coord2@test.kz")
            let theirs = try await south.get("/visits/pick-list").text
            #expect(theirs.contains("Путь Абая"))
            #expect(theirs.contains("Передать в филиал «Северный»"))
            // The north branch does not pick it from its own shelves; it waits for it.
            let ours = try await web.get("/visits/pick-list").text
            let main = try #require(ours.components(separatedBy: #"id="arriving""#).first)
            #expect(!main.contains("Путь Абая"))
            #expect(ours.contains("Придёт из другого филиала: 1 экземпляр"))
            #expect(ours.components(separatedBy: #"id="arriving""#).last?.contains("Путь Абая") == true)
            // The visit page says where the copy comes from.
            #expect(try await web.get(path).text.contains("из филиала «Южный»"))
            // A branch id that is not a branch is refused, and nothing more is reserved.
            let bad = try await web.post(path + "/items", [("action", "add"), ("bib_id", String(bib)), ("branch", "not-a-branch")])
            #expect(bad.status == .badRequest)
            #expect(try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_suggestions_come_from_other_branches_when_the_readers_has_none(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.south, titles: [("Путь Абая", "История"), ("Абай", "История")])
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "IB-2")
            let path = "/visits/\(visit.id!.uuidString.lowercased())"
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            // Suggesting and reserving takes nothing from another branch without asking, but still
            // suggests its titles, to ask for.
            #expect(try await web.post(path + "/items", [("action", "accept_all")]).status == .seeOther)
            #expect(try await Copy.query(on: app.db).filter(\.$status == CopyStatus.reserved.rawValue).count() == 0)
            let first = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
            #expect(first.count == 2 && first.allSatisfy { $0.itemState == .suggested })
            // Suggesting again finds nothing new: the suggestions stay, and the page says so.
            #expect(try await web.post(path + "/items", [("action", "suggest")]).status == .seeOther)
            #expect(try await web.get(path).text.contains("Других подходящих изданий"))
            let items = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all()
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0.itemState == .suggested && $0.$copy.id == nil })
            let page = try await web.get(path).text
            #expect(page.components(separatedBy: ">Запросить из филиала «Южный»<").count - 1 == 2)
            #expect(!page.contains(#"aria-label="Принять: Путь Абая""#))
            // Asking for one reserves the south copy; asking again when it is gone says so on the visit's page.
            let item = try #require(items.first)
            let south = seed.south.id!.uuidString.lowercased()
            #expect(
                try await web.post(path + "/items", [("action", "request"), ("item", item.id!.uuidString.lowercased()), ("branch", south)]).status
                    == .seeOther)
            #expect(try await Copy.query(on: app.db).filter(\.$status == CopyStatus.reserved.rawValue).count() == 1)
            let other = try #require(items.last)
            try await Copy.query(on: app.db).filter(\.$bib.$id == other.$bib.id).set(\.$status, to: CopyStatus.onLoan.rawValue).update()
            let gone = try await web.post(path + "/items", [("action", "request"), ("item", other.id!.uuidString.lowercased()), ("branch", south)])
            #expect(gone.status == .seeOther)
            #expect(try await web.get(path).text.contains("В филиале нет свободного экземпляра этого издания."))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_coordinator_adds_a_copy_on_the_records_page(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.south, titles: [("Путь Абая", "История")])
            let bib = try #require(ids["Путь Абая"])
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let record = try await web.get("/catalog/\(bib)").text
            #expect(record.contains(#"id="add-copy""#))
            #expect(record.contains(#"name="inventory_number""#))
            let added = try await web.post(
                "/catalog/\(bib)/copies",
                [
                    ("inventory_number", "N-777"), ("barcode", ""), ("branch_id", seed.north.id!.uuidString), ("shelf_mark", "84(5Каз)"),
                    ("acquired_on", ""), ("notes", ""),
                ])
            #expect(added.status == .seeOther)
            let copy = try #require(try await Copy.query(on: app.db).filter(\.$inventoryNumber == "N-777").first())
            #expect(copy.$branch.id == seed.north.id)
            #expect(copy.status == CopyStatus.available.rawValue)
            // Without an inventory number: the error is at the field, and nothing is added.
            let bad = try await web.post(
                "/catalog/\(bib)/copies",
                [
                    ("inventory_number", ""), ("barcode", ""), ("branch_id", seed.north.id!.uuidString), ("shelf_mark", ""), ("acquired_on", ""),
                    ("notes", ""),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await Copy.query(on: app.db).filter(\.$bib.$id == bib).count() == 2)
        }
    }

    /// The same through the API: a title added with `branch_id`, a suggestion accepted with
    /// `?branch_id=`, and a branch that is not one of the library's named in the error.
    @Test(arguments: TestDatabase.all)
    func test_the_api_asks_another_branch_too(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.south, titles: [("Путь Абая", "История"), ("Абай", "История")])
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "IB-3")
            let token = try await Seed.token(app, for: seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let south = seed.south.id!.uuidString
            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/visits/\(visit.id!)/items", headers: headers,
                body: .init(string: #"{"bib_id":\#(ids["Путь Абая"]!),"branch_id":"\#(south)"}"#))
            #expect(added.status == .created)
            let unknown = try await app.testing().sendRequest(
                .POST, "/api/v1/visits/\(visit.id!)/items", headers: headers,
                body: .init(string: #"{"bib_id":\#(ids["Абай"]!),"branch_id":"\#(UUID().uuidString)"}"#))
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("branch_id"))
            #expect(try await Copy.query(on: app.db).filter(\.$status == CopyStatus.reserved.rawValue).count() == 1)
            // A suggestion accepted from the south branch.
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/visits/\(visit.id!)/suggestions", headers: headers).status == .ok)
            let item = try #require(
                try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).filter(\.$state == ItemState.suggested.rawValue).first())
            let accepted = try await app.testing().sendRequest(
                .POST, "/api/v1/visits/\(visit.id!)/items/\(item.id!)/accept?branch_id=\(south)", headers: headers)
            #expect(accepted.status == .ok)
            #expect(try await Copy.query(on: app.db).filter(\.$status == CopyStatus.reserved.rawValue).count() == 2)
        }
    }
}
