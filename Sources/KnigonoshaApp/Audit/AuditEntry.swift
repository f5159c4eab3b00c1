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

    init() {}

    init(_ action: AuditAction, _ entity: String, _ id: UUID?, userID: UUID?, channel: String) {
        at = Date()
        $user.id = userID
        self.action = action.rawValue
        self.entity = entity
        entityID = id
        self.channel = channel
    }
}

/// Audit actions.
enum AuditAction: String {
    case view, list, create, update, login, logout, loginFailed = "login_failed", passwordChange = "password_change"
    case accountCreate = "account_create", accountUpdate = "account_update", passwordReset = "password_reset"
    case tokenCreate = "token_create", tokenRevoke = "token_revoke"
}

extension Request {
    var auditChannel: String { isAPI ? "api" : "web" }

    /// Records an access to personal data or an account change.
    func audit(_ action: AuditAction, _ entity: String, _ id: UUID? = nil, userID: UUID? = nil, on db: (any Database)? = nil) async throws {
        let entry = AuditEntry(action, entity, id, userID: userID ?? auth.get(CurrentUser.self)?.id, channel: auditChannel)
        try await entry.save(on: db ?? self.db)
    }
}
