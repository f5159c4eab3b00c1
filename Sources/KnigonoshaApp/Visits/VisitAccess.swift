import Fluent
import Vapor

extension Request {
    /// The visit named by `:id`, checked on the server: coordinators reach their branch's visits,
    /// administrators all, carriers only the visits assigned to them.
    func loadVisit(_ id: UUID? = nil) async throws -> (Visit, CurrentUser) {
        let user = try currentUser()
        // A malformed id is a path no route serves («/visits/plan» with PATCH): 405 or 404 then.
        guard let visitID = id ?? parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        guard let visit = try await Visit.query(on: db).filter(\.$id == visitID).with(\.$reader).first() else {
            throw AppError.notFound
        }
        switch user.role {
        case .admin: break
        case .coordinator: guard user.canAccess(branchID: visit.$branch.id) else { throw AppError.forbidden }
        case .carrier: guard visit.$carrier.id == user.id else { throw AppError.forbidden }
        case .management: throw AppError.forbidden
        }
        return (visit, user)
    }
}
