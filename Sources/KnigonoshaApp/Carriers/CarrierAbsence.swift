import Fluent
import Vapor

/// A carrier's absence (leave, illness), first and last day included. Planning never gives an
/// absent carrier a visit, and visits already theirs on those days are listed to be reassigned
/// (issue 15, §1).
final class CarrierAbsence: Model, @unchecked Sendable {
    static let schema = "carrier_absences"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "kind") var kind: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, from: LocalDate, to: LocalDate, kind: AbsenceKind) {
        self.$user.id = userID
        startsOn = from.iso
        endsOn = to.iso
        self.kind = kind.rawValue
    }

    func covers(_ day: String) -> Bool { startsOn <= day && day <= endsOn }
}

enum AbsenceKind: String, LabeledCode {
    case leave, illness, other
    static let labelPrefix = "absence_kind"
}

/// Who is away when: the absences that touch a period, by carrier.
struct Absences: Sendable {
    private let byCarrier: [UUID: [(from: String, to: String)]]

    static let none = Absences(byCarrier: [:])

    /// Every absence: a library records a few a month, so the whole table is small.
    static func all(on db: any Database) async throws -> Absences {
        var byCarrier: [UUID: [(from: String, to: String)]] = [:]
        for a in try await CarrierAbsence.query(on: db).all() { byCarrier[a.$user.id, default: []].append((a.startsOn, a.endsOn)) }
        return Absences(byCarrier: byCarrier)
    }

    /// Whether the carrier is away on `day` (`yyyy-MM-dd`).
    func isAway(_ carrier: UUID, on day: String) -> Bool {
        byCarrier[carrier]?.contains { $0.from <= day && day <= $0.to } ?? false
    }
}
