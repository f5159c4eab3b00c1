/// The week's plan: a route per carrier and working day, and the visits that could not be placed,
/// each with the reason.
public struct WeekPlan: Sendable, Equatable {
    public struct Stop: Sendable, Equatable {
        public var visitID: String
        /// Seconds from midnight.
        public var arrival: Int
        public var serviceStart: Int
    }

    public struct Route: Sendable, Equatable {
        public var carrierID: String
        public var day: Int
        public var stops: [Stop]
        public var departure: Int
        public var returnTime: Int
        public var travelSeconds: Int
    }

    public struct Unplaced: Sendable, Equatable {
        public var visitID: String
        public var reason: UnplacedReason
    }

    /// Routes with at least one stop, by carrier then day.
    public var routes: [Route]
    public var unplaced: [Unplaced]
    public var travelSeconds: Int
    /// Visits served by someone other than the reader's carrier of record.
    public var continuityBreaks: Int
    /// Minutes at the door per carrier id over the week.
    public var doorMinutes: [String: Int]
    /// Travel plus the continuity and imbalance penalties, in seconds.
    public var objective: Double
    public var iterations: Int
    public var seconds: Double
}

/// Why a visit is not in the plan.
public enum UnplacedReason: String, Sendable, Equatable, CustomStringConvertible {
    /// No carrier works on any day the visit may take place (or the pinned carrier is absent).
    case noCarrierOnAllowedDays
    /// It carries more items than the bag of any carrier who could go.
    case moreItemsThanAnyBag
    /// Even alone, no carrier who could go reaches the reader within the window and gets back
    /// within their hours.
    case windowOutsideCarrierHours
    /// It would fit on its own, but the days of the carriers who could go are full.
    case noTimeLeft

    public var description: String {
        switch self {
        case .noCarrierOnAllowedDays: return "no carrier works on the days this visit may take place"
        case .moreItemsThanAnyBag: return "more items than any available carrier's bag holds"
        case .windowOutsideCarrierHours: return "the reader's window cannot be reached within any available carrier's hours"
        case .noTimeLeft: return "the available carriers' days are full"
        }
    }
}
