import Crypto
import Fluent
import Vapor

/// A personal API token, sent as `Authorization: Bearer …`. Only its SHA-256 is stored; the
/// token itself is shown once, when it is created.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "prefix") var prefix: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// The moment the token stops working; nil for a token that lasts until it is revoked.
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(userID: UUID, name: String, token: String, expiresAt: Date? = nil) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = APIToken.hash(token)
        self.prefix = String(token.prefix(8))
        self.expiresAt = expiresAt
    }

    /// The lifetimes offered when a token is made, in days.
    static let lifetimes = [30, 90, 365]

    func isValid(at now: Date) -> Bool { expiresAt.map { $0 > now } ?? true }

    static func generate() -> String { "kn_" + CSRFMiddleware.makeToken() }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
