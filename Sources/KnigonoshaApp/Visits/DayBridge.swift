import Scheduling

extension LocalDate {
    /// The same day for the pure scheduling code.
    var schedulingDay: Day { Day(year: year, month: month, day: day) }

    init(_ d: Day) {
        let c = d.components
        self.init(year: c.year, month: c.month, day: c.day)
    }

    func adding(days: Int) -> LocalDate { LocalDate(schedulingDay.adding(days: days)) }
}
