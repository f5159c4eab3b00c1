import Fluent
import Vapor

/// The projects an annual report tells of: those that ran during the year at the branch (or
/// anywhere, for the whole library), with their presentations and awards.
enum AnnualReport {
    /// The year asked for, this year when none is; an unreadable or far one is an error at
    /// `year`, and this year is shown instead.
    static func year(_ raw: String?, today: LocalDate, into e: inout FieldErrors) -> Int {
        guard let raw else { return today.year }
        guard let year = Int(raw), (2000...2200).contains(year) else {
            e.add("year", "validation.range", ["min": "2000", "max": "2200"])
            return today.year
        }
        return year
    }

    /// The statistics' filter for a calendar year, at a branch or for the library.
    static func filter(year: Int, branch: String?) -> StatsFilter {
        StatsFilter(
            from: LocalDate(year: year, month: 1, day: 1).iso, to: LocalDate(year: year, month: 12, day: 31).iso, branch_id: branch)
    }

    static func projects(_ scope: StatsScope, today: LocalDate, on db: any Database) async throws -> [ProjectRecord] {
        var q = Project.query(on: db).filter(\.$startsOn <= scope.to.iso)
            .group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= scope.from.iso) }
        if let b = scope.branchID { q = q.filter(\.$branch.$id == b) }
        var out: [ProjectRecord] = []
        for p in try await q.sort(\.$name).all() { out.append(try await ProjectRecord.load(p, today: today, on: db)) }
        return out
    }
}
