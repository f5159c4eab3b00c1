import Fluent
import SQLKit
import Vapor

/// The home-delivery figures the library reports, for one period and branch. Each is counted
/// in the database from the same rows its drill-down list shows (`StatsRows`).
struct DeliveryStats: Sendable {
    /// A labelled figure: a code from one of the breakdowns and its count.
    struct Count: Sendable, Equatable {
        var code: String
        var value: Int
    }

    struct Month: Sendable, Equatable {
        var month: String
        var readers = 0
        var visitsDone = 0
        var issued = 0
    }

    var scope: StatsScope
    var readersServed = 0
    var readersNew = 0
    var byDisability: [Count] = []
    var byAge: [Count] = []
    var visitsPlanned = 0
    var visitsDone = 0
    var visitsOpen = 0
    var visitsFailed = 0
    var failures: [Count] = []
    var issued = 0
    var byFormat: [Count] = []
    var byLanguage: [Count] = []
    var returned = 0
    var overdue = 0
    var byMonth: [Month] = []

    static func compute(_ scope: StatsScope, today: LocalDate, on db: any Database) async throws -> DeliveryStats {
        let sql = try db.sql
        var s = DeliveryStats(scope: scope)
        let served = try await StatsRows.servedReaders(scope, on: sql)
        s.readersServed = served.count
        s.readersNew = served.filter(\.isNew).count
        s.byDisability = DisabilityGroup.allCases.map { g in Count(code: g.rawValue, value: served.filter { $0.disability == g.rawValue }.count) }
        // Erased readers (`ReaderRemoval`) have no group left; a line of their own keeps the lines
        // adding up to the readers served, and appears only when there are some.
        let unknown = served.filter { DisabilityGroup(rawValue: $0.disability) == nil }.count
        if unknown > 0 { s.byDisability.append(Count(code: DisabilityGroup.unknownStored, value: unknown)) }
        s.byAge = AgeBand.allCases.map { b in Count(code: b.rawValue, value: served.filter { $0.age == b }.count) }
        try await s.countVisits(sql)
        try await s.countLoans(sql, today: today)
        try await s.countMonths(sql)
        return s
    }

    private mutating func countVisits(_ sql: any SQLDatabase) async throws {
        // Every status named, so that the (status, day, …, reason) index answers alone.
        var q: SQLQueryString = "SELECT v.status, v.reason, COUNT(*) AS n FROM visits v WHERE v.status IN ("
        for (i, s) in VisitStatus.allCases.enumerated() {
            if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
            q.appendInterpolation(bind: s.rawValue)
        }
        q.appendInterpolation(unsafeRaw: ") AND ")
        StatsRows.visitsIn(scope, into: &q)
        q.appendInterpolation(unsafeRaw: " GROUP BY v.status, v.reason")
        var failed: [String: Int] = [:]
        for row in try await sql.raw(q).all() {
            let status = try row.decode(column: "status", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            visitsPlanned += n
            if status == VisitStatus.done.rawValue { visitsDone += n }
            if VisitStatus(rawValue: status)?.isOpen == true { visitsOpen += n }
            if let code = VisitFailure.code(status: status, reason: try row.decode(column: "reason", as: String?.self)) {
                failed[code, default: 0] += n
                visitsFailed += n
            }
        }
        failures = VisitFailure.codes.map { Count(code: $0, value: failed[$0] ?? 0) }
    }

    private mutating func countLoans(_ sql: any SQLDatabase, today: LocalDate) async throws {
        // Counted per title first: far fewer rows to join with their records than loans.
        var q: SQLQueryString = "SELECT b.form, b.languages, CAST(SUM(x.n) AS BIGINT) AS n FROM (SELECT l.bib_id, COUNT(*) AS n FROM loans l"
        StatsRows.loansIn(scope, .issued, today: today, into: &q)
        q.appendInterpolation(unsafeRaw: " GROUP BY l.bib_id) x JOIN bib_records b ON b.id = x.bib_id GROUP BY b.form, b.languages")
        var forms: [String: Int] = [:]
        var languages: [String: Int] = [:]
        for row in try await sql.raw(q).all() {
            let n = try row.decode(column: "n", as: Int.self)
            issued += n
            forms[try row.decode(column: "form", as: String.self), default: 0] += n
            languages[StatsLanguage.code(try row.decode(column: "languages", as: String.self)), default: 0] += n
        }
        byFormat = StatsRows.formCodes.map { Count(code: $0, value: forms[$0] ?? 0) }
        byLanguage = MaterialLanguage.allCases.map { Count(code: $0.rawValue, value: languages[$0.rawValue] ?? 0) }
        returned = try await StatsRows.countLoans(scope, .returned, today: today, on: sql)
        overdue = try await StatsRows.countLoans(scope, .overdue, today: today, on: sql)
    }

    /// Readers, done visits and items issued per month of the period (at most 36 months).
    private mutating func countMonths(_ sql: any SQLDatabase) async throws {
        var months: [String: Month] = [:]
        for key in StatsScope.monthKeys(from: scope.from, to: scope.to) { months[key] = Month(month: key) }
        var q: SQLQueryString =
            "SELECT substr(v.scheduled_on, 1, 7) AS m, COUNT(*) AS n, COUNT(DISTINCT v.reader_id) AS r FROM visits v WHERE v.status = \(bind: VisitStatus.done.rawValue) AND "
        StatsRows.visitsIn(scope, into: &q)
        q.appendInterpolation(unsafeRaw: " GROUP BY substr(v.scheduled_on, 1, 7)")
        for row in try await sql.raw(q).all() {
            let key = try row.decode(column: "m", as: String.self)
            months[key]?.visitsDone = try row.decode(column: "n", as: Int.self)
            months[key]?.readers = try row.decode(column: "r", as: Int.self)
        }
        var l: SQLQueryString = "SELECT substr(l.issued_on, 1, 7) AS m, COUNT(*) AS n FROM loans l"
        StatsRows.loansIn(scope, .issued, today: scope.to, into: &l)
        l.appendInterpolation(unsafeRaw: " GROUP BY substr(l.issued_on, 1, 7)")
        for row in try await sql.raw(l).all() {
            months[try row.decode(column: "m", as: String.self)]?.issued = try row.decode(column: "n", as: Int.self)
        }
        byMonth = months.keys.sorted().compactMap { months[$0] }
    }
}
