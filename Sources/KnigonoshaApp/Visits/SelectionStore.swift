import Fluent
import SQLKit
import Selection
import Vapor

/// Writes ranked suggestions for one visit or for a chunk of a batch, in one transaction and a
/// handful of statements whatever the number of visits: drop the old suggestions, read what each
/// visit keeps, pick the copies, reserve them with one conditional update, insert the items.
enum SelectionStore {
    typealias Plan = (visit: UUID, ranked: [Suggestion])

    /// Stores up to each reader's items per visit from `plans`; with `accept`, each item reserves
    /// an available copy at the visit's branch. With one plan, a missing or closed visit is an
    /// error; in a batch such visits are skipped. Returns the visit of each item added.
    static func store(_ plans: [Plan], accept: Bool, keepSuggestions: Bool = false, on db: any Database) async throws -> [UUID] {
        try await db.transaction { tx in
            let sql = try tx.sql
            let ids = plans.map(\.visit)
            // Only visits still open are given items, and they stay open until this commits. This
            // write comes first: on SQLite it takes the write lock, so what is read next stays
            // true; on PostgreSQL it locks the visits before their items, in the order an outcome
            // takes them.
            let held = try await VisitState.holdOpen(ids, on: tx)
            // A swap keeps the other suggestions; suggesting again replaces them all.
            if !keepSuggestions {
                try await VisitItem.query(on: tx).filter(\.$visit.$id ~~ ids).filter(\.$state == ItemState.suggested.rawValue).delete()
            }
            let visits = Dictionary(
                try await Visit.query(on: tx).filter(\.$id ~~ ids).with(\.$reader).all().map { ($0.id!, $0) }
            ) { a, _ in a }
            if plans.count == 1 {
                guard visits[ids[0]] != nil else { throw AppError.notFound }
                guard held.contains(ids[0]) else { throw AppError.conflict(Message("visit.not_open")) }
            }
            let kept = Dictionary(grouping: try await VisitItem.query(on: tx).filter(\.$visit.$id ~~ ids).all(), by: { $0.$visit.id })
            var shelf = accept ? try await availableCopies(plans, visits: visits, on: sql) : [:]
            var rows: [Row] = []
            var spares: [UUID: ArraySlice<Suggestion>] = [:]
            for (visitID, ranked) in plans {
                guard let visit = visits[visitID], held.contains(visitID) else { continue }
                let had = kept[visitID] ?? []
                var wanted = visit.reader.itemsPerVisit - had.count
                var taken = Set(had.map { $0.$bib.id })
                var position = (had.map(\.position).max() ?? 0) + 1
                var next = ranked[...]
                while wanted > 0, let s = next.popFirst() {
                    guard taken.insert(s.id).inserted else { continue }
                    var copy: UUID?
                    if accept {
                        let key = ShelfKey(bib: s.id, branch: visit.$branch.id)
                        guard let first = shelf[key]?.first else { continue }
                        shelf[key]?.removeFirst()
                        copy = first
                    }
                    rows.append(Row(visit: visitID, branch: visit.$branch.id, suggestion: s, copy: copy, position: position))
                    position += 1
                    wanted -= 1
                }
                spares[visitID] = next
            }
            if accept { rows = try await reserve(rows, spares: spares, on: tx, sql: sql) }
            try await insert(rows, accept: accept, on: sql)
            return rows.map(\.visit)
        }
    }

    struct ShelfKey: Hashable {
        var bib: Int
        var branch: UUID
    }

    struct Row {
        var visit: UUID
        var branch: UUID
        var suggestion: Suggestion
        var copy: UUID?
        var position: Int
    }

    /// The available copies of every suggested title at its visit's branch, by inventory number.
    static func availableCopies(_ plans: [Plan], visits: [UUID: Visit], on sql: any SQLDatabase) async throws -> [ShelfKey: [UUID]] {
        let bibs = Set(plans.flatMap { $0.ranked.map(\.id) })
        let branches = Set(plans.compactMap { visits[$0.visit]?.$branch.id })
        guard !bibs.isEmpty, !branches.isEmpty else { return [:] }
        var shelf: [ShelfKey: [UUID]] = [:]
        for chunk in Array(bibs).sorted().chunked(2000) {
            let rows = try await sql.select().columns("id", "bib_id", "branch_id").from(Copy.schema)
                .where("status", .equal, CopyStatus.available.rawValue).where("branch_id", .in, Array(branches))
                .where("bib_id", .in, Array(chunk)).orderBy("inventory_number").all()
            for row in rows {
                let key = ShelfKey(bib: try row.decode(column: "bib_id", as: Int.self), branch: try row.decode(column: "branch_id", as: UUID.self))
                shelf[key, default: []].append(try row.decode(column: "id", as: UUID.self))
            }
        }
        return shelf
    }

    /// Reserves the chosen copies in one conditional update. A copy someone else reserved since
    /// it was read (PostgreSQL lets that happen) is replaced by another copy or the visit's next
    /// suggestion, one at a time.
    static func reserve(_ rows: [Row], spares: [UUID: ArraySlice<Suggestion>], on tx: any Database, sql: any SQLDatabase) async throws -> [Row] {
        var won = Set<UUID>()
        for chunk in rows.compactMap(\.copy).chunked(2000) {
            for row in try await sql.update(Copy.schema).set("status", to: CopyStatus.reserved.rawValue)
                .where("status", .equal, CopyStatus.available.rawValue).where("id", .in, Array(chunk)).returning("id").all()
            {
                won.insert(try row.decode(column: "id", as: UUID.self))
            }
        }
        var out: [Row] = []
        var spares = spares
        for var row in rows {
            if let copy = row.copy, won.contains(copy) {
                out.append(row)
                continue
            }
            var candidates = [row.suggestion] + Array(spares[row.visit] ?? [])
            while !candidates.isEmpty {
                let s = candidates.removeFirst()
                if s.id != row.suggestion.id && out.contains(where: { $0.visit == row.visit && $0.suggestion.id == s.id }) { continue }
                if let copy = try await SelectionService.reserveCopy(bibID: s.id, branchID: row.branch, on: tx) {
                    row.suggestion = s
                    row.copy = copy
                    out.append(row)
                    break
                }
            }
            spares[row.visit] = candidates[...]
        }
        return out
    }

    static func insert(_ rows: [Row], accept: Bool, on sql: any SQLDatabase) async throws {
        for chunk in rows.chunked(500) {
            let insert = sql.insert(into: VisitItem.schema).columns(
                "id", "visit_id", "bib_id", "copy_id", "state", "score", "reasons", "position", "source")
            for r in chunk {
                insert.values(
                    SQLBind(UUID()), SQLBind(r.visit), SQLBind(r.suggestion.id), SQLBind(r.copy),
                    SQLBind(accept ? ItemState.accepted.rawValue : ItemState.suggested.rawValue), SQLBind(r.suggestion.score),
                    SQLBind(r.suggestion.reasons.joined(separator: "\n")), SQLBind(r.position), SQLBind("auto"))
            }
            try await insert.run()
        }
    }
}
