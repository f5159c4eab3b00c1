import Fluent
import SQLKit
import Scheduling
import Vapor

extension SelectionBenchData {
    /// Three years of fortnightly visits, each with two loans returned at the next one, most rated.
    mutating func history(years: Int = 3) async throws -> Int {
        let start = today.schedulingDay.adding(days: -365 * years)
        var visits: [(UUID, UUID, UUID, String)] = []
        var loans: [(UUID, UUID, Int, UUID, UUID, String, String, Int?)] = []
        for (reader, branch) in readers {
            var day = start.adding(days: Int(rng.next() % 14))
            let shelf = shelves[branch]
            while day < today.schedulingDay {
                let visit = UUID()
                visits.append((visit, reader, branches[branch], day.iso))
                for _ in 0..<2 where !shelf.isEmpty {
                    let (copy, bib) = shelf[Int(rng.next() % UInt64(shelf.count))]
                    let rated = rng.next() % 10 < 6
                    loans.append((UUID(), reader, bib, copy, visit, day.iso, day.adding(days: 14).iso, rated ? Int(rng.next() % 5) + 1 : nil))
                }
                day = day.adding(days: 14)
            }
        }
        let now = Date()
        for chunk in visits.chunked(2000) {
            let insert = db.insert(into: Visit.schema).columns(
                "id", "created_at", "updated_at", "reader_id", "branch_id", "scheduled_on", "kind", "status", "completed_at")
            for (id, reader, branch, day) in chunk {
                insert.values(
                    SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(reader), SQLBind(branch), SQLBind(day), SQLBind("planned"), SQLBind("done"),
                    SQLBind(now))
            }
            try await insert.run()
        }
        for chunk in loans.chunked(2000) {
            let insert = db.insert(into: Loan.schema).columns(
                "id", "created_at", "reader_id", "bib_id", "copy_id", "visit_id", "issued_on", "due_on", "status", "returned_on", "rating", "renewals"
            )
            for (id, reader, bib, copy, visit, issued, due, rating) in chunk {
                insert.values(
                    SQLBind(id), SQLBind(now), SQLBind(reader), SQLBind(bib), SQLBind(copy), SQLBind(visit), SQLBind(issued), SQLBind(due),
                    SQLBind("returned"), SQLBind(due), rating.map { SQLBind($0) } ?? SQLBind(Int?.none), SQLBind(0))
            }
            try await insert.run()
        }
        return loans.count
    }

    /// Branches and readers of an earlier run, in the order they were seeded.
    mutating func reload() async throws {
        branches = try await db.select().column("id").from(Branch.schema).where("code", .like, "B%").orderBy("code").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        let rows = try await db.select().column("id").column("branch_id").column("card_number").from(Reader.schema)
            .where("card_number", .like, "BENCH-%").all()
        let index = Dictionary(uniqueKeysWithValues: branches.enumerated().map { ($1, $0) })
        readers = try rows.map { row in
            (
                try row.decode(column: "card_number", as: String.self), try row.decode(column: "id", as: UUID.self),
                try row.decode(column: "branch_id", as: UUID.self)
            )
        }
        .sorted { Int($0.0.dropFirst(6)) ?? 0 < Int($1.0.dropFirst(6)) ?? 0 }.map { ($0.1, index[$0.2] ?? 0) }
    }

    /// Planned visits for `readers[range]` spread over the five working days from `monday`.
    func plan(_ range: Range<Int>, monday: LocalDate) async throws -> [UUID] {
        var ids: [UUID] = []
        let now = Date()
        let insert = db.insert(into: Visit.schema).columns(
            "id", "created_at", "updated_at", "reader_id", "branch_id", "scheduled_on", "kind", "status")
        for i in range {
            let (reader, branch) = readers[i]
            let id = UUID()
            ids.append(id)
            insert.values(
                SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(reader), SQLBind(branches[branch]), SQLBind(monday.adding(days: i % 5).iso),
                SQLBind("planned"), SQLBind("planned"))
        }
        try await insert.run()
        return ids
    }
}

/// `knigonosha bench selection`: seeds delivery data over the catalogue already in the database
/// (import the Library of Congress file first) and times batch selection for a week of visits and
/// one reader's suggestions. Used by `Benchmarks/selection.sh`; it writes to the database, so
/// point it at a scratch one.
struct BenchCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what") var what: String
        @Option(name: "readers") var readers: Int?
        @Option(name: "branches", help: "Branches for `bench report` (10 by default)") var branches: Int?
        @Option(name: "week-visits") var weekVisits: Int?
        @Flag(name: "again", help: "Measure again on data seeded by an earlier run (selections are cleared first)")
        var again: Bool
    }

    var help: String { "Benchmarks on a scratch database: `bench selection`, `bench report` (seeds the annual report's data)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.what == "report" {
            return try await ReportBenchmark.seed(
                app, context: context, readers: signature.readers ?? 2000, branches: signature.branches ?? 10)
        }
        guard signature.what == "selection" else { throw CommandFailure("unknown benchmark \"\(signature.what)\"; try: selection, report") }
        try await Migrations.run(on: app)
        let sql = try app.db.sql
        guard try await BibRecord.query(on: app.db).count() > 0 else { throw CommandFailure("import a catalogue first") }
        let today = LocalDate.today(in: app.config.timeZone)
        let readerCount = signature.readers ?? 2000
        let weekVisits = min(signature.weekVisits ?? 500, readerCount - 200)
        var data = SelectionBenchData(seed: 20_261_130, db: sql, today: today)
        var clock = ContinuousClock.now
        func lap(_ label: String) {
            let elapsed = ContinuousClock.now - clock
            context.console.print(
                String(format: "  %@: %.1f s", label, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            clock = .now
        }
        let monday = LocalDate(today.schedulingDay.weekStart.adding(days: 7))
        if signature.again {
            // Clear what the last run chose, and plan the same visits again.
            try await sql.delete(from: VisitItem.schema).run()
            try await sql.update(Copy.schema).set("status", to: "available").where("status", .equal, "reserved").run()
            try await sql.delete(from: Visit.schema).where("status", .equal, "planned").run()
            try await data.reload()
        } else {
            context.console.print("Seeding:")
            try await data.branchesAndCopies(count: 10)
            lap("10 branches, one copy per record")
            let (subjects, authors) = try await data.vocabulary()
            try await data.readers(count: readerCount, subjects: subjects, authors: authors)
            lap("\(readerCount) readers with 5-60 interests")
            let loans = try await data.history()
            lap("three years of history, \(loans) loans")
        }
        _ = try await data.plan(0..<weekVisits, monday: monday)
        let single = try await data.plan(weekVisits..<(weekVisits + 200), monday: monday.adding(days: 7))
        lap("\(weekVisits) visits next week, 200 the week after")

        let start = ContinuousClock.now
        // Branch by branch, as coordinators prepare their week.
        var visits = 0
        var items = 0
        for branch in data.branches {
            let r = try await SelectionBatch.run(
                branchID: branch, from: monday, until: monday.adding(days: 6), today: today, on: app.db,
                lanes: app.databasesPerLoop(logger: app.logger))
            visits += r.visits
            items += r.items
        }
        let batch = ContinuousClock.now - start
        context.console.print(String(format: "Batch selection for the week: %d visits, %d items reserved in %.2f s", visits, items, seconds(batch)))

        var times: [Double] = []
        for id in single {
            let t0 = ContinuousClock.now
            try await SelectionService.suggest(visitID: id, accept: false, today: today, on: app.db)
            times.append(seconds(ContinuousClock.now - t0) * 1000)
        }
        times.sort()
        func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
        context.console.print(
            String(
                format: "One reader's suggestions (%d readers): p50 %.1f ms, p95 %.1f ms, max %.1f ms", times.count, pct(0.5), pct(0.95),
                times.last ?? 0))
    }

    private func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
}
