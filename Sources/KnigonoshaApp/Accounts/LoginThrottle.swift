import Fluent
import SQLKit
import Vapor

/// Locks an (account, address) pair for 15 minutes after 5 failed logins in a row.
///
/// Every attempt is counted *before* its password is checked, in one atomic statement, and an
/// attempt past the limit is refused without checking. Counting after the check, as before, let
/// 12 parallel attempts through with the count left at 4 (issue 19, finding 5).
struct LoginThrottle {
    static let maxFailures = 5
    static let lockDuration: TimeInterval = 15 * 60

    enum Admission: Equatable {
        /// The attempt may be checked; it is the `number`th in a row.
        case allowed(number: Int)
        case locked
    }

    let db: any Database
    let email: String
    let address: String

    /// When the pair is locked, the moment the lock ends.
    func lockedUntil(now: Date = Date()) async throws -> Date? {
        let row = try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$address == address).first()
        guard let until = row?.lockedUntil, until > now else { return nil }
        return until
    }

    /// Counts this attempt as a failure until it proves otherwise. Failures older than the lock
    /// window, and a lock that has ended, no longer count.
    func admit(now: Date = Date()) async throws -> Admission {
        let sql = try db.sql
        let cutoff = now.addingTimeInterval(-Self.lockDuration)
        let row = try await sql.raw(
            """
            INSERT INTO login_attempts (id, email, address, failures, last_failure_at, locked_until) \
            VALUES (\(bind: UUID()), \(bind: email), \(bind: address), 1, \(bind: now), NULL) \
            ON CONFLICT (email, address) DO UPDATE SET \
            failures = CASE WHEN login_attempts.last_failure_at < \(bind: cutoff) OR login_attempts.locked_until <= \(bind: now) \
            THEN 1 ELSE login_attempts.failures + 1 END, \
            locked_until = CASE WHEN login_attempts.locked_until <= \(bind: now) THEN NULL ELSE login_attempts.locked_until END, \
            last_failure_at = \(bind: now) \
            RETURNING failures, locked_until
            """
        ).first()
        let failures = try row?.decode(column: "failures", as: Int.self) ?? 1
        if let until = try row?.decode(column: "locked_until", as: Date?.self), until > now { return .locked }
        if failures > Self.maxFailures {
            try await lock(now: now)
            return .locked
        }
        return .allowed(number: failures)
    }

    /// The attempt numbered `number` failed; the last allowed failure locks the pair. Returns the
    /// end of the lock when this failure caused one.
    @discardableResult
    func failed(number: Int, now: Date = Date()) async throws -> Date? {
        guard number >= Self.maxFailures else { return nil }
        return try await lock(now: now)
    }

    /// The attempt could not be checked at all (the server was busy): it does not count.
    func refund() async throws {
        try await db.sql.update(LoginAttempt.schema)
            .set(SQLIdentifier("failures"), to: SQLRaw("failures - 1"))
            .where(SQLIdentifier("email"), .equal, SQLBind(email))
            .where(SQLIdentifier("address"), .equal, SQLBind(address))
            .where(SQLIdentifier("failures"), .greaterThan, SQLLiteral.numeric("0"))
            .run()
    }

    /// A correct password ends the run of failures, unless a parallel attempt has locked the pair
    /// meanwhile: then the lock stays for the others.
    func reset(now: Date = Date()) async throws {
        try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$address == address)
            .filter(\.$lockedUntil == nil).delete()
        // Rows no longer counted (their failures are older than the window, any lock is over) are
        // swept here, as sessions are at login: guesses at unknown addresses do not pile up.
        let cutoff = now.addingTimeInterval(-Self.lockDuration)
        try await LoginAttempt.query(on: db).filter(\.$lastFailureAt < cutoff)
            .group(.or) { $0.filter(\.$lockedUntil == nil).filter(\.$lockedUntil < now) }.delete()
    }

    @discardableResult
    private func lock(now: Date) async throws -> Date {
        let until = now.addingTimeInterval(Self.lockDuration)
        try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$address == address)
            .set(\.$lockedUntil, to: until).update()
        return until
    }
}

extension Request {
    /// The client address used for throttling; `X-Forwarded-For` only when configured, and then its
    /// last entry: the one our own proxy wrote. Earlier entries are whatever the client sent, and a
    /// fresh one on each try would escape the throttle.
    var clientAddress: String {
        if application.config.trustForwardedFor, let forwarded = headers[.xForwardedFor].last {
            return forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
