import Fluent
import Scheduling
import Vapor

/// The active carriers of each branch with their working weekdays, for assigning visits: a visit
/// goes to the carrier of its branch who works that weekday and has the fewest visits that day.
struct CarrierPool: Sendable {
    struct Carrier: Sendable {
        let id: UUID
        let name: String
        let branchID: UUID?
        /// ISO weekdays worked; a carrier with no hours set works Monday to Friday.
        let weekdays: Set<Int>
        /// The last day of the certificate's validity, when one is recorded and it counts.
        var checkedUntil: String? = nil
    }

    let carriers: [Carrier]
    /// Leave and illness: an absent carrier gets no visit on those days (issue 15, §1).
    var absences = Absences.none

    static func load(on db: any Database) async throws -> CarrierPool {
        let users = try await User.query(on: db).filter(\.$role == .carrier).filter(\.$isActive == true).sort(\.$fullName).all()
        let hours = try await CarrierHours.query(on: db).all()
        var days: [UUID: Set<Int>] = [:]
        for h in hours { days[h.$user.id, default: []].insert(h.weekday) }
        // With the library's setting on, a recorded certificate that has run out stops new visits.
        let blocks = try await DeliverySettings.load(on: db).expiredCheckBlocks
        return CarrierPool(
            carriers: users.map {
                Carrier(
                    id: $0.id!, name: $0.fullName, branchID: $0.$branch.id, weekdays: days[$0.id!] ?? [1, 2, 3, 4, 5],
                    checkedUntil: blocks ? $0.certificateUntil : nil)
            },
            absences: try await Absences.all(on: db))
    }

    /// The branch's carriers who work that weekday and are not away that day.
    func working(branchID: UUID, day: Day) -> [Carrier] {
        carriers.filter {
            $0.branchID == branchID && $0.weekdays.contains(day.weekday) && !absences.isAway($0.id, on: day.iso)
                && ($0.checkedUntil.map { day.iso <= $0 } ?? true)
        }
    }

    /// The reader's own carrier (`preferred`) when they work on `day` and are not away, so a reader
    /// keeps seeing the same person; otherwise the least-loaded carrier of the branch working that
    /// day, the substitute; nil when nobody works that day, and the coordinator assigns by hand.
    func pick(branchID: UUID, day: Day, preferred: UUID? = nil, on db: any Database) async throws -> UUID? {
        let candidates = working(branchID: branchID, day: day)
        if let preferred, candidates.contains(where: { $0.id == preferred }) { return preferred }
        guard !candidates.isEmpty else { return nil }
        var best: (UUID, Int)?
        for c in candidates {
            let load = try await Visit.query(on: db).filter(\.$carrier.$id == c.id).filter(\.$scheduledOn == day.iso).count()
            if best == nil || load < best!.1 { best = (c.id, load) }
        }
        return best?.0
    }
}
