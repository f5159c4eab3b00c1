import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Carriers' working hours and calendar feeds through the API, with their bad input.
@Suite(.serialized) struct CarrierAPITests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    struct ErrorBody: Decodable {
        var fields: [String: String]?
    }

    @Test(arguments: TestDatabase.all)
    func test_hours_are_replaced_and_bad_rows_change_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let admin = try await Seed.token(app, for: seed.admin)
            let coord = try await Seed.token(app, for: seed.coordinator)
            let path = "/api/v1/carriers/\(seed.carrier.id!)/hours"
            let good = #"{"hours":[{"weekday":3,"from":"10:00","to":"14:00"},{"weekday":1,"from":"9:00","to":"17:30"}]}"#
            let saved = try await app.testing().sendRequest(.PUT, path, headers: json(admin), body: .init(string: good))
            #expect(saved.status == .ok)
            let listed = try await app.testing().sendRequest(.GET, path, headers: json(coord))
            let hours = try listed.content.decode([CarrierAPIController.HoursDTO].self)
            #expect(hours.map(\.weekday) == [1, 3])
            #expect(hours.map(\.from) == ["09:00", "10:00"])
            // Each bad row is named; nothing is replaced.
            let bad =
                #"{"hours":[{"weekday":8,"from":"10:00","to":"11:00"},{"weekday":2,"from":"12:00","to":"11:00"},{"weekday":2,"from":"25:00","to":"11:00"}]}"#
            let refused = try await app.testing().sendRequest(.PUT, path, headers: json(admin), body: .init(string: bad))
            #expect(refused.status == .unprocessableEntity)
            let fields = try refused.content.decode(ErrorBody.self).fields ?? [:]
            #expect(Set(fields.keys) == ["hours[0].weekday", "hours[1].to", "hours[2].weekday", "hours[2].from"])
            #expect(try await CarrierHours.query(on: app.db).filter(\.$user.$id == seed.carrier.id!).count() == 2)
            // A row with one end only is refused, not dropped with its day (schemathesis found the
            // carrier left with no working days at all).
            let halfRow = try await app.testing().sendRequest(
                .PUT, path, headers: json(admin), body: .init(string: #"{"hours":[{"weekday":1,"from":"00:00"}]}"#))
            #expect(halfRow.status == .unprocessableEntity)
            #expect(Set((try halfRow.content.decode(ErrorBody.self).fields ?? [:]).keys) == ["hours[0].to"])
            #expect(try await CarrierHours.query(on: app.db).filter(\.$user.$id == seed.carrier.id!).count() == 2)
            // Coordinators read, only administrators change; other accounts are not carriers.
            let forbidden = try await app.testing().sendRequest(.PUT, path, headers: json(coord), body: .init(string: good))
            #expect(forbidden.status == .forbidden)
            let notCarrier = try await app.testing().sendRequest(.GET, "/api/v1/carriers/\(seed.coordinator.id!)/hours", headers: json(coord))
            #expect(notCarrier.status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_calendar_feed_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let coord = try await Seed.token(app, for: seed.coordinator)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/profile/calendar-feed", headers: json(coord)).status == .forbidden)
            let first = try await app.testing().sendRequest(.POST, "/api/v1/profile/calendar-feed", headers: json(carrier))
            #expect(first.status == .created)
            let url = try first.content.decode(CarrierAPIController.FeedDTO.self).url
            #expect(try await app.testing().sendRequest(.GET, url).status == .ok)
            // A new address ends the old one; revoking ends the new one.
            let second = try await app.testing().sendRequest(.POST, "/api/v1/profile/calendar-feed", headers: json(carrier))
            let url2 = try second.content.decode(CarrierAPIController.FeedDTO.self).url
            #expect(try await app.testing().sendRequest(.GET, url).status == .notFound)
            #expect(try await app.testing().sendRequest(.DELETE, "/api/v1/profile/calendar-feed", headers: json(carrier)).status == .noContent)
            #expect(try await app.testing().sendRequest(.GET, url2).status == .notFound)
        }
    }
}
