import Fluent
import SQLKit
import Selection
import Stemming
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
    static func suggest(visitID: UUID, accept: Bool, today: LocalDate, on db: any Database) async throws -> Int {
        let memo = SelectionMemo()
        guard var ranked = try await ranked(visitID: visitID, spare: accept ? 5 : 0, today: today, on: db, memo: memo) else { return 0 }
        // Suggestions alone may come from other branches when the visit's own cannot fill the
        // selection; the coordinator then asks that branch for its copy (issue 12, finding 4).
        // Accepting reserves at once, and another branch's copy is not taken without asking.
        if !accept { ranked += try await SelectionElsewhere.suggestions(visitID: visitID, besides: ranked, today: today, on: db, memo: memo) }
        let chosen = ranked
        // Nothing new found: what was suggested before stays (it would otherwise be replaced by nothing).
        if chosen.isEmpty && !accept { return 0 }
        let stored = try await BusyRetry.run {
            try await SelectionStore.store([(visitID, chosen)], accept: accept, on: db).count
        }
        guard accept else { return stored }
        // What the branch could not reserve is still suggested from other branches, to ask for:
        // "suggest and reserve" must not hide the only titles that fit (issue 12, review).
        let elsewhere = try await SelectionElsewhere.suggestions(visitID: visitID, besides: [], today: today, on: db, memo: memo)
        guard !elsewhere.isEmpty else { return stored }
        return try await BusyRetry.run {
            stored + (try await SelectionStore.store([(visitID, elsewhere)], accept: false, keepSuggestions: true, on: db).count)
        }
    }

    /// The ranked suggestions for an open visit (with `spare` more than it needs), or nil when it
    /// already has all its items.
    static func ranked(
        visitID: UUID, spare: Int, today: LocalDate, on db: any Database, memo: SelectionMemo, analyzer: SearchAnalyzer = SearchAnalyzer()
    ) async throws -> [Suggestion]? {
        // One read transaction: one snapshot for the dozen reads, instead of one each.
        let gathered: Gathered? = try await db.transaction { tx in
            guard let visit = try await Visit.query(on: tx).filter(\.$id == visitID).with(\.$reader, { $0.with(\.$tags) }).first() else {
                throw AppError.notFound
            }
            guard visit.visitStatus.isOpen else { throw AppError.conflict(Message("visit.not_open")) }
            let kept = try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).filter(\.$state != ItemState.suggested.rawValue).all()
            let wanted = visit.reader.itemsPerVisit - kept.count
            guard wanted > 0 else { return nil }
            // Titles swapped away from this visit are not suggested for it again.
            let turnedDown = try await SelectionRejection.bibs(visitID: visitID, on: tx)
            return try await gather(
                visit: visit, exclude: Set(kept.map { $0.$bib.id }).union(turnedDown), wanted: wanted, spare: spare, today: today, on: tx, memo: memo)
        }
        guard let gathered else { return nil }
        return rank(gathered, today: today, memo: memo, analyzer: analyzer)
    }

    /// What ranking a visit needs from the database.
    struct Gathered: Sendable {
        var profile: Profile
        var candidates: [Candidate]
        var limit: Int
        var settings: DeliverySettings
    }

    /// Candidates for `wanted` items and `spare` more; `upcoming`: the titles on the reader's open
    /// visits, when already known.
    static func gather(
        visit: Visit, exclude: Set<Int>, wanted: Int, spare: Int, upcoming known: [Int]? = nil, today: LocalDate, on db: any Database,
        memo: SelectionMemo, branchID: UUID? = nil
    ) async throws -> Gathered {
        let reader = visit.reader
        let history = try await CandidateRows.history(readerID: reader.id!, today: today, on: db)
        var profile = ReaderProfile.profile(reader, history: history)
        // Titles already chosen for this reader's other open visits are not chosen twice.
        var upcoming = known ?? []
        if known == nil { upcoming = try await upcomingTitles(readers: [reader.id!], on: db)[reader.id!] ?? [] }
        let interests = profile.subjects + profile.genres + profile.authors + profile.series
        let excluded = exclude.union(upcoming)
        func search(_ interests: [String], besides: [Int]) async throws -> [Int] {
            try await CandidateQuery.ids(
                interests: interests, forms: profile.forms, languages: profile.languages, branchID: branchID ?? visit.$branch.id,
                exclude: excluded.union(besides), on: db, cache: memo, limit: 200)
        }
        let (now, rest) = CandidateQuery.rotation(interests, turn: (LocalDate(visit.scheduledOn)?.schedulingDay.ordinal ?? 0) / 7)
        var ids = try await search(now, besides: [])
        // The other interests only when this visit's share found too little to choose from.
        if ids.count < wanted * 8 && !rest.isEmpty { ids += try await search(rest, besides: ids) }
        // Too few matches to choose from: also look at what fits the reader's forms and languages.
        if ids.count < wanted * 12 && !interests.isEmpty { ids += try await search([], besides: ids) }
        let known = memo.titles(ids)
        let loaded = try await CandidateRows.candidates(ids: ids.filter { known[$0] == nil }, on: db)
        let byID = known.merging(loaded.map { ($0.id, $0) }) { a, _ in a }
        profile.history = try await CandidateRows.olderSeries(history, series: Set(byID.values.compactMap(\.series)), on: db)
        return Gathered(
            profile: profile, candidates: ids.compactMap { byID[$0] }, limit: wanted + spare, settings: try await memo.settings(on: db))
    }

    /// The titles on each reader's planned and in-progress visits.
    static func upcomingTitles(readers: [UUID], on db: any Database) async throws -> [UUID: [Int]] {
        var out: [UUID: [Int]] = [:]
        for chunk in readers.chunked(500) {
            let rows = try await VisitItem.query(on: db).join(Visit.self, on: \VisitItem.$visit.$id == \Visit.$id)
                .filter(Visit.self, \.$reader.$id ~~ chunk).filter(
                    Visit.self, \.$status ~~ [VisitStatus.planned.rawValue, VisitStatus.inProgress.rawValue]
                )
                .field(\.$bib.$id).field(Visit.self, \.$reader.$id).all()
            for row in rows { out[try row.joined(Visit.self).$reader.id, default: []].append(row.$bib.id) }
        }
        return out
    }

    /// Ranks what `gather` found. Titles are analysed once per memo, then ranked from their terms.
    static func rank(_ g: Gathered, today: LocalDate, memo: SelectionMemo, analyzer: SearchAnalyzer) -> [Suggestion] {
        guard !g.candidates.isEmpty else { return [] }
        let fresh = g.candidates.filter { $0.terms == nil }.map { $0.analysed(by: analyzer) }
        memo.remember(fresh)
        let analysed = Dictionary(fresh.map { ($0.id, $0) }) { a, _ in a }
        let candidates = g.candidates.map { analysed[$0.id] ?? $0 }
        let ranker = Ranker(resendAfterMonths: g.settings.resendAfterMonths, todayOrdinal: today.schedulingDay.ordinal, analyzer: analyzer)
        return ranker.rank(candidates, for: g.profile, limit: g.limit, fill: true)
    }

    /// Reserves an available copy of `bibID` at the branch (or exactly `copyID`). The update only
    /// succeeds while the copy is still available, so of two coordinators reserving the same copy
    /// exactly one gets it; the other gets nil.
    static func reserveCopy(bibID: Int, branchID: UUID, copyID: UUID? = nil, on db: any Database) async throws -> UUID? {
        let sql = try db.sql
        var query = Copy.query(on: db).filter(\.$bib.$id == bibID).filter(\.$branch.$id == branchID).filter(
            \.$status == CopyStatus.available.rawValue)
        if let copyID { query = query.filter(\.$id == copyID) }
        for copy in try await query.sort(\.$inventoryNumber).all() {
            if try await take(copy.id!, on: sql) { return copy.id }
        }
        return nil
    }

    /// Marks one copy reserved if it is still available; false when someone else got it first.
    static func take(_ copyID: UUID, on sql: any SQLDatabase) async throws -> Bool {
        let won = try await sql.update(Copy.schema).set("status", to: CopyStatus.reserved.rawValue)
            .where("id", .equal, copyID).where("status", .equal, CopyStatus.available.rawValue)
            .returning("id").all()
        return !won.isEmpty
    }

    /// Puts a reserved copy back on the shelf; or, when the library's own system said meanwhile
    /// that the copy is out (a sync reported the conflict), back to what the system said.
    static func release(copyID: UUID?, on db: any Database) async throws {
        guard let copyID else { return }
        let sql = try db.sql
        let ils = try await sql.select().column("ils_status").from(Copy.schema).where("id", .equal, copyID).first()?
            .decode(column: "ils_status", as: String?.self)
        let back: CopyStatus = ils == "absent" ? .withdrawn : ils.flatMap(CopyStatus.init(rawValue:)) ?? .available
        try await sql.update(Copy.schema).set("status", to: back == .reserved ? CopyStatus.available.rawValue : back.rawValue)
            .where("id", .equal, copyID).where("status", .equal, CopyStatus.reserved.rawValue).run()
    }
}
