import Fluent
import Selection
import Stemming
import Vapor

/// A title the coordinator turned down for one visit.
final class SelectionRejection: Model, @unchecked Sendable {
    static let schema = "selection_rejections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "visit_id") var visit: Visit
    @Field(key: "bib_id") var bibID: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(visitID: UUID, bibID: Int) {
        self.$visit.id = visitID
        self.bibID = bibID
    }

    /// Notes that `bibID` was turned down for the visit (swapped away or removed), once.
    static func note(visitID: UUID, bibID: Int, on db: any Database) async throws {
        if try await query(on: db).filter(\.$visit.$id == visitID).filter(\.$bibID == bibID).count() == 0 {
            try await SelectionRejection(visitID: visitID, bibID: bibID).create(on: db)
        }
    }

    /// The titles turned down for a visit.
    static func bibs(visitID: UUID, on db: any Database) async throws -> Set<Int> {
        Set(try await query(on: db).filter(\.$visit.$id == visitID).all().map(\.bibID))
    }
}

/// "Swap" on a visit's selection: this one title goes and the next best takes its place. The
/// other suggestions stay as they are, and the title that went is not suggested for this visit
/// again, by a later swap or by "suggest again" (issue 12, finding 2). An accepted title's copy
/// goes back on the shelf and its replacement is accepted (reserved) too.
enum SelectionSwap {
    static func swap(itemID: UUID, visitID: UUID, today: LocalDate, on db: any Database) async throws {
        // The replacement is found first: with none, the title stays and the coordinator is told,
        // rather than losing it for nothing (issue 12, review).
        let memo = SelectionMemo()
        let (ranked, wasAccepted): ([Suggestion], Bool) = try await db.transaction { tx in
            // Only reads here: the edit itself (and holding the visit open) comes after, in its own transaction.
            guard let visit = try await Visit.query(on: tx).filter(\.$id == visitID).with(\.$reader, { $0.with(\.$tags) }).first(),
                let item = try await VisitItem.query(on: tx).filter(\.$id == itemID).filter(\.$visit.$id == visitID).first()
            else { throw AppError.notFound }
            guard visit.visitStatus.isOpen else { throw AppError.conflict(Message("visit.not_open")) }
            guard item.itemState == .suggested || item.itemState == .accepted else {
                throw AppError.conflict(Message("visits.swap_not_open"))
            }
            let items = try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).all()
            let turnedDown = try await SelectionRejection.bibs(visitID: visitID, on: tx)
            let accepted = item.itemState == .accepted
            let gathered = try await SelectionService.gather(
                visit: visit, exclude: Set(items.map { $0.$bib.id }).union(turnedDown), wanted: 1, spare: accepted ? 5 : 0, today: today,
                on: tx, memo: memo)
            return (SelectionService.rank(gathered, today: today, memo: memo, analyzer: SearchAnalyzer()), accepted)
        }
        guard !ranked.isEmpty else { throw AppError.conflict(Message("visits.no_swap")) }
        try await BusyRetry.run {
            try await db.transaction { tx in
                let (_, item) = try await SelectionEdits.load(itemID: itemID, visitID: visitID, on: tx)
                if item.itemState == .accepted { try await SelectionService.release(copyID: item.$copy.id, on: tx) }
                try await SelectionRejection.note(visitID: visitID, bibID: item.$bib.id, on: tx)
                try await item.delete(on: tx)
            }
        }
        _ = try await BusyRetry.run {
            try await SelectionStore.store([(visitID, ranked)], accept: wasAccepted, keepSuggestions: true, on: db)
        }
    }
}
