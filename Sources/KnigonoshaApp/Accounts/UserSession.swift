import Fluent
import Vapor

/// A signed-in browser. Only a hash of the cookie's token is stored, so a copy of the
/// database cannot be used to take over sessions.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Parent(key: "user_id") var user: User
    @Field(key: "epoch") var epoch: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, epoch: Int, now: Date, lifetime: TimeInterval) {
        self.id = tokenHash
        self.$user.id = userID
        self.epoch = epoch
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(lifetime)
    }
}
