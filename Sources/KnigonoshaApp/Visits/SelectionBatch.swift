import Fluent
import Selection
import Stemming
import Vapor

/// Prepares selections for every open visit of a branch in a period that has fewer items than its
/// reader wants: suggested and accepted in one go.
///
/// Ranking only reads, so the visits are ranked on several connections at once (one per event
/// loop: `lanes`), sharing one memo of candidate lists and analysed titles. The results are then
/// stored in visit order, a chunk of visits per transaction; a copy taken by an earlier visit
/// makes a later one fall back to its spare suggestions.
enum SelectionBatch {
    static let chunk = 25
    /// Suggestions ranked beyond what a visit needs, for when an earlier visit took a copy.
    static let spare = 15

    static func run(
        branchID: UUID, from: LocalDate, until: LocalDate, today: LocalDate, on db: any Database, lanes: [any Database] = []
    ) async throws -> (visits: Int, items: Int) {
        // Everything per visit that one query can fetch for all of them is fetched here.
        let visits = try await Visit.query(on: db).filter(\.$branch.$id == branchID).filter(\.$scheduledOn >= from.iso)
            .filter(\.$scheduledOn <= until.iso).filter(\.$status == VisitStatus.planned.rawValue).sort(\.$scheduledOn).sort(\.$id)
            .with(\.$reader, { $0.with(\.$tags) }).all()
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
        let ranked = try await DatabaseSetup.withReadCache(lanes) {
            try await rankAll(visits, lanes: lanes, kept: keptTitles, upcoming: upcoming, today: today, memo: memo)
        }
        var count = (visits: 0, items: 0)
        for part in ids.filter({ ranked[$0] != nil }).chunked(chunk) {
            let plans = part.map { (visit: $0, ranked: ranked[$0]!) }
            let added = try await BusyRetry.run { try await SelectionStore.store(plans, accept: true, on: db) }
            count.items += added.count
            count.visits += Set(added).count
        }
        return count
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
                            visit: visit, exclude: Set(had), wanted: wanted, spare: spare, upcoming: upcoming[visit.$reader.id] ?? [], on: conn,
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
