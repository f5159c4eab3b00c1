import Fluent
import Scheduling
import Vapor

/// Turns readers' rhythms into planned visits up to a horizon, and assigns carriers. Running it
/// again plans nothing twice: a reader who already has a visit near a date keeps it.
enum VisitPlanner {
    struct Result: Sendable, Equatable {
        var created = 0
        var readers = 0
        /// Active readers left out because their consent to the processing of personal data ends
        /// before the period (law 94-V: without consent there is nothing to process).
        var withoutConsent = 0
    }

    /// Plans visits from `from` to `until` for the active readers of `branchID` (all branches when nil).
    static func plan(branchID: UUID?, from: LocalDate, until: LocalDate, by user: CurrentUser?, on db: any Database) async throws -> Result {
        let holidays = try await Holidays.days(on: db)
        var query = Reader.query(on: db).filter(\.$status == ReaderStatus.active.rawValue).with(\.$tags)
        if let branchID { query = query.filter(\.$branch.$id == branchID) }
        let readers = try await query.all()
        let readerIDs = readers.compactMap(\.id)
        let visits = readerIDs.isEmpty ? [] : try await Visit.query(on: db).filter(\.$reader.$id ~~ readerIDs).all()
        var lastDone: [UUID: Day] = [:]
        var taken: [UUID: [Day]] = [:]
        for v in visits {
            guard let d = Day(iso: v.scheduledOn) else { continue }
            if v.visitStatus == .done { lastDone[v.$reader.id] = max(lastDone[v.$reader.id] ?? d, d) }
            if v.visitStatus != .cancelled && v.visitStatus != .rescheduled { taken[v.$reader.id, default: []].append(d) }
        }
        let carriers = try await CarrierPool.load(on: db)
        let done = lastDone
        let alreadyTaken = taken
        return try await BusyRetry.run {
            try await db.transaction { tx in
                var result = Result()
                var taken = alreadyTaken
                for reader in readers {
                    // No visit is planned past the end of the reader's consent (issue 19, finding 8).
                    if let end = reader.consentUntil, end < from.iso {
                        result.withoutConsent += 1
                        continue
                    }
                    if let withdrawn = reader.consentWithdrawnOn, withdrawn <= from.iso {
                        result.withoutConsent += 1
                        continue
                    }
                    let rhythm = Self.rhythm(reader, lastDone: done[reader.id!])
                    // A reader registered today is not visited today: the carrier and the books need
                    // a day, so the first visit is on a working day after registration (issue 12, 7).
                    let registered = Day(iso: reader.registeredOn).map { $0.adding(days: 1) }
                    let start = max(from.schedulingDay, registered ?? from.schedulingDay)
                    let days = Scheduler.plan(rhythm, from: start, until: until.schedulingDay, holidays: holidays)
                        .filter { day in reader.hasConsent(on: day.iso) }
                    // Half the rhythm's step: a visit that close to a planned date already covers it.
                    let near = rhythm.rhythm == .weekly ? 3 : 6
                    var planned = 0
                    for day in days where !(taken[reader.id!] ?? []).contains(where: { abs($0.ordinal - day.ordinal) <= near }) {
                        let visit = Visit()
                        visit.$reader.id = reader.id!
                        visit.$branch.id = reader.$branch.id
                        visit.scheduledOn = day.iso
                        visit.timeFrom = reader.timeFrom
                        visit.timeTo = reader.timeTo
                        visit.kind = VisitKind.planned.rawValue
                        visit.status = VisitStatus.planned.rawValue
                        visit.$carrier.id = try await carriers.pick(branchID: reader.$branch.id, day: day, preferred: reader.carrierID, on: tx)
                        try await visit.create(on: tx)
                        try await VisitEvent(visitID: visit.id!, user: user, kind: "created", from: nil, to: day.iso).create(on: tx)
                        taken[reader.id!, default: []].append(day)
                        planned += 1
                    }
                    if planned > 0 {
                        result.created += planned
                        result.readers += 1
                    }
                    // The override is used once: it placed the next visit.
                    if planned > 0, reader.nextVisitOn != nil {
                        reader.nextVisitOn = nil
                        try await reader.save(on: tx)
                    }
                }
                return result
            }
        }
    }

    /// The reader's rhythm for the scheduler, from the record and the tags.
    static func rhythm(_ reader: Reader, lastDone: Day?) -> ReaderRhythm {
        let weekdays = Set(
            reader.tags.filter { $0.kind == .weekday }.compactMap { tag in Weekday.allCases.firstIndex { $0.rawValue == tag.value }.map { $0 + 1 } })
        var pauses: [ClosedRange<Day>] = []
        if let from = reader.pauseFrom.flatMap(Day.init(iso:)) {
            let until = reader.pauseUntil.flatMap(Day.init(iso:)) ?? from.adding(days: 3650)
            if from <= until { pauses.append(from...until) }
        }
        return ReaderRhythm(
            rhythm: Rhythm(rawValue: reader.frequency) ?? .monthly, weekdays: weekdays, pauses: pauses, lastDone: lastDone,
            nextOverride: reader.nextVisitOn.flatMap(Day.init(iso:)))
    }
}

/// The library's holiday list.
enum Holidays {
    /// Adds one holiday after checking the date (a real date, not in the list yet) and the name.
    static func add(day rawDay: String?, name rawName: String?, on db: any Database) async throws -> (Holiday?, FieldErrors) {
        var e = FieldErrors()
        var day: LocalDate?
        if let raw = e.text(rawDay, "day", required: true, max: 10) {
            day = LocalDate(raw)
            if day == nil { e.add("day", "validation.date") }
        }
        let name = e.text(rawName, "name", required: true, max: 100)
        if let day, try await Holiday.query(on: db).filter(\.$day == day.iso).count() > 0 { e.add("day", "settings.holiday_exists") }
        guard e.isEmpty, let day, let name else { return (nil, e) }
        let holiday = Holiday(day: day.iso, name: name)
        try await holiday.create(on: db)
        return (holiday, e)
    }

    static func days(on db: any Database) async throws -> Set<Day> {
        Set(try await Holiday.query(on: db).all().compactMap { Day(iso: $0.day) })
    }

    /// Adds Kazakhstan's fixed-date holidays of `year` that are not in the list yet; returns how many.
    static func addFixed(year: Int, names: @escaping @Sendable (String) -> String, on db: any Database) async throws -> Int {
        let existing = Set(try await Holiday.query(on: db).all().map(\.day))
        let missing = KazakhstanHolidays.days(in: year).filter { !existing.contains($0.day.iso) }
        try await db.transaction { tx in
            for (day, key) in missing { try await Holiday(day: day.iso, name: names(key)).create(on: tx) }
        }
        return missing.count
    }
}
