import Fluent
import Vapor

/// The library's own totals for a period (all users, visits and items issued, home service or
/// not), typed in from its statistics forms, so that reports can show the home service's share.
final class LibraryTotal: Model, @unchecked Sendable {
    static let schema = "library_totals"

    @ID(key: .id) var id: UUID?
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    /// None for the whole library.
    @OptionalParent(key: "branch_id") var branch: Branch?
    @OptionalField(key: "users") var users: Int?
    @OptionalField(key: "visits") var visits: Int?
    @OptionalField(key: "issued") var issued: Int?

    init() {}

    /// The totals entered for exactly this period and branch.
    static func find(_ scope: StatsScope, on db: any Database) async throws -> LibraryTotal? {
        try await query(on: db).filter(\.$periodFrom == scope.from.iso).filter(\.$periodTo == scope.to.iso)
            .filter(\.$branch.$id == scope.branchID).first()
    }
}
