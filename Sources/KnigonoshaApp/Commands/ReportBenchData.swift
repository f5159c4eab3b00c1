import Fluent
import Foundation
import MARCKit
import SQLKit
import Vapor

/// Data for the annual-report benchmark: a generated catalogue of `titles` records in Russian,
/// Kazakh and English and seven formats, then the selection benchmark's branches, readers and
/// three years of visits and loans, made varied (ages, disability groups, missed and cancelled
/// visits, books still out), and a register of events with ten projects. Deterministic.
extension SelectionBenchData {
    static func catalogue(titles: Int, on db: any Database) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-bench-\(UUID()).mrc").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes: [UInt8] = []
        let languages = ["rus", "rus", "kaz", "eng"]
        let subjects = ["История Казахстана", "Поэзия", "Романы", "Здоровье", "Путешествия", "Садоводство", "Психология", "Детективы"]
        for i in 0..<titles {
            let lang = languages[i % languages.count]
            let fixed = "260101s2015    kz            000 0 \(lang) d"
            let fields = [
                MARCField(tag: "001", value: "RB\(i)"), MARCField(tag: "003", value: "BENCH"), MARCField(tag: "008", value: fixed),
                MARCField(tag: "100", indicator1: "1", indicator2: " ", subfields: [MARCSubfield("a", "Автор \(i % 900)")]),
                MARCField(tag: "245", indicator1: "1", indicator2: "0", subfields: [MARCSubfield("a", "Книга номер \(i)")]),
                MARCField(tag: "650", indicator1: " ", indicator2: "0", subfields: [MARCSubfield("a", subjects[i % subjects.count])]),
            ]
            bytes += ISO2709Writer.encode(MARCRecord(leader: "00000nam a2200000 i 4500", fields: fields))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        _ = try await CatalogImport.run(path: path, options: ImportOptions(), on: db)
        let sql = try db.sql
        for (k, form) in StatsRows.formCodes.enumerated() {
            try await sql.raw("UPDATE bib_records SET form = \(bind: form) WHERE id % 7 = \(bind: k)").run()
        }
    }

    /// Turns the all-done history into a realistic one: some visits missed, cancelled or moved
    /// (their loans removed), the last month's books still out, and readers of every age and group.
    func vary() async throws {
        let outcomes: [(String, String, String?)] = [
            ("03", "no_answer", nil), ("17", "no_answer", nil), ("09", "cancelled", "reader_ill"), ("23", "cancelled", "weather"),
            ("27", "rescheduled", nil),
        ]
        for (day, status, reason) in outcomes {
            try await db.raw(
                "UPDATE visits SET status = \(bind: status), reason = \(bind: reason) WHERE status = 'done' AND substr(scheduled_on, 9, 2) = \(bind: day)"
            ).run()
        }
        try await db.raw("DELETE FROM loans WHERE visit_id IN (SELECT id FROM visits WHERE status <> 'done')").run()
        let recent = today.adding(days: -40).iso
        // Only each copy's latest loan of those weeks is still out: with 20,000 readers (issue 17,
        // §7) a copy went out twice in 40 days, and a copy can be on one open loan only. Ranked in
        // one pass: the correlated NOT EXISTS this replaces scanned the weeks' loans once for each
        // of them (no index leads with copy_id), and at 20,000 readers did not finish in 25 minutes.
        try await db.raw(
            """
            UPDATE loans SET status = 'on_loan', returned_on = NULL WHERE id IN (
                SELECT id FROM (
                    SELECT id, ROW_NUMBER() OVER (PARTITION BY copy_id ORDER BY issued_on DESC, id DESC) AS n
                    FROM loans WHERE issued_on >= \(bind: recent)
                ) ranked WHERE n = 1)
            """
        ).run()
        let groups = DisabilityGroup.allCases.map(\.rawValue)
        for (i, (reader, _)) in readers.enumerated() {
            let born = LocalDate(year: 1930 + i % 85, month: 1 + i % 12, day: 1 + i % 28).iso
            let registered = today.adding(days: -(i * 7 % 1400)).iso
            try await db.update(Reader.schema).set("birth_date", to: born).set("disability_group", to: groups[i % groups.count])
                .set("registered_on", to: registered).where("id", .equal, reader).run()
        }
    }

    /// Events through the three years at every branch, and ten projects with indicators,
    /// presentations and awards, each with a share of the events.
    func eventsAndProjects(admin: CurrentUser, on db: any Database) async throws {
        var projects: [UUID] = []
        for (n, branch) in branches.enumerated() {
            let payload = ProjectPayload(
                name: "Проект \(n + 1)", branch_id: branch, target_groups: ["disabled", "elderly"], goal: "Цель", description: "Описание",
                starts_on: LocalDate(year: today.year - 3, month: 1, day: 1).iso, status: "active", authors: [.init(name: "Автор \(n)")],
                presentations: [
                    .init(venue: "«Разные – Равные»", venue_kind: "competition", presented_on: today.adding(days: -100).iso, material: "video")
                ],
                awards: [
                    .init(
                        name: "Әлеуметтік-еңбек саласының үздігі", awarded_by: "Министерство", awarded_on: today.adding(days: -100).iso,
                        recipient: "Автор \(n)")
                ],
                indicators: IndicatorMetric.allCases.map {
                    .init(
                        name: $0.rawValue, metric: $0.rawValue, target: 1000, manual_value: $0 == .manual ? 5 : nil,
                        source: $0 == .manual ? "Журнал" : nil)
                })
            let project = Project()
            let (errors, parts) = try await ProjectService.apply(payload, to: project, by: admin, on: db)
            guard errors.isEmpty else { throw Abort(.internalServerError, reason: "bench project: \(errors.items.map(\.field))") }
            try await ProjectService.save(project, parts, on: db)
            projects.append(project.id!)
        }
        let linked = projects
        let branches = self.branches
        let today = self.today
        let types = EventType.allCases.map(\.rawValue)
        let groups = TargetGroup.allCases.map(\.rawValue)
        try await db.transaction { tx in
            for i in 0..<(branches.count * 120) {
                let e = Event()
                e.title = "Мероприятие \(i)"
                e.type = types[i % types.count]
                e.startsOn = today.adding(days: -(i * 3 % 1095)).iso
                e.place = "Зал"
                e.organiser = "Отдел"
                e.$branch.id = branches[i % branches.count]
                e.targetGroups = " \(groups[i % groups.count]) \(groups[(i + 3) % groups.count]) "
                e.participants = "читатели"
                e.participantsTotal = 10 + i % 40
                e.disabled = i % 7
                e.goal = "Цель"
                e.expectedResult = "Результат"
                e.$project.id = i % 4 == 0 ? linked[i % linked.count] : nil
                try await e.create(on: tx)
            }
        }
    }
}
