import Fluent
import SQLKit
import Vapor

/// Computes the actual values of a project's indicators. The delivery figures cover the
/// project's period up to today, at its branch (the whole library when it has none); events and
/// participants count the events linked to the project that have taken place.
enum ProjectIndicators {
    static func scope(_ p: Project, today: LocalDate) -> StatsScope {
        let start = LocalDate(p.startsOn) ?? today
        let end = p.endsOn.flatMap(LocalDate.init).map { $0 < today ? $0 : today } ?? today
        return StatsScope(from: start, to: end < start ? start : end, branchID: p.$branch.id)
    }

    static func actuals(
        _ indicators: [ProjectIndicator], project: Project, events: [Event], today: LocalDate, on db: any Database
    ) async throws -> [UUID: Int] {
        guard !indicators.isEmpty else { return [:] }
        let metrics = Set(indicators.compactMap { IndicatorMetric(rawValue: $0.metric) })
        let scope = scope(project, today: today)
        var values: [IndicatorMetric: Int] = [:]
        let held = events.filter { $0.startsOn <= today.iso }
        values[.eventsHeld] = held.count
        values[.participants] = held.reduce(0) { $0 + $1.participantsTotal }
        if !metrics.isDisjoint(with: [.readersServed, .visitsDone, .itemsIssued]) {
            let sql = try db.sql
            if !metrics.isDisjoint(with: [.readersServed, .visitsDone]) {
                // Both from one read of the done visits.
                var q: SQLQueryString =
                    "SELECT COUNT(*) AS n, COUNT(DISTINCT v.reader_id) AS r FROM visits v WHERE v.status = \(bind: VisitStatus.done.rawValue) AND "
                StatsRows.visitsIn(scope, into: &q)
                let row = try await sql.raw(q).first()
                values[.visitsDone] = try row?.decode(column: "n", as: Int.self) ?? 0
                values[.readersServed] = try row?.decode(column: "r", as: Int.self) ?? 0
            }
            if metrics.contains(.itemsIssued) { values[.itemsIssued] = try await StatsRows.countLoans(scope, .issued, today: today, on: sql) }
        }
        if metrics.contains(.carrierHours) {
            // Carriers' hours with readers and on the way, whole hours (issue 15, §1: volunteer hours).
            let rows = try await CarrierHoursReport.build(from: scope.from, to: scope.to, branchID: scope.branchID, on: db)
            values[.carrierHours] = Int((Double(rows.reduce(0) { $0 + $1.total_minutes }) / 60).rounded())
        }
        var out: [UUID: Int] = [:]
        for i in indicators {
            let metric = IndicatorMetric(rawValue: i.metric) ?? .manual
            if let v = metric == .manual ? i.manualValue : values[metric] { out[i.id!] = v }
        }
        return out
    }
}
