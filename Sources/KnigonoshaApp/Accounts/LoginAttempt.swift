import Fluent
import Vapor

/// Failed logins for one account from one address, for throttling.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(email: String, address: String, now: Date) {
        self.email = email
        self.address = address
        self.failures = 0
        self.lastFailureAt = now
    }
}
