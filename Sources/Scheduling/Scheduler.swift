/// How often a reader is visited.
public enum Rhythm: String, Sendable, CaseIterable {
    case weekly, biweekly, monthly, onRequest = "on_request"

    /// The day one step of this rhythm after `d` (a month for readers served on request).
    public func next(after d: Day) -> Day { Scheduler.step(d, self, 1) }

    /// The step from one visit to the next, in days, for the rhythms counted in weeks.
    var days: Int? {
        switch self {
        case .weekly: 7
        case .biweekly: 14
        case .monthly, .onRequest: nil
        }
    }
}

/// What the planner needs to know about one reader.
public struct ReaderRhythm: Sendable {
    public var rhythm: Rhythm
    /// ISO weekdays the reader prefers (1 = Monday); empty means any working day.
    public var weekdays: Set<Int>
    /// Dates on which no visit may be planned, inclusive (a stay in hospital, a summer away).
    public var pauses: [ClosedRange<Day>]
    /// The last visit that was done.
    public var lastDone: Day?
    /// A date the coordinator set for the next visit; it replaces the computed one.
    public var nextOverride: Day?

    public init(rhythm: Rhythm, weekdays: Set<Int> = [], pauses: [ClosedRange<Day>] = [], lastDone: Day? = nil, nextOverride: Day? = nil) {
        self.rhythm = rhythm
        self.weekdays = weekdays
        self.pauses = pauses
        self.lastDone = lastDone
        self.nextOverride = nextOverride
    }
}

/// Turns a reader's rhythm into visit dates. Pure, so that the rules can be tested day by day:
/// the next date follows the last visit done (or the coordinator's override), lands on a preferred
/// weekday, skips pauses, and moves off weekends and holidays to the next working day.
public enum Scheduler {
    /// The next visit on or after `from`: the override if there is one, else one step after the
    /// last visit done, else `from` itself; then moved to a date a visit can happen on.
    public static func nextVisit(_ r: ReaderRhythm, from: Day, holidays: Set<Day>) -> Day? {
        guard r.rhythm != .onRequest else { return r.nextOverride }
        return settle(due(r, from: from), r, holidays)
    }

    /// The date the next visit is due before it is moved to a preferred weekday or off a holiday.
    static func due(_ r: ReaderRhythm, from: Day) -> Day {
        if let o = r.nextOverride { return max(o, from) }
        return max(r.lastDone.map { step($0, r.rhythm, 1) } ?? from, from)
    }

    /// Every planned visit date in `from...until`, in order; none for readers served on request.
    public static func plan(_ r: ReaderRhythm, from: Day, until: Day, holidays: Set<Day>) -> [Day] {
        guard r.rhythm != .onRequest else { return [] }
        let anchor = due(r, from: from)
        var out: [Day] = []
        // Each visit is counted from the first due date, not from the one before it as moved off a
        // weekend or holiday, so that one holiday does not shift every later visit.
        for k in 0..<400 {
            guard let day = settle(step(anchor, r.rhythm, k), r, holidays), day <= until else { break }
            if out.last.map({ $0 < day }) ?? true { out.append(day) }
        }
        return out
    }

    /// `d` moved on by `k` steps of the rhythm.
    static func step(_ d: Day, _ rhythm: Rhythm, _ k: Int) -> Day {
        if let n = rhythm.days { return d.adding(days: n * k) }
        return d.adding(months: k)
    }

    /// The first day on or after `d` that is a preferred weekday and outside every pause, moved off
    /// a holiday; nil if none within a year (a reader paused for longer).
    static func settle(_ d: Day, _ r: ReaderRhythm, _ holidays: Set<Day>) -> Day? {
        var day = d
        for _ in 0..<366 {
            if let pause = r.pauses.first(where: { $0.contains(day) }) {
                day = pause.upperBound.adding(days: 1)
                continue
            }
            // Without a preference any weekday will do; a reader may prefer a Saturday.
            let preferred = r.weekdays.isEmpty ? !day.isWeekend : r.weekdays.contains(day.weekday)
            if preferred {
                // A preferred day that is a holiday moves to the next working day, whatever its weekday.
                return holidays.contains(day) ? nextWorkingDay(after: day, r, holidays) : day
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    static func nextWorkingDay(after d: Day, _ r: ReaderRhythm, _ holidays: Set<Day>) -> Day? {
        var day = d.adding(days: 1)
        for _ in 0..<30 {
            if !day.isWeekend && !holidays.contains(day) && !r.pauses.contains(where: { $0.contains(day) }) { return day }
            day = day.adding(days: 1)
        }
        return nil
    }
}
