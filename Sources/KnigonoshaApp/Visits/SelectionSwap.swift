import Fluent
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
        let wasAccepted = try await BusyRetry.run {
            try await db.transaction { tx in
                let (_, item) = try await SelectionEdits.load(itemID: itemID, visitID: visitID, on: tx)
                guard item.itemState == .suggested || item.itemState == .accepted else {
                    throw AppError.conflict(Message("visits.swap_not_open"))
                }
                if item.itemState == .accepted { try await SelectionService.release(copyID: item.$copy.id, on: tx) }
                if try await SelectionRejection.query(on: tx).filter(\.$visit.$id == visitID).filter(\.$bibID == item.$bib.id).count() == 0 {
                    try await SelectionRejection(visitID: visitID, bibID: item.$bib.id).create(on: tx)
                }
                try await item.delete(on: tx)
                return item.itemState == .accepted
            }
        }
        let memo = SelectionMemo()
        let gathered: SelectionService.Gathered = try await db.transaction { tx in
            guard let visit = try await Visit.query(on: tx).filter(\.$id == visitID).with(\.$reader, { $0.with(\.$tags) }).first() else {
                throw AppError.notFound
            }
            let items = try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).all()
            let turnedDown = try await SelectionRejection.bibs(visitID: visitID, on: tx)
            return try await SelectionService.gather(
                visit: visit, exclude: Set(items.map { $0.$bib.id }).union(turnedDown), wanted: 1, spare: wasAccepted ? 5 : 0, today: today,
                on: tx, memo: memo)
        }
        let ranked = SelectionService.rank(gathered, today: today, memo: memo, analyzer: SearchAnalyzer())
        _ = try await BusyRetry.run {
            try await SelectionStore.store([(visitID, ranked)], accept: wasAccepted, keepSuggestions: true, on: db)
        }
    }
}
