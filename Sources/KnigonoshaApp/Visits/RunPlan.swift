import Fluent
import Routing
import Vapor

/// The order of a carrier's day and each stop's expected arrival (issue 15, §3). Open stops with
/// coordinates are planned by `DayPlanner` against the readers' windows, from the carrier's start
/// point (the branch when none), at their travel mode's speed, within their hours; on the day
/// itself, from now, so that a carrier who has fallen behind sees which windows are lost. Stops
/// already recorded come first, those that can no longer be reached within their window after the
/// planned ones, and those without coordinates last.
enum RunPlan {
    struct Placed {
        /// Indices into the day's visits, in visiting order.
        var order: [Int]
        /// Expected arrival, minutes from midnight, by visit index.
        var arrival: [Int: Int]
        /// Open stops with coordinates that cannot be reached within their window.
        var late: Set<Int>
    }

    /// The reader's window in minutes; the carrier's hours when the visit has none.
    static func minutes(_ hhmm: String?) -> Int? {
        guard let hhmm else { return nil }
        let parts = hhmm.split(separator: ":")
        guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return h * 60 + m
    }

    static func place(
        _ visits: [Visit], points: [GeoPoint?], start: GeoPoint?, carrier: User?, hours: ClosedRange<Int>, now: Int?
    ) -> Placed {
        let closed = visits.indices.filter { !visits[$0].visitStatus.isOpen }.sorted { (visits[$0].timeFrom ?? "") < (visits[$1].timeFrom ?? "") }
        let open = visits.indices.filter { visits[$0].visitStatus.isOpen }
        let located = open.filter { points[$0] != nil }
        let unlocated = open.filter { points[$0] == nil }
        guard let start, !located.isEmpty else {
            // Nothing to time: the nearest-neighbour order the run always had.
            let order = RoutePlanner.order(start: start, stops: points)
            return Placed(order: closed + order.filter { !closed.contains($0) }, arrival: [:], late: [])
        }
        // From now on the day itself, never before the carrier's hours begin.
        let from = max(hours.lowerBound, now ?? hours.lowerBound)
        let day = from...max(from, hours.upperBound)
        let stops = located.map { i in
            let v = visits[i]
            let ws = minutes(v.timeFrom) ?? day.lowerBound
            let we = minutes(v.timeTo) ?? day.upperBound
            return DayPlanner.Stop(id: String(i), location: points[i]!, windowStart: ws, windowEnd: max(ws, we))
        }
        let mode = [CarrierTravel.foot: TravelMode.onFoot, .bus: .bus, .car: .car][
            carrier?.travelMode.flatMap(CarrierTravel.init(rawValue:)) ?? .foot]!
        let plan: WeekPlan
        do {
            plan = try DayPlanner.plan(start: start, mode: mode, hours: day, stops: stops)
        } catch {
            // The solver refuses a problem it cannot read (none here: the stops were checked); the
            // run keeps its plain order rather than fail the carrier's page.
            let order = RoutePlanner.order(start: start, stops: points)
            return Placed(order: closed + order.filter { !closed.contains($0) }, arrival: [:], late: [])
        }
        let route = plan.routes.first?.stops ?? []
        let planned = route.compactMap { Int($0.visitID) }
        var arrival: [Int: Int] = [:]
        for s in route { if let i = Int(s.visitID) { arrival[i] = max(s.arrival, s.serviceStart) / 60 } }
        let late = located.filter { !planned.contains($0) }
        return Placed(order: closed + planned + late + unlocated, arrival: arrival, late: Set(late))
    }
}
