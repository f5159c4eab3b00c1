import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 15, §3: a reader's point from a pasted map link; a link that holds none, or a point far
/// from the reader's branch, is refused at the field; readers without a point are a to-do on the
/// planning page.
@Suite(.serialized) struct MapPointTests {
    @Test(arguments: TestDatabase.all)
    func test_a_pasted_link_fills_the_point_and_a_far_one_is_refused(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            seed.north.latitude = 50.41
            seed.north.longitude = 80.23
            try await seed.north.save(on: app.db)
            var p = Seed.reader(branch: seed.north, card: "MP-1", family: "Безточкина")
            (p.latitude, p.longitude) = (nil, nil)
            let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            // The planning page lists the reader as a to-do, with a link to the card.
            let visits = try await web.get("/visits").text
            #expect(visits.contains("У 1 читателя нет координат") && visits.contains(#"href="/readers/\#(reader.id!.uuidString.lowercased())/edit""#))

            let action = "/readers/\(reader.id!.uuidString.lowercased())/edit"
            func fields(_ link: String) async throws -> [(String, String)] {
                let form = try #require(HTMLForm.find(in: try await web.get(action).text, action: action))
                return form.fields.map { ($0.name, $0.name == "map_link" ? link : $0.value) }
            }
            // A link that holds no point: at the field, nothing saved.
            let unreadable = try await web.post(action, try await fields("https://2gis.kz/semey/firm/70000001"))
            #expect(unreadable.status == .unprocessableEntity && unreadable.text.contains("В ссылке не найдены координаты."))
            #expect(try await Reader.find(reader.id, on: app.db)?.latitude == nil)
            // Almaty, 800 km away: a slip, refused.
            let far = try await web.post(action, try await fields("https://yandex.kz/maps/?pt=76.9286,43.2567&z=16"))
            #expect(far.status == .unprocessableEntity && far.text.contains("км от филиала читателя (допустимо до 150 км)"))
            #expect(try await Reader.find(reader.id, on: app.db)?.latitude == nil)
            // A 2GIS link in Semey: the point is stored, and the to-do is done.
            #expect(try await web.post(action, try await fields("https://2gis.kz/semey/geo/70000001027412345/80.2275,50.4111")).status == .seeOther)
            let saved = try #require(try await Reader.find(reader.id, on: app.db))
            #expect(saved.latitude == 50.4111 && saved.longitude == 80.2275)
            #expect(!(try await web.get("/visits").text.contains("нет координат")))
        }
    }
}
