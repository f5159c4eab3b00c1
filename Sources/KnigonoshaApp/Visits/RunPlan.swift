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

    /// The day's plan orders every stop with coordinates, recorded or not, so that a stop keeps its
    /// number through the day (a printed sheet stays right); the times of the open ones are then
    /// worked out along that order from now, and a window that can no longer be reached is flagged
    /// in place. The solver stops at its iteration limit well before its time limit, so the same
    /// day gives the same order on every load.
    static func place(
        _ visits: [Visit], points: [GeoPoint?], start: GeoPoint?, carrier: User?, hours: ClosedRange<Int>, now: Int?
    ) -> Placed {
        let located = visits.indices.filter { points[$0] != nil }
        let unlocated = visits.indices.filter { points[$0] == nil }
        guard let start, !located.isEmpty else {
            // Nothing to time: the nearest-neighbour order the run always had.
            return Placed(order: RoutePlanner.order(start: start, stops: points), arrival: [:], late: [])
        }
        let stops = located.map { i in
            let v = visits[i]
            let ws = minutes(v.timeFrom) ?? hours.lowerBound
            let we = minutes(v.timeTo) ?? hours.upperBound
            return DayPlanner.Stop(
                id: String(i), location: points[i]!, windowStart: ws, windowEnd: max(ws, we), serviceMinutes: v.$reader.value?.visitMinutes ?? 20)
        }
        let mode = CarrierTravel.of(carrier).travelMode
        let planned: [Int]
        do {
            let plan = try DayPlanner.plan(start: start, mode: mode, hours: hours, stops: stops, detourFactor: CarrierTravel.detour, timeLimit: 0.2)
            let inPlan = (plan.routes.first?.stops ?? []).compactMap { Int($0.visitID) }
            planned = inPlan + located.filter { !inPlan.contains($0) }
        } catch {
            // The solver refuses a problem it cannot read (none here: the stops were checked); the
            // run keeps its plain order rather than fail the carrier's page.
            planned = RoutePlanner.order(start: start, stops: points).filter { points[$0] != nil }
        }
        // Along that order from now (or the start of the carrier's hours): where the carrier is is
        // the last stop recorded, and each open stop is reached at the mode's speed, no earlier
        // than its window opens, with the reader's usual minutes at the door (20 when not set).
        var clock = max(hours.lowerBound, now ?? hours.lowerBound)
        var here = start
        var arrival: [Int: Int] = [:]
        var late = Set<Int>()
        for i in planned {
            let v = visits[i]
            guard v.visitStatus.isOpen else {
                here = points[i]!
                continue
            }
            let reach = clock + mode.seconds(from: here, to: points[i]!, detour: CarrierTravel.detour) / 60
            let opens = minutes(v.timeFrom) ?? hours.lowerBound
            let closes = minutes(v.timeTo) ?? hours.upperBound
            let at = max(reach, opens)
            if at > closes {
                late.insert(i)
                continue
            }
            arrival[i] = at
            clock = at + (v.$reader.value?.visitMinutes ?? 20)
            here = points[i]!
        }
        return Placed(order: planned + unlocated, arrival: arrival, late: late)
    }
}
