/// A carrier as the week's plan sees them: where their day starts and ends, how they travel, how
/// much their bag holds, and their hours on each day of the week (nil: not working, absent).
public struct WeekCarrier: Sendable, Equatable {
    public var id: String
    public var start: GeoPoint
    public var end: GeoPoint
    public var mode: TravelMode
    public var bagCapacity: Int
    /// Per day of the planned week: working hours in minutes from midnight, or nil.
    public var hours: [ClosedRange<Int>?]

    public init(id: String, start: GeoPoint, end: GeoPoint? = nil, mode: TravelMode, bagCapacity: Int, hours: [ClosedRange<Int>?]) {
        self.id = id
        self.start = start
        self.end = end ?? start
        self.mode = mode
        self.bagCapacity = bagCapacity
        self.hours = hours
    }
}

/// A visit to plan: the reader's place and window, the time at the door, the items carried, the
/// days it may take place on and the coordinator's pins.
public struct WeekVisit: Sendable, Equatable {
    public var id: String
    public var location: GeoPoint
    /// The reader's window in minutes from midnight; the same on every allowed day.
    public var windowStart: Int
    public var windowEnd: Int
    public var serviceMinutes: Int
    public var items: Int
    /// Days of the week (0-based) it may take place on: its own date alone unless the reader
    /// allows several weekdays.
    public var days: [Int]
    /// The reader's carrier of record, kept when possible.
    public var preferredCarrier: String?
    public var pinnedCarrier: String?
    public var pinnedDay: Int?
    /// The day it is planned on now, when it has one: moving it elsewhere costs the settings'
    /// day-change price, so a tie keeps the reader's date.
    public var currentDay: Int?

    public init(
        id: String, location: GeoPoint, windowStart: Int, windowEnd: Int, serviceMinutes: Int = 20, items: Int = 1, days: [Int],
        preferredCarrier: String? = nil, pinnedCarrier: String? = nil, pinnedDay: Int? = nil, currentDay: Int? = nil
    ) {
        self.id = id
        self.location = location
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.serviceMinutes = serviceMinutes
        self.items = items
        self.days = days
        self.preferredCarrier = preferredCarrier
        self.pinnedCarrier = pinnedCarrier
        self.pinnedDay = pinnedDay
        self.currentDay = currentDay
    }
}

/// The library's settings for the week's objective, in minutes of travel they are worth.
public struct WeekSettings: Sendable, Equatable {
    /// Price of serving a visit with a carrier other than the reader's own.
    public var continuityPenaltyMinutes: Double
    /// Price of a carrier's week being one hour away from their fair share of minutes at the door,
    /// growing with the square of the distance (two hours cost four times as much).
    public var imbalancePenaltyMinutesPerHourSquared: Double
    /// Street distance over great-circle distance.
    public var detourFactor: Double
    /// Price of moving a visit off its current day: readers plan around their date, so a day
    /// changes only for a real saving.
    public var dayChangePenaltyMinutes: Double
    /// Measured travel times per travel mode name, replacing the estimate for that mode. Places are
    /// visit ids and `start:<carrier id>` / `end:<carrier id>`.
    public var travelTables: [String: TravelTable]

    public init(
        continuityPenaltyMinutes: Double = 15, imbalancePenaltyMinutesPerHourSquared: Double = 10, detourFactor: Double = 1.3,
        dayChangePenaltyMinutes: Double = 0, travelTables: [String: TravelTable] = [:]
    ) {
        self.dayChangePenaltyMinutes = dayChangePenaltyMinutes
        self.continuityPenaltyMinutes = continuityPenaltyMinutes
        self.imbalancePenaltyMinutesPerHourSquared = imbalancePenaltyMinutesPerHourSquared
        self.detourFactor = detourFactor
        self.travelTables = travelTables
    }
}

/// A field of the week's input that makes no sense, named for the form that shows it.
public enum WeekPlanError: Error, Equatable, CustomStringConvertible {
    case invalidField(_ field: String, _ reason: String)

    public var description: String {
        switch self {
        case .invalidField(let field, let reason): return "\(field): \(reason)"
        }
    }
}
