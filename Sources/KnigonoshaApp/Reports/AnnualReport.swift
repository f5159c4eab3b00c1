import Fluent
import Vapor

/// The projects an annual report tells of: those that ran during the year at the branch (or
/// anywhere, for the whole library), with their presentations and awards.
enum AnnualReport {
    static func projects(_ scope: StatsScope, today: LocalDate, on db: any Database) async throws -> [ProjectRecord] {
        var q = Project.query(on: db).filter(\.$startsOn <= scope.to.iso)
            .group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= scope.from.iso) }
        if let b = scope.branchID { q = q.filter(\.$branch.$id == b) }
        var out: [ProjectRecord] = []
        for p in try await q.sort(\.$name).all() { out.append(try await ProjectRecord.load(p, today: today, on: db)) }
        return out
    }
}
