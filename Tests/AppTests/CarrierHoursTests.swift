import Fluent
import Foundation
import Routing
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 15, §1: the hours and travel report. Visits with an outcome only, minutes as recorded,
/// each day's route from the carrier's start point through the stops in the run's order, at the
/// carrier's speed; on the page, as CSV and XLSX, and through the API.
@Suite(.serialized) struct CarrierHoursTests {
    @Test(arguments: TestDatabase.all)
    func test_hours_and_travel_per_carrier(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let carrier = try #require(try await User.find(seed.carrier.id, on: app.db))
            carrier.travelMode = "bus"
            (carrier.startLatitude, carrier.startLongitude) = (50.40, 80.20)
            try await carrier.save(on: app.db)
            // Three readers east of the start, 0.01° of longitude apart.
            var readers: [Reader] = []
            for i in 0..<3 {
                var p = Seed.reader(branch: seed.north, card: "H-\(i)", family: "Часовая\(i)")
                (p.latitude, p.longitude) = (50.40, 80.21 + Double(i) * 0.01)
                readers.append(try await Seed.storeReader(app, p, by: seed.coordinator))
            }
            func visit(_ r: Reader, _ day: String, _ status: VisitStatus, minutes: Int?) async throws {
                let v = try await DeliveryFixtures.visit(app, reader: r, branch: seed.north, on: LocalDate(day)!)
                v.$carrier.id = carrier.id
                v.status = status.rawValue
                v.minutesSpent = minutes
                try await v.save(on: app.db)
            }
            try await visit(readers[2], "2026-11-02", .done, minutes: 30)
            try await visit(readers[0], "2026-11-02", .done, minutes: 20)
            try await visit(readers[1], "2026-11-02", .noAnswer, minutes: 5)
            try await visit(readers[0], "2026-11-09", .done, minutes: nil)
            // Not counted: planned, cancelled, outside the period.
            try await visit(readers[1], "2026-11-10", .planned, minutes: nil)
            try await visit(readers[2], "2026-11-11", .cancelled, minutes: nil)
            try await visit(readers[2], "2026-12-01", .done, minutes: 40)

            let start = GeoPoint(latitude: 50.40, longitude: 80.20)
            let p = (0..<3).map { GeoPoint(latitude: 50.40, longitude: 80.21 + Double($0) * 0.01) }
            // Day one in order 0, 1, 2 from the start; day two to reader 0 only.
            let km = (start.distance(to: p[0]) + p[0].distance(to: p[1]) + p[1].distance(to: p[2]) + start.distance(to: p[0])) * 1.3
            let rows = try await CarrierHoursReport.build(
                from: LocalDate("2026-11-01")!, to: LocalDate("2026-11-30")!, branchID: seed.north.id, on: app.db)
            #expect(rows.count == 1)
            let r = try #require(rows.first)
            #expect(r.days == 2 && r.visits_done == 3 && r.visits_no_answer == 1 && r.minutes_at_door == 55 && r.travel_mode == "bus")
            #expect(abs(r.km - (km * 10).rounded() / 10) < 0.001)
            #expect(r.travel_minutes == Int((km / 12 * 60).rounded()) && r.total_minutes == 55 + r.travel_minutes)

            // A project's indicator counts the same hours, whole (volunteer hours).
            let project = Project()
            (project.name, project.organisation, project.targetGroups, project.goal, project.description) = ("Книгоноша", "", "", "", "")
            (project.startsOn, project.endsOn, project.status) = ("2026-11-01", "2026-11-30", "finished")
            project.$branch.id = seed.north.id
            try await project.save(on: app.db)
            let indicator = ProjectIndicator()
            (indicator.name, indicator.metric, indicator.target, indicator.position) = ("Часы волонтёров", "carrier_hours", 10, 0)
            indicator.$project.id = project.id!
            try await indicator.save(on: app.db)
            let actual = try await ProjectIndicators.actuals(
                [indicator], project: project, events: [], today: LocalDate.today(in: app.config.timeZone), on: app.db)
            #expect(actual[indicator.id!] == Int((Double(r.total_minutes) / 60).rounded()))

            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let page = try await web.get("/carriers/hours?from=2026-11-01&to=2026-11-30").text
            #expect(page.contains("<td data-label=\"Минут у читателей\">55</td>") && page.contains("На автобусе"))
            let csv = try await web.get("/carriers/hours?from=2026-11-01&to=2026-11-30&format=csv&sep=semicolon").text
            let lines = csv.split(separator: "\r\n")
            #expect(lines.count == 2 && lines[1].hasPrefix("Carrier;На автобусе;2;3;1;55;"))
            let xlsx = try await web.get("/carriers/hours?from=2026-11-01&to=2026-11-30&format=xlsx")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
            // Bad input at its field.
            let reversed = try await web.get("/carriers/hours?from=2026-11-30&to=2026-11-01")
            #expect(reversed.status == .unprocessableEntity && reversed.text.contains("Конец периода раньше его начала."))
            #expect(try await web.get("/carriers/hours?from=2026-11-01&to=2026-11-30&format=pdf").status == .unprocessableEntity)
            // Another branch's coordinator sees none of it, and may not ask for it.
            let south = WebClient(app)
            try await south.login("coord2@test.kz")
            #expect(!(try await south.get("/carriers/hours?from=2026-11-01&to=2026-11-30").text.contains("Carrier")))
            #expect(try await south.get("/carriers/hours?branch_id=\(seed.north.id!)").status == .forbidden)
            // The API, the same figures.
            let token = try await Seed.token(app, for: seed.coordinator)
            let api = try await app.testing().sendRequest(
                .GET, "/api/v1/carriers/hours?from=2026-11-01&to=2026-11-30", headers: ["Authorization": "Bearer \(token)"])
            #expect(try api.content.decode([CarrierHoursRow].self) == rows)
            for query in ["from=2026-02-30", "from=", "to=", "branch_id="] {
                let bad = try await app.testing().sendRequest(.GET, "/api/v1/carriers/hours?\(query)", headers: ["Authorization": "Bearer \(token)"])
                #expect(bad.status == .unprocessableEntity, "\(query)")
            }
        }
    }
}
