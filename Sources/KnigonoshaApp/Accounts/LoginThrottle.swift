import Fluent
import Vapor

/// Locks an (account, address) pair for 15 minutes after 5 failed logins in a row.
struct LoginThrottle {
    static let maxFailures = 5
    static let lockDuration: TimeInterval = 15 * 60

    let db: any Database
    let email: String
    let address: String

    /// When the pair is locked, the moment the lock ends.
    func lockedUntil(now: Date = Date()) async throws -> Date? {
        guard let row = try await row(), let until = row.lockedUntil, until > now else { return nil }
        return until
    }

    /// Counts a failure; returns the end of the lock if this failure caused one.
    @discardableResult
    func recordFailure(now: Date = Date()) async throws -> Date? {
        let row = try await row() ?? LoginAttempt(email: email, address: address, now: now)
        // Failures older than the lock window no longer count.
        if now.timeIntervalSince(row.lastFailureAt) > Self.lockDuration || (row.lockedUntil.map { $0 <= now } ?? false) {
            row.failures = 0
            row.lockedUntil = nil
        }
        row.failures += 1
        row.lastFailureAt = now
        if row.failures >= Self.maxFailures { row.lockedUntil = now.addingTimeInterval(Self.lockDuration) }
        try await row.save(on: db)
        return row.lockedUntil
    }

    func reset() async throws {
        try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$address == address).delete()
    }

    private func row() async throws -> LoginAttempt? {
        try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$address == address).first()
    }
}

extension Request {
    /// The client address used for throttling; `X-Forwarded-For` only when configured.
    var clientAddress: String {
        if application.config.trustForwardedFor, let forwarded = headers.first(name: .xForwardedFor) {
            return forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
