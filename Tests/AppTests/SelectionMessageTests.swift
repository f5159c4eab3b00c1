import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, finding 3: after planning and after preparing selections, the message says how many
/// visits got how many titles, and why the rest got none, with the numbers the database holds.
@Suite(.serialized) struct SelectionMessageTests {
    private func flash(_ page: String) -> String {
        guard let tag = HTMLScan.tags(page).first(where: { $0.name == "p" && $0.attribute("class") == "flash" }) else { return "" }
        return HTMLScan.text(after: tag, in: page)
    }

    @Test(arguments: TestDatabase.all)
    func test_the_selection_message_counts_visits_titles_and_says_why_some_got_none(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            // Four history titles, with free copies in the northern branch only.
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: (1...4).map { ("История края \($0)", "История") })
            let today = LocalDate.today(in: app.config.timeZone)
            let (_, north) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "M-1")
            // A southern reader who likes history: nothing on the southern shelf, a copy up north.
            var p = Seed.reader(branch: seed.south, card: "M-2")
            p.subjects = ["История"]
            p.formats = ["print"]
            p.languages = ["ru"]
            p.items_per_visit = 1
            let south = try await Seed.storeReader(app, p, by: seed.admin)
            let southVisit = try await DeliveryFixtures.visit(app, reader: south, branch: seed.south, on: today)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let res = try await web.post(
                "/visits/select", [("from", today.iso), ("to", today.iso), ("branch_id", ""), ("return_to", "/visits")])
            #expect(res.status == .seeOther)
            let said = flash(try await web.get("/visits").text)
            let items = try await VisitItem.query(on: app.db).all()
            #expect(items.count == 2 && Set(items.map { $0.$visit.id }) == [north.id!])
            #expect(said.contains("Визитов с новыми книгами: 1; книг подобрано и зарезервировано: 2."), "\(said)")
            #expect(said.contains("со свободным экземпляром в филиале визита: 1."), "\(said)")
            #expect(said.contains("есть в другом филиале: 1."), "\(said)")
            #expect(!said.contains("Уже укомплектованы") && !said.contains("нет свободного экземпляра:"))
            #expect(try await VisitItem.query(on: app.db).filter(\.$visit.$id == southVisit.id!).count() == 0)

            // Again: the northern visit is complete now; the message says so, and nothing was added.
            _ = try await web.post("/visits/select", [("from", today.iso), ("to", today.iso), ("branch_id", ""), ("return_to", "/visits")])
            let again = flash(try await web.get("/visits").text)
            #expect(again.contains("Визитов с новыми книгами: 0; книг подобрано и зарезервировано: 0."), "\(again)")
            #expect(again.contains("Уже укомплектованы: 1."), "\(again)")
            #expect(try await VisitItem.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_planning_message_counts_the_visits_it_made(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            for n in 1...2 { _ = try await DeliveryFixtures.reader(app, seed: seed, card: "P-\(n)") }
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/visits/plan", [("weeks", "2"), ("branch_id", "")]).status == .seeOther)
            let made = try await Visit.query(on: app.db).count()
            #expect(made > 0)
            let said = flash(try await web.get("/visits").text)
            #expect(said.contains("Новых визитов: \(made); читателей в плане: 2."), "\(said)")
            // A forged notice cookie cannot put text on the page.
            web.cookies["kn_flash"] = "visits.planned_counts~created=<b>|x"
            #expect(flash(try await web.get("/visits").text) == "")
        }
    }
}
