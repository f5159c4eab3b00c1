/// Re-optimises one carrier's day when their run sheet opens: 4 to 15 stops, one route, windows
/// respected when possible. It is the week's solver on a week of one carrier and one day, with a
/// budget small enough for a page load.
public enum DayPlanner {
    public struct Stop: Sendable, Equatable {
        public var id: String
        public var location: GeoPoint
        public var windowStart: Int
        public var windowEnd: Int
        public var serviceMinutes: Int

        public init(id: String, location: GeoPoint, windowStart: Int, windowEnd: Int, serviceMinutes: Int = 20) {
            self.id = id
            self.location = location
            self.windowStart = windowStart
            self.windowEnd = windowEnd
            self.serviceMinutes = serviceMinutes
        }
    }

    /// The stops in order with expected times, and those that cannot be served within their
    /// windows (the run page lists them to be rearranged by hand).
    public static func plan(
        start: GeoPoint, end: GeoPoint? = nil, mode: TravelMode, hours: ClosedRange<Int>, stops: [Stop], detourFactor: Double = 1.3,
        iterations: Int = 150, timeLimit: Double = 0.025, seed: UInt64 = 1
    ) throws(WeekPlanError) -> WeekPlan {
        let carrier = WeekCarrier(id: "carrier", start: start, end: end, mode: mode, bagCapacity: Int.max / 4, hours: [hours])
        let visits = stops.map {
            WeekVisit(
                id: $0.id, location: $0.location, windowStart: $0.windowStart, windowEnd: $0.windowEnd, serviceMinutes: $0.serviceMinutes, days: [0])
        }
        // A small population: a single route needs little diversity, and the page needs speed.
        let options = SolverOptions(
            seed: seed, timeLimit: timeLimit, iterationLimit: iterations, neighbours: 15, minimumPopulation: 5, generationSize: 10)
        return try WeekPlanner.plan(
            carriers: [carrier], visits: visits,
            settings: WeekSettings(continuityPenaltyMinutes: 0, imbalancePenaltyMinutesPerHourSquared: 0, detourFactor: detourFactor),
            options: options)
    }
}
