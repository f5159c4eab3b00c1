import Fluent
import Selection
import Stemming
import Vapor

/// Prepares selections for every open visit of a branch (or of every branch) in a period that has
/// fewer items than its reader wants: suggested and accepted in one go.
///
/// Ranking only reads, so the visits are ranked on several connections at once (one per event
/// loop: `lanes`), sharing one memo of candidate lists and analysed titles. They go branch by
/// branch in visit order, a chunk at a time: a chunk is ranked, then stored in one transaction
/// (storing one chunk while ranking the next was measured slower: each commit empties the other
/// connection's page cache mid-ranking). A copy taken by an earlier visit makes a later one fall
/// back to its spare suggestions.
enum SelectionBatch {
    /// Visits per lane in a chunk; a chunk is stored in one transaction.
    static let chunk = 25
    /// Suggestions ranked beyond what a visit needs, for when an earlier visit took a copy.
    static let spare = 15

    static func run(
        branchID: UUID?, from: LocalDate, until: LocalDate, today: LocalDate, on db: any Database, lanes: [any Database] = []
    ) async throws -> (visits: Int, items: Int) {
        // Everything per visit that one query can fetch for all of them is fetched here.
        var query = Visit.query(on: db).filter(\.$scheduledOn >= from.iso).filter(\.$scheduledOn <= until.iso)
            .filter(\.$status == VisitStatus.planned.rawValue)
        if let branchID { query = query.filter(\.$branch.$id == branchID) }
        // Branch by branch: a branch's visits share candidate lists and the pages that hold them.
        // A reader whose consent ends before the visit gets no selection (issue 19, finding 8).
        let visits = try await query.sort(\.$branch.$id).sort(\.$scheduledOn).sort(\.$id).with(\.$reader, { $0.with(\.$tags) }).all()
            .filter { $0.reader.hasConsent(on: $0.scheduledOn) }
        let ids = visits.compactMap(\.id)
        guard !ids.isEmpty else { return (0, 0) }
        var kept: [UUID: [Int]] = [:]
        for part in ids.chunked(500) {
            for item in try await VisitItem.query(on: db).filter(\.$visit.$id ~~ part).filter(\.$state != ItemState.suggested.rawValue).all() {
                kept[item.$visit.id, default: []].append(item.$bib.id)
            }
        }
        let keptTitles = kept
        let upcoming = try await SelectionService.upcomingTitles(readers: Array(Set(visits.map { $0.$reader.id })), on: db)
        let memo = SelectionMemo()
        let lanes = lanes.isEmpty ? [db] : lanes
        return try await DatabaseSetup.withReadCache(lanes) {
            var count = (visits: 0, items: 0)
            for part in visits.chunked(chunk * lanes.count) {
                let ranked = try await rankAll(Array(part), lanes: lanes, kept: keptTitles, upcoming: upcoming, today: today, memo: memo)
                let plans = part.compactMap { v in ranked[v.id!].map { (visit: v.id!, ranked: $0) } }
                let added = try await BusyRetry.run { try await SelectionStore.store(plans, accept: true, on: db) }
                count = (count.visits + Set(added).count, count.items + added.count)
            }
            return count
        }
    }

    /// Ranks every visit, spread over the lanes; visits whose reader needs nothing are left out.
    private static func rankAll(
        _ visits: [Visit], lanes: [any Database], kept keptTitles: [UUID: [Int]], upcoming: [UUID: [Int]], today: LocalDate, memo: SelectionMemo
    ) async throws -> [UUID: [Suggestion]] {
        try await withThrowingTaskGroup(of: [(UUID, [Suggestion])].self) { group in
            for (lane, conn) in lanes.enumerated() {
                let mine = stride(from: lane, to: visits.count, by: lanes.count).map { visits[$0] }
                group.addTask {
                    let analyzer = SearchAnalyzer()
                    var out: [(UUID, [Suggestion])] = []
                    for visit in mine {
                        let had = keptTitles[visit.id!] ?? []
                        let wanted = visit.reader.itemsPerVisit - had.count
                        guard wanted > 0 else { continue }
                        let found = try await SelectionService.gather(
                            visit: visit, exclude: Set(had), wanted: wanted, spare: spare, upcoming: upcoming[visit.$reader.id] ?? [], today: today,
                            on: conn,
                            memo: memo)
                        out.append((visit.id!, SelectionService.rank(found, today: today, memo: memo, analyzer: analyzer)))
                    }
                    return out
                }
            }
            var all: [UUID: [Suggestion]] = [:]
            for try await part in group { for (id, r) in part { all[id] = r } }
            return all
        }
    }
}

extension Application {
    /// One database handle per event loop. Each has its own connection pool, so work spread over
    /// them runs on that many connections at once.
    func databasesPerLoop(logger: Logger) -> [any Database] {
        eventLoopGroup.makeIterator().compactMap { databases.database(logger: logger, on: $0) }
    }
}
