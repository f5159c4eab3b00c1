import Fluent
import Vapor

/// Who saw or changed which personal data, and when. Personal data itself is never written here
/// or to the log: only ids.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: UUID?
    @Field(key: "channel") var channel: String
    /// The route's pattern (`/readers/:id`), or the command's name; nil before M068.
    @OptionalField(key: "route") var route: String?

    init() {}

    init(_ action: AuditAction, _ entity: String, _ id: UUID?, userID: UUID?, channel: String, route: String? = nil) {
        at = Date()
        $user.id = userID
        self.action = action.rawValue
        self.entity = entity
        entityID = id
        self.channel = channel
        self.route = route
    }
}

/// Audit actions.
enum AuditAction: String, CaseIterable {
    case view, list, create, update, login, logout, loginFailed = "login_failed", passwordChange = "password_change"
    case accountCreate = "account_create", accountUpdate = "account_update", passwordReset = "password_reset"
    case tokenCreate = "token_create", tokenRevoke = "token_revoke"
    /// A reader's personal data: a subject-access export, an anonymisation, an erasure.
    case export, anonymise, erase
    /// A staff account's name and e-mail replaced by a pseudonym.
    case accountAnonymise = "account_anonymise"
}

extension Request {
    var auditChannel: String { isAPI ? "api" : "web" }

    /// The matched route as its pattern, `GET /readers/:id`: what page or API call it was, never
    /// the values in its path or query.
    var auditRoute: String? {
        guard let route else { return nil }
        return route.method.rawValue + " /" + route.path.map(\.description).joined(separator: "/")
    }

    /// One `view` entry per reader behind these visits (a run sheet, a slip), in one statement.
    func auditReaders(ofVisits visitIDs: [UUID]) async throws {
        guard !visitIDs.isEmpty else { return }
        let readers = Set(try await Visit.query(on: db).filter(\.$id ~~ visitIDs).all().map(\.$reader.id))
        let user = auth.get(CurrentUser.self)?.id
        try await readers.sorted { $0.uuidString < $1.uuidString }
            .map { AuditEntry(.view, "reader", $0, userID: user, channel: auditChannel, route: auditRoute) }.create(on: db)
    }

    /// Records an access to personal data or an account change.
    func audit(_ action: AuditAction, _ entity: String, _ id: UUID? = nil, userID: UUID? = nil, on db: (any Database)? = nil) async throws {
        let entry = AuditEntry(
            action, entity, id, userID: userID ?? auth.get(CurrentUser.self)?.id, channel: auditChannel, route: auditRoute)
        try await entry.save(on: db ?? self.db)
    }
}
