import Foundation
import Routing
import Testing

@testable import KnigonoshaApp

/// Issue 15, §3: the carrier's day is ordered by the readers' windows, each stop has its expected
/// arrival, and a carrier who opens the run late sees which windows can no longer be reached.
@Suite struct RunPlanTests {
    static let branch = GeoPoint(latitude: 50.41, longitude: 80.23)

    static func visit(_ from: String?, _ to: String?, status: VisitStatus = .planned) -> Visit {
        let v = Visit()
        v.timeFrom = from
        v.timeTo = to
        v.status = status.rawValue
        return v
    }

    @Test func test_the_morning_window_comes_first_and_every_stop_has_its_time() {
        // The demo day's complaint: a 10:00–12:00 reader came fourth, after a 14:00–17:00 one
        // who lives nearer the branch.
        let visits = [Self.visit("14:00", "17:00"), Self.visit("10:00", "12:00"), Self.visit(nil, nil), Self.visit("09:00", "18:00", status: .done)]
        let points: [GeoPoint?] = [
            GeoPoint(latitude: 50.411, longitude: 80.231), GeoPoint(latitude: 50.43, longitude: 80.26), GeoPoint(latitude: 50.415, longitude: 80.24),
            nil,
        ]
        let placed = RunPlan.place(visits, points: points, start: Self.branch, carrier: nil, hours: 9 * 60...18 * 60, now: nil)
        // The morning window before the afternoon one; the stop without coordinates last.
        #expect(placed.order.firstIndex(of: 1)! < placed.order.firstIndex(of: 0)!)
        #expect(placed.order.last == 3)
        #expect(Set(placed.order) == [0, 1, 2, 3] && placed.order.count == 4)
        #expect(placed.late.isEmpty)
        // Arrivals within the windows, and none for the recorded stop.
        #expect((10 * 60...12 * 60).contains(placed.arrival[1]!))
        #expect((14 * 60...17 * 60).contains(placed.arrival[0]!))
        #expect(placed.arrival[3] == nil)
    }

    @Test func test_a_carrier_who_fell_behind_sees_the_lost_window() {
        let visits = [Self.visit("10:00", "12:00"), Self.visit("14:00", "17:00")]
        let points: [GeoPoint?] = [GeoPoint(latitude: 50.43, longitude: 80.26), GeoPoint(latitude: 50.411, longitude: 80.231)]
        // Opened at 12:30: the morning reader can no longer be reached in time, the other can.
        let placed = RunPlan.place(visits, points: points, start: Self.branch, carrier: nil, hours: 9 * 60...18 * 60, now: 12 * 60 + 30)
        #expect(placed.late == [0])
        // Flagged in place: the numbers of the day's stops do not change.
        let morning = RunPlan.place(visits, points: points, start: Self.branch, carrier: nil, hours: 9 * 60...18 * 60, now: nil)
        #expect(placed.order == morning.order && morning.order == [0, 1] && morning.late.isEmpty)
        #expect(placed.arrival[0] == nil && (14 * 60...17 * 60).contains(placed.arrival[1]!))
        // Without a start point nothing can be timed: the plain order, no flags.
        let plain = RunPlan.place(visits, points: points, start: nil, carrier: nil, hours: 9 * 60...18 * 60, now: nil)
        #expect(plain.arrival.isEmpty && plain.late.isEmpty && Set(plain.order) == [0, 1])
    }
}
