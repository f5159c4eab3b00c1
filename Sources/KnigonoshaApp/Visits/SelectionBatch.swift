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
    ) async throws -> Summary {
        // Everything per visit that one query can fetch for all of them is fetched here.
        var query = Visit.query(on: db).filter(\.$scheduledOn >= from.iso).filter(\.$scheduledOn <= until.iso)
            .filter(\.$status == VisitStatus.planned.rawValue)
        if let branchID { query = query.filter(\.$branch.$id == branchID) }
        // Branch by branch: a branch's visits share candidate lists and the pages that hold them.
        // A reader whose consent ends before the visit gets no selection (issue 19, finding 8).
        let visits = try await query.sort(\.$branch.$id).sort(\.$scheduledOn).sort(\.$id).with(\.$reader, { $0.with(\.$tags) }).all()
            .filter { $0.reader.hasConsent(on: $0.scheduledOn) }
        let ids = visits.compactMap(\.id)
        guard !ids.isEmpty else { return Summary() }
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
        var summary = try await DatabaseSetup.withReadCache(lanes) {
            var summary = Summary(considered: visits.count)
            for part in visits.chunked(chunk * lanes.count) {
                let ranked = try await rankAll(Array(part), lanes: lanes, kept: keptTitles, upcoming: upcoming, today: today, memo: memo)
                let plans = part.compactMap { v in ranked[v.id!].map { (visit: v.id!, ranked: $0) } }
                let added = try await BusyRetry.run { try await SelectionStore.store(plans, accept: true, on: db) }
                summary.visits += Set(added).count
                summary.items += added.count
                let got = Set(added)
                for v in part where ranked[v.id!] == nil { summary.complete += 1 }
                for (id, list) in ranked where !got.contains(id) {
                    if list.isEmpty { summary.nothingHere.append(id) } else { summary.unplaced[id] = list.map(\.id) }
                }
            }
            return summary
        }
        summary.elsewhere = try await availableElsewhere(summary.unplaced, visits: visits, on: db)
        summary.elsewhere += try await fitsElsewhere(
            summary.nothingHere, visits: visits, kept: keptTitles, upcoming: upcoming, today: today, memo: memo, on: db)
        return summary
    }

    /// What a batch did, for the coordinator's message: how many visits got how many titles, and
    /// why the others got none (issue 12, finding 3).
    struct Summary: Sendable {
        /// Visits considered (open, in the period, reader's consent valid).
        var considered = 0
        /// Visits that got titles, and how many titles in all.
        var visits = 0
        var items = 0
        /// Visits that already had all their titles.
        var complete = 0
        /// Visits for which no title with a free copy in the visit's branch fits the reader.
        var nothingHere: [UUID] = []
        var noMatch: Int { nothingHere.count }
        /// Visits whose fitting titles have no free copy in the visit's branch, by visit.
        var unplaced: [UUID: [Int]] = [:]
        /// Of those, visits where another branch of the library has a free copy of one.
        var elsewhere = 0
        var noCopy: Int { unplaced.count }
    }

    /// How many visits with nothing fitting in their own branch would find a fitting title with a
    /// free copy in another branch: the same search, run as if the visit were there. Bounded, so
    /// that a branch with an empty shelf does not make the batch slow.
    private static func fitsElsewhere(
        _ ids: [UUID], visits: [Visit], kept: [UUID: [Int]], upcoming: [UUID: [Int]], today: LocalDate, memo: SelectionMemo,
        on db: any Database
    ) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let branches = try await Branch.query(on: db).all().compactMap(\.id)
        let byID = Dictionary(visits.map { ($0.id!, $0) }) { a, _ in a }
        let analyzer = SearchAnalyzer()
        var found = 0
        for id in ids.prefix(50) {
            guard let visit = byID[id] else { continue }
            for other in branches.prefix(20) where other != visit.$branch.id {
                let probe = Visit()
                probe.id = visit.id
                probe.$branch.id = other
                probe.scheduledOn = visit.scheduledOn
                probe.$reader.value = visit.reader
                let g = try await SelectionService.gather(
                    visit: probe, exclude: Set(kept[id] ?? []), wanted: 1, spare: 0, upcoming: upcoming[visit.$reader.id] ?? [], today: today,
                    on: db, memo: memo)
                if !SelectionService.rank(g, today: today, memo: memo, analyzer: analyzer).isEmpty {
                    found += 1
                    break
                }
            }
        }
        return found
    }

    /// How many of the unplaced visits could get a title from another branch's free copy.
    private static func availableElsewhere(_ unplaced: [UUID: [Int]], visits: [Visit], on db: any Database) async throws -> Int {
        guard !unplaced.isEmpty else { return 0 }
        let branchOf = Dictionary(visits.map { ($0.id!, $0.$branch.id) }) { a, _ in a }
        let bibs = Array(Set(unplaced.values.flatMap { $0 }))
        var free: [Int: Set<UUID>] = [:]
        for part in bibs.chunked(500) {
            for copy in try await Copy.query(on: db).filter(\.$bib.$id ~~ Array(part)).filter(\.$status == CopyStatus.available.rawValue).all() {
                if let branch = copy.$branch.id { free[copy.$bib.id, default: []].insert(branch) }
            }
        }
        return unplaced.filter { visit, titles in
            titles.contains { free[$0]?.contains { $0 != branchOf[visit] } == true }
        }.count
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
