import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 12, finding 2: a swap replaces only the title that was swapped, keeps the other
/// suggestions, and never brings the swapped title back, by a later swap or by "suggest again".
@Suite(.serialized) struct SelectionSwapTests {
    private let titles = (1...6).map { ("Книга по истории \($0)", "История") }

    /// The visit's items as (bib, state), and their ids, as stored.
    private func items(_ app: Application, _ visit: Visit) async throws -> [VisitItem] {
        try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).sort(\.$position).all()
    }

    /// Presses the swap button of an item the way the visit page's form sends it.
    private func swap(_ web: WebClient, _ visit: Visit, _ item: VisitItem) async throws {
        let page = try await web.get("/visits/\(visit.id!)").text
        let forms = HTMLScan.tags(page).filter { $0.name == "input" && $0.attribute("value") == item.id!.uuidString.lowercased() }
        #expect(!forms.isEmpty, "the page has a form for the item")
        let res = try await web.post("/visits/\(visit.id!)/items", [("action", "swap"), ("item", item.id!.uuidString.lowercased())])
        #expect(res.status == .seeOther)
    }

    @Test(arguments: TestDatabase.all)
    func test_a_swap_replaces_one_title_and_never_brings_it_back(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "SW-1")
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/visits/\(visit.id!)/items", [("action", "suggest")]).status == .seeOther)
            let first = try await items(app, visit)
            #expect(first.count == 2)
            let (a, b) = (first[0], first[1])

            try await swap(web, visit, a)
            let second = try await items(app, visit)
            #expect(second.count == 2)
            // The other suggestion is the very same row; the swapped title is gone.
            #expect(second.contains { $0.id == b.id && $0.itemState == .suggested })
            #expect(!second.contains { $0.$bib.id == a.$bib.id })
            let c = try #require(second.first { $0.id != b.id })

            // A second swap does not bring the first title back.
            try await swap(web, visit, c)
            let third = try await items(app, visit)
            #expect(third.count == 2 && third.contains { $0.id == b.id })
            #expect(Set(third.map { $0.$bib.id }).isDisjoint(with: [a.$bib.id, c.$bib.id]))

            // Nor does "suggest again", which replaces the suggestions.
            #expect(try await web.post("/visits/\(visit.id!)/items", [("action", "suggest")]).status == .seeOther)
            let fourth = try await items(app, visit)
            #expect(fourth.count == 2)
            #expect(Set(fourth.map { $0.$bib.id }).isDisjoint(with: [a.$bib.id, c.$bib.id]))
            #expect(try await SelectionRejection.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_swapping_an_accepted_title_frees_its_copy_and_reserves_the_replacement(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "SW-2")
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/visits/\(visit.id!)/items", [("action", "accept_all")]).status == .seeOther)
            let accepted = try await items(app, visit)
            #expect(accepted.count == 2 && accepted.allSatisfy { $0.itemState == .accepted && $0.$copy.id != nil })
            let gone = accepted[0]
            try await swap(web, visit, gone)
            let after = try await items(app, visit)
            #expect(after.count == 2 && after.allSatisfy { $0.itemState == .accepted && $0.$copy.id != nil })
            #expect(after.contains { $0.id == accepted[1].id })
            #expect(!after.contains { $0.$bib.id == gone.$bib.id })
            // The swapped title's copy is back on the shelf; two copies are reserved, no more.
            #expect(try await Copy.find(gone.$copy.id, on: app.db)?.status == "available")
            #expect(try await Copy.query(on: app.db).filter(\.$status == "reserved").count() == 2)
        }
    }

    /// Review of issue 12: a swap with no replacement kept nothing (the row was deleted), and a
    /// removed title came back with the next "suggest".
    @Test(arguments: TestDatabase.all)
    func test_a_swap_without_replacement_keeps_the_title_and_a_removed_one_stays_out(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: Array(titles.prefix(3)))
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "SW-9")
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/visits/\(visit.id!)/items", [("action", "suggest")]).status == .seeOther)
            let first = try await items(app, visit)
            #expect(first.count == 2)
            // One title left to swap in; then none.
            try await swap(web, visit, first[0])
            let second = try await items(app, visit)
            #expect(second.count == 2)
            let last = try #require(second.first { $0.id != first[1].id })
            try await swap(web, visit, last)
            let third = try await items(app, visit)
            #expect(third.map(\.id) == second.map(\.id))
            #expect(try await web.get("/visits/\(visit.id!)").text.contains("Замены не нашлось"))
            // Removed, it is not suggested again.
            #expect(
                try await web.post("/visits/\(visit.id!)/items", [("action", "remove"), ("item", last.id!.uuidString.lowercased())]).status
                    == .seeOther)
            #expect(try await web.post("/visits/\(visit.id!)/items", [("action", "suggest")]).status == .seeOther)
            #expect(!(try await items(app, visit)).contains { $0.$bib.id == last.$bib.id })
        }
    }
}
