/// The birth date an anonymised reader keeps for the statistics: as little as keeps every age
/// band the reports have counted or will count for the reader's service unchanged.
///
/// The reports count a reader in the age band of their age on a period's last day. Over the
/// window from the reader's first service to the end of this year, that band either changes (a
/// birthday crossed a band's edge, and the exact date decides on which day) or does not (then
/// any date in the same band across the whole window will do, and 1 January of a year does).
enum StatisticalBirthDate {
    /// The first age of each band after the first: 15, 31 and 60 (see `AgeBand`).
    static let bandEdges = [15, 31, 60]

    static func generalise(_ birth: LocalDate?, from: LocalDate, through: LocalDate) -> LocalDate? {
        guard let birth, from <= through else { return birth }
        // An edge crossed inside the window: the exact day is what the figures depend on.
        for edge in bandEdges where from < birthday(birth, year: birth.year + edge) && birthday(birth, year: birth.year + edge) <= through {
            return birth
        }
        guard birth.years(until: from) >= 0 else { return birth }
        let (lo, hi) = band(of: birth.years(until: from))
        // With a 1 January birthday the age on any day is that day's year minus the birth year.
        let earliest = hi.map { through.year - $0 } ?? Int.min
        let latest = from.year - lo
        guard earliest <= latest else { return birth }
        return LocalDate(year: min(max(birth.year, earliest), latest), month: 1, day: 1)
    }

    /// The first day of `year` on which the age counts the year (29 February: 1 March, as
    /// `LocalDate.years(until:)` counts it).
    static func birthday(_ birth: LocalDate, year: Int) -> LocalDate {
        if birth.day > LocalDate.daysIn(month: birth.month, year: year) { return LocalDate(year: year, month: birth.month + 1, day: 1) }
        return LocalDate(year: year, month: birth.month, day: birth.day)
    }

    /// The band's first and last age (no last age for the oldest band).
    private static func band(of age: Int) -> (Int, Int?) {
        var lo = 0
        for edge in bandEdges {
            if age < edge { return (lo, edge - 1) }
            lo = edge
        }
        return (lo, nil)
    }
}
