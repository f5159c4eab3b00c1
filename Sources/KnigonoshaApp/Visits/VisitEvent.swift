import Fluent
import SQLKit
import Vapor

/// The history of a visit: created, assigned and reassigned, status changes. The account's name
/// is copied in, so the history reads the same after an account is deactivated.
final class VisitEvent: Model, @unchecked Sendable {
    static let schema = "visit_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "visit_id") var visit: Visit
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_name") var userName: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "from_value") var fromValue: String?
    @OptionalField(key: "to_value") var toValue: String?

    init() {}

    init(visitID: UUID, user: CurrentUser?, kind: String, from: String?, to: String?) {
        self.$visit.id = visitID
        at = Date()
        userID = user?.id
        userName = user?.fullName ?? "system"
        self.kind = kind
        fromValue = from
        toValue = to
    }
}

/// A public holiday: no visits are planned on it.
final class Holiday: Model, @unchecked Sendable {
    static let schema = "holidays"

    @ID(key: .id) var id: UUID?
    @Field(key: "day") var day: String
    @Field(key: "name") var name: String

    init() {}

    init(day: String, name: String) {
        self.day = day
        self.name = name
    }
}

/// A carrier's working hours on one weekday (1 = Monday).
final class CarrierHours: Model, @unchecked Sendable {
    static let schema = "carrier_hours"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "weekday") var weekday: Int
    @Field(key: "time_from") var timeFrom: String
    @Field(key: "time_to") var timeTo: String

    init() {}
}

/// An outcome already recorded under a client's idempotency key, with the answer it got, so a
/// resend from a phone that was offline gets the same answer and records nothing twice.
final class OutcomeKey: Model, @unchecked Sendable {
    static let schema = "outcome_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "visit_id") var visitID: UUID
    @Field(key: "created_at") var createdAt: Date
    /// The status the first request gave the visit, and the HTTP status it was answered with.
    @OptionalField(key: "recorded_status") var recordedStatus: String?
    @OptionalField(key: "answer_code") var answerCode: Int?

    init() {}
}

/// A carrier's private calendar feed; only a hash of the secret in its address is kept.
final class CalendarFeed: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A library-wide setting, such as how many months before a title may be sent to a reader again.
final class LibrarySetting: Model, @unchecked Sendable {
    static let schema = "library_settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        id = key
        self.value = value
    }

    /// Sets one setting, adding its row the first time, in one statement: a read first and a write
    /// after lost to a concurrent save (PostgreSQL: both inserted the new key; SQLite: the reading
    /// transaction's snapshot went stale, SQLITE_BUSY_SNAPSHOT) and answered 500.
    static func put(_ key: String, _ value: String, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.insert(into: schema).columns("key", "value").values(SQLBind(key), SQLBind(value))
            .onConflict(with: ["key"]) { $0.set(excludedValueOf: "value") }
            .run()
    }
}

extension OutcomeKey {
    /// What the first request under a key recorded and how it was answered.
    struct Answer: Equatable, Sendable {
        var recordedStatus: String?
        var code: Int?
    }

    var answer: Answer { Answer(recordedStatus: recordedStatus, code: answerCode) }
}
