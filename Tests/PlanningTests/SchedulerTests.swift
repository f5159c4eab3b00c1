import Scheduling
import Testing

@Suite struct DayTests {
    @Test func roundTripsAndWeekdays() {
        #expect(Day(iso: "2026-11-30")?.weekday == 1)  // a Monday
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2024-02-29")?.adding(days: 1).iso == "2024-03-01")
        #expect(Day(iso: "2026-01-31")?.adding(months: 1).iso == "2026-02-28")
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-1-30") == nil)
        #expect(Day(iso: "2026-12-03")?.weekStart.iso == "2026-11-30")
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) {
            let d = Day(ordinal: ordinal)
            #expect(Day(iso: d.iso) == d || d.components.year < 1000)
        }
    }
}

@Suite struct SchedulerTests {
    let monday = Day(iso: "2026-11-30")!

    @Test func weeklyOnPreferredWeekdays() {
        let r = ReaderRhythm(rhythm: .weekly, weekdays: [3])  // Wednesdays
        let days = Scheduler.plan(r, from: monday, until: monday.adding(days: 27), holidays: [])
        #expect(days.map(\.iso) == ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23"])
    }

    @Test func nextVisitFollowsTheLastDoneAndTheOverrideWins() {
        var r = ReaderRhythm(rhythm: .biweekly, weekdays: [], lastDone: Day(iso: "2026-11-25"))
        #expect(Scheduler.nextVisit(r, from: monday, holidays: [])?.iso == "2026-12-09")
        r.nextOverride = Day(iso: "2026-12-04")
        #expect(Scheduler.nextVisit(r, from: monday, holidays: [])?.iso == "2026-12-04")
        r.rhythm = .onRequest
        r.nextOverride = nil
        #expect(Scheduler.nextVisit(r, from: monday, holidays: []) == nil)
        #expect(Scheduler.plan(r, from: monday, until: monday.adding(days: 60), holidays: []).isEmpty)
    }

    @Test func holidaysMoveToTheNextWorkingDayWithoutShiftingLaterVisits() {
        // 16 December 2026 (Independence Day) is a Wednesday.
        let holidays = Set(KazakhstanHolidays.days(in: 2026).map(\.day))
        let r = ReaderRhythm(rhythm: .weekly, weekdays: [3])
        let days = Scheduler.plan(r, from: Day(iso: "2026-12-09")!, until: Day(iso: "2026-12-31")!, holidays: holidays)
        #expect(days.map(\.iso) == ["2026-12-09", "2026-12-17", "2026-12-23", "2026-12-30"])
        // A Friday holiday moves to Monday.
        let friday = ReaderRhythm(rhythm: .weekly, weekdays: [5])
        let may = Scheduler.plan(friday, from: Day(iso: "2026-05-01")!, until: Day(iso: "2026-05-05")!, holidays: holidays)
        #expect(may.map(\.iso) == ["2026-05-04"])
    }

    @Test func pausesAreSkipped() {
        let pause = Day(iso: "2026-12-05")!...Day(iso: "2026-12-20")!
        let r = ReaderRhythm(rhythm: .weekly, weekdays: [1], pauses: [pause])
        let days = Scheduler.plan(r, from: monday, until: Day(iso: "2026-12-31")!, holidays: [])
        #expect(days.map(\.iso) == ["2026-11-30", "2026-12-21", "2026-12-28"])
    }

    @Test func monthlyKeepsTheDayOfMonthAndNoWeekends() {
        let r = ReaderRhythm(rhythm: .monthly, weekdays: [])
        let days = Scheduler.plan(r, from: Day(iso: "2026-01-31")!, until: Day(iso: "2026-05-31")!, holidays: [])
        // 31 Jan 2026 is a Saturday: Monday 2 Feb; then 28 Feb (Sat) → 2 Mar; 31 Mar; 30 Apr; …
        #expect(days.map(\.iso) == ["2026-02-02", "2026-03-02", "2026-03-31", "2026-04-30"])
        #expect(days.allSatisfy { !$0.isWeekend })
    }
}
