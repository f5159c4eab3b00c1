import Fluent
import SQLKit
import Selection
import Vapor

/// Chooses titles for visits: suggestions from the ranker, accepting them (which reserves a copy),
/// removing and swapping them, adding any title by hand, and preparing a whole day or week.
enum SelectionService {
    /// Replaces the visit's open suggestions with fresh ones, up to the reader's items per visit;
    /// with `accept`, each is accepted at once and reserves a copy. Returns the items added.
    ///
    /// Ranking only reads, so it runs before the transaction and beside other rankings; the short
    /// write transaction then checks the visit again and reserves copies, taking the next title
    /// when another visit got a copy first (a few spare suggestions are ranked for that).
    @discardableResult
    static func suggest(visitID: UUID, accept: Bool, today: LocalDate, on db: any Database, cache: CandidateCache? = nil) async throws -> Int {
        // One read transaction: one snapshot for the forty-odd reads, instead of one each.
        let ranked: [Suggestion]? = try await db.transaction { tx in
            try await DatabaseSetup.tuneForReading(tx)
            guard let visit = try await Visit.query(on: tx).filter(\.$id == visitID).with(\.$reader, { $0.with(\.$tags) }).first() else {
                throw AppError.notFound
            }
            guard visit.visitStatus.isOpen else { throw AppError.conflict(Message("visit.not_open")) }
            let kept = try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).filter(\.$state != ItemState.suggested.rawValue).all()
            let wanted = visit.reader.itemsPerVisit - kept.count
            guard wanted > 0 else { return nil }
            return try await rank(
                visit: visit, exclude: Set(kept.map { $0.$bib.id }), limit: wanted + (accept ? 5 : 0), today: today, on: tx, cache: cache)
        }
        guard let ranked else { return 0 }
        return try await BusyRetry.run { try await store(ranked, visitID: visitID, accept: accept, on: db) }
    }

    private static func store(_ ranked: [Suggestion], visitID: UUID, accept: Bool, on db: any Database) async throws -> Int {
        try await db.transaction { tx in
            guard let visit = try await Visit.query(on: tx).filter(\.$id == visitID).with(\.$reader).first() else { throw AppError.notFound }
            guard visit.visitStatus.isOpen else { throw AppError.conflict(Message("visit.not_open")) }
            try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).filter(\.$state == ItemState.suggested.rawValue).delete()
            let kept = try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).all()
            let wanted = visit.reader.itemsPerVisit - kept.count
            let taken = Set(kept.map { $0.$bib.id })
            var added = 0
            var position = (kept.map(\.position).max() ?? 0) + 1
            for s in ranked where added < wanted && !taken.contains(s.id) {
                let item = VisitItem()
                item.$visit.id = visitID
                item.$bib.id = s.id
                item.state = ItemState.suggested.rawValue
                item.score = s.score
                item.reasons = s.reasons.joined(separator: "\n")
                item.position = position
                item.source = "auto"
                if accept {
                    // Another visit may have taken the last copy meanwhile: then the next title.
                    guard let copy = try await reserveCopy(bibID: s.id, branchID: visit.$branch.id, on: tx) else { continue }
                    item.$copy.id = copy
                    item.state = ItemState.accepted.rawValue
                }
                try await item.create(on: tx)
                position += 1
                added += 1
            }
            return added
        }
    }

    /// The ranked suggestions for a visit's reader, without storing anything.
    static func rank(
        visit: Visit, exclude: Set<Int>, limit: Int, today: LocalDate, on db: any Database, cache: CandidateCache? = nil
    ) async throws -> [Suggestion] {
        let reader = visit.reader
        let history = try await CandidateRows.history(readerID: reader.id!, on: db)
        let profile = ReaderProfile.profile(reader, history: history)
        // Titles already chosen for this reader's other open visits are not chosen twice.
        let upcoming = try await VisitItem.query(on: db).join(Visit.self, on: \VisitItem.$visit.$id == \Visit.$id)
            .filter(Visit.self, \.$reader.$id == reader.id!).filter(
                Visit.self, \.$status ~~ [VisitStatus.planned.rawValue, VisitStatus.inProgress.rawValue]
            )
            .all().map { $0.$bib.id }
        let interests = profile.subjects + profile.genres + profile.authors + profile.series
        var ids = try await CandidateQuery.ids(
            interests: interests, forms: profile.forms, languages: profile.languages, branchID: visit.$branch.id,
            exclude: exclude.union(upcoming), on: db, cache: cache)
        if ids.count < limit * 4 && !interests.isEmpty {
            // Too few matches to choose from: also look at what fits the reader's forms and languages.
            let more = try await CandidateQuery.ids(
                interests: [], forms: profile.forms, languages: profile.languages, branchID: visit.$branch.id,
                exclude: exclude.union(upcoming).union(ids), on: db, cache: cache, limit: 200)
            ids += more
        }
        guard !ids.isEmpty else { return [] }
        let candidates = try await CandidateRows.candidates(ids: ids, on: db)
        let settings = try await DeliverySettings.load(on: db)
        let ranker = Ranker(resendAfterMonths: settings.resendAfterMonths, todayOrdinal: today.schedulingDay.ordinal)
        return ranker.rank(candidates, for: profile, limit: limit, fill: true)
    }

    /// Reserves an available copy of `bibID` at the branch (or exactly `copyID`). The update only
    /// succeeds while the copy is still available, so of two coordinators reserving the same copy
    /// exactly one gets it; the other gets nil.
    static func reserveCopy(bibID: Int, branchID: UUID, copyID: UUID? = nil, on db: any Database) async throws -> UUID? {
        guard let sql = db as? any SQLDatabase else { return nil }
        var query = Copy.query(on: db).filter(\.$bib.$id == bibID).filter(\.$branch.$id == branchID).filter(
            \.$status == CopyStatus.available.rawValue)
        if let copyID { query = query.filter(\.$id == copyID) }
        for copy in try await query.sort(\.$inventoryNumber).all() {
            let won = try await sql.update(Copy.schema).set("status", to: CopyStatus.reserved.rawValue)
                .where("id", .equal, copy.id!).where("status", .equal, CopyStatus.available.rawValue)
                .returning("id").all()
            if !won.isEmpty { return copy.id }
        }
        return nil
    }

    /// Puts a reserved copy back on the shelf.
    static func release(copyID: UUID?, on db: any Database) async throws {
        guard let copyID, let sql = db as? any SQLDatabase else { return }
        try await sql.update(Copy.schema).set("status", to: CopyStatus.available.rawValue)
            .where("id", .equal, copyID).where("status", .equal, CopyStatus.reserved.rawValue).run()
    }
}
