import Fluent
import Vapor

/// The statistics' period and branch, as the page, the exports and the API take them.
struct StatsFilter: Content {
    var from: String?
    var to: String?
    var branch_id: String?

    /// The scope these filters name; the period defaults to the current year. Bad values come
    /// back as field errors.
    func scope(today: LocalDate, on db: any Database) async throws -> (StatsScope, FieldErrors) {
        var e = FieldErrors()
        let from = EventService.date(self.from, "from", required: false, into: &e) ?? LocalDate(year: today.year, month: 1, day: 1)
        let to = EventService.date(self.to, "to", required: false, into: &e) ?? LocalDate(year: today.year, month: 12, day: 31)
        if to < from { e.add("to", "period.end_before_start") }
        if from.year < 1900 || to.year > 2200 { e.add(from.year < 1900 ? "from" : "to", "validation.date") }
        var branch: UUID?
        if let raw = branch_id, !raw.isEmpty {
            branch = UUID(uuidString: raw)
            if branch == nil {
                e.add("branch_id", "validation.choice")
            } else if try await Branch.find(branch, on: db) == nil {
                e.add("branch_id", "validation.choice")
            }
        }
        return (StatsScope(from: from, to: to, branchID: branch), e)
    }

    /// The same filters for another page's link.
    static func query(_ scope: StatsScope) -> [(String, String)] {
        [("from", scope.from.iso), ("to", scope.to.iso), ("branch_id", scope.branchID?.uuidString.lowercased() ?? "")]
    }

    /// Whether `user` may open the lists of readers, visits and loans behind the figures: a
    /// coordinator only for their own branch.
    static func canDrill(_ user: CurrentUser, _ scope: StatsScope) -> Bool {
        user.isAdmin || (scope.branchID != nil && scope.branchID == user.branchID)
    }
}
