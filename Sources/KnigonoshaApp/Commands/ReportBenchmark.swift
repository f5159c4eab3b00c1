import Fluent
import SQLKit
import Vapor

/// `knigonosha bench report`: seeds an empty scratch database with three years of delivery,
/// events and projects for 2,000 readers at 10 branches (or as many as asked), for `Benchmarks/annual-report.sh`,
/// which then times the annual report over HTTP.
enum ReportBenchmark {
    static func seed(_ app: Application, context: CommandContext, readers: Int, branches: Int) async throws {
        try await Migrations.run(on: app)
        let sql = try app.db.sql
        guard try await Reader.query(on: app.db).count() == 0 else { throw CommandFailure("point DATABASE_URL at an empty scratch database") }
        let today = LocalDate.today(in: app.config.timeZone)
        var clock = ContinuousClock.now
        func lap(_ label: String) {
            let d = ContinuousClock.now - clock
            context.console.print(String(format: "  %@: %.1f s", label, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
            clock = .now
        }
        try await SelectionBenchData.catalogue(titles: 20_000, on: app.db)
        lap("a catalogue of 20,000 records")
        var data = SelectionBenchData(seed: 20_261_130, db: sql, today: today)
        try await data.branchesAndCopies(count: branches)
        let (subjects, authors) = try await data.vocabulary()
        try await data.readers(count: readers, subjects: subjects, authors: authors)
        let loans = try await data.history()
        try await data.vary()
        lap("\(branches) branches, \(readers) readers, three years of visits and \(loans) loans")
        let admin = CurrentUser(id: UUID(), email: "bench@example.kz", fullName: "Bench", role: .admin, branchID: nil)
        try await data.eventsAndProjects(admin: admin, on: app.db)
        lap("1,200 events and 10 projects")
        // What autovacuum soon does on a live PostgreSQL: statistics for the planner, and the
        // visibility map that lets an index answer alone.
        if case .postgres = app.config.database { try await sql.raw("VACUUM ANALYZE").run() }
        let counts = try await sql.raw(
            "SELECT (SELECT COUNT(*) FROM visits) AS v, (SELECT COUNT(*) FROM loans) AS l, (SELECT COUNT(*) FROM events) AS e"
        ).first()
        context.console.print(
            "Seeded: \(try counts?.decode(column: "v", as: Int.self) ?? 0) visits, \(try counts?.decode(column: "l", as: Int.self) ?? 0) loans, \(try counts?.decode(column: "e", as: Int.self) ?? 0) events"
        )
    }
}
