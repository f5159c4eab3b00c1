import Fluent
import Routing
import Vapor

/// A branch's week as the planner sees it (issue 15, §2): the week's visits with their readers, and
/// the branch's carriers with their hours, absences, checks and travel. It says which visits can
/// be planned and why the others cannot, so the page never leaves one out without a word.
struct WeekInput {
    let branch: Branch
    let monday: LocalDate
    /// The first day the plan may change: tomorrow when the week holds today. Past days are history,
    /// and today's run is on its way (its sheets are printed; found by a new user's try).
    let firstDay: LocalDate
    let today: LocalDate
    /// The week's visits that are not moved or cancelled, by day and time, with reader and carrier.
    let visits: [Visit]
    /// The reader's weekdays (ISO 1 = Monday) when they allow more than one.
    let readerDays: [UUID: Set<Int>]
    /// How many of the week's visits each reader has.
    let visitsPerReader: [UUID: Int]
    let carriers: [User]
    /// Minutes from midnight by carrier and ISO weekday; a carrier without hours works Monday to
    /// Friday, 9:00–18:00, as everywhere else in the service.
    let hours: [UUID: [Int: ClosedRange<Int>]]
    let absences: Absences
    let blocks: Bool
    let holidays: Set<String>
    let settings: DeliverySettings

    var sunday: LocalDate { monday.adding(days: 6) }

    /// The Monday of the week that holds `day`.
    static func monday(of day: LocalDate) -> LocalDate { day.adding(days: 1 - day.schedulingDay.weekday) }

    static func load(branch: Branch, week day: LocalDate, today: LocalDate, on db: any Database) async throws -> WeekInput {
        let monday = monday(of: day)
        let sunday = monday.adding(days: 6)
        let visits = try await Visit.query(on: db).filter(\.$branch.$id == branch.id!)
            .filter(\.$scheduledOn >= monday.iso).filter(\.$scheduledOn <= sunday.iso)
            .filter(\.$status !~ [VisitStatus.rescheduled.rawValue, VisitStatus.cancelled.rawValue])
            .with(\.$reader).with(\.$carrier).sort(\.$scheduledOn).sort(\.$timeFrom).all()
        let readerIDs = Array(Set(visits.map { $0.$reader.id }))
        var readerDays: [UUID: Set<Int>] = [:]
        if !readerIDs.isEmpty {
            let tags = try await ReaderTag.query(on: db).filter(\.$reader.$id ~~ readerIDs).filter(\.$kind == .weekday).all()
            for t in tags {
                guard let code = Weekday(rawValue: t.value), let n = Weekday.allCases.firstIndex(of: code) else { continue }
                readerDays[t.$reader.id, default: []].insert(n + 1)
            }
        }
        let carriers = try await User.query(on: db).filter(\.$role == .carrier).filter(\.$isActive == true)
            .filter(\.$branch.$id == branch.id!).sort(\.$fullName).all()
        var hours: [UUID: [Int: ClosedRange<Int>]] = [:]
        if !carriers.isEmpty {
            for h in try await CarrierHours.query(on: db).filter(\.$user.$id ~~ carriers.map { $0.id! }).all() {
                guard let from = RunPlan.minutes(h.timeFrom), let to = RunPlan.minutes(h.timeTo), from < to else { continue }
                hours[h.$user.id, default: [:]][h.weekday] = from...to
            }
        }
        let holidays = try await Holiday.query(on: db).filter(\.$day >= monday.iso).filter(\.$day <= sunday.iso).all()
        let settings = try await DeliverySettings.load(on: db)
        return WeekInput(
            branch: branch, monday: monday, firstDay: max(monday, today.adding(days: 1)), today: today, visits: visits,
            readerDays: readerDays.filter { $0.value.count > 1 },
            visitsPerReader: visits.reduce(into: [:]) { $0[$1.$reader.id, default: 0] += 1 },
            carriers: carriers, hours: hours, absences: try await Absences.all(on: db), blocks: settings.expiredCheckBlocks,
            holidays: Set(holidays.map(\.day)), settings: settings)
    }

    /// A carrier's hours on a day, or nil when they do not work, are away, or (with the library's
    /// rule on) their certificate has run out by then.
    func shift(_ carrier: User, on day: LocalDate) -> ClosedRange<Int>? {
        let weekday = day.schedulingDay.weekday
        let own = hours[carrier.id!]
        let worked: ClosedRange<Int>? = own == nil ? (weekday <= 5 ? 9 * 60...18 * 60 : nil) : own?[weekday]
        guard let worked, !absences.isAway(carrier.id!, on: day.iso) else { return nil }
        if blocks, let until = carrier.certificateUntil, day.iso > until { return nil }
        return worked
    }

    /// Whether the plan may move or reassign the visit: open and not started, from tomorrow on.
    func isPlannable(_ v: Visit) -> Bool { v.visitStatus == .planned && v.scheduledOn >= firstDay.iso }

    /// The days (0 = Monday) a visit may take: its own, or, when the reader allows several weekdays
    /// and the day is not pinned, each of those after today this week that is not a holiday (today's
    /// run is already packed).
    func allowedDays(_ v: Visit) -> [Int] {
        let own = v.day.schedulingDay.ordinal - monday.schedulingDay.ordinal
        // A reader with two visits this week keeps both days: moving one could put them together.
        guard v.pinDay != true, let weekdays = readerDays[v.$reader.id], visitsPerReader[v.$reader.id, default: 0] < 2 else { return [own] }
        let others = (0..<7).filter { d in
            let day = monday.adding(days: d)
            return d != own && day > today && weekdays.contains(d + 1) && !holidays.contains(day.iso)
        }
        return ([own] + others).sorted()
    }
}
