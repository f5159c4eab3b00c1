import Fluent
import Foundation
import Vapor

@testable import KnigonoshaApp

/// A half-year of delivery whose figures were counted by hand (see `StatsTests`): three readers
/// at the north branch and one at the south, their visits and loans, some just outside the
/// period (2026-01-01 to 2026-06-30).
struct StatsFixtures {
    let seed: Seed
    let a: Reader
    let b: Reader
    let c: Reader
    let d: Reader
    let bibs: [Int]

    static func make(_ app: Application) async throws -> StatsFixtures {
        let seed = try await Seed.make(app)
        func reader(_ card: String, _ family: String, branch: Branch, born: String, group: String, registered: String) async throws -> Reader {
            var p = Seed.reader(branch: branch, card: card, family: family)
            p.birth_date = born
            p.disability_group = group
            p.registered_on = registered
            return try await Seed.storeReader(app, p, by: branch.id == seed.north.id ? seed.coordinator : seed.otherCoordinator)
        }
        let a = try await reader("N-101", "Абенова", branch: seed.north, born: "1950-05-01", group: "group1", registered: "2025-03-01")
        let b = try await reader("N-102", "Бекова", branch: seed.north, born: "2015-02-01", group: "child", registered: "2026-02-10")
        let c = try await reader("N-103", "Ципко", branch: seed.north, born: "1990-07-15", group: "group2", registered: "2026-01-05")
        let d = try await reader("S-104", "Дуйсенов", branch: seed.south, born: "2000-01-01", group: "none", registered: "2026-03-01")
        let titles = [("Крупно", "История"), ("Аудио", "История"), ("Двуязычная", "История"), ("Без языка", "История")]
        let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
        let shape = [
            ("Крупно", "large_print", " rus "), ("Аудио", "audiobook", " kaz "), ("Двуязычная", "print", " eng rus "), ("Без языка", "print", ""),
        ]
        var bibs: [Int] = []
        for (title, form, languages) in shape {
            let bib = try await BibRecord.find(ids[title]!, on: app.db)!
            bib.form = form
            bib.languages = languages
            try await bib.save(on: app.db)
            bibs.append(bib.id!)
        }
        let f = StatsFixtures(seed: seed, a: a, b: b, c: c, d: d, bibs: bibs)
        try await f.visits(app)
        try await f.loans(app)
        return f
    }

    private func visits(_ app: Application) async throws {
        let rows: [(Reader, String, VisitStatus, CancelReason?)] = [
            (a, "2026-01-10", .done, nil), (a, "2026-02-10", .done, nil), (a, "2026-03-10", .cancelled, .readerIll), (a, "2026-07-05", .done, nil),
            (b, "2026-03-15", .done, nil), (b, "2026-04-15", .noAnswer, nil), (b, "2026-06-28", .planned, nil),
            (c, "2026-05-05", .noAnswer, nil), (c, "2026-05-20", .cancelled, nil), (c, "2026-05-27", .rescheduled, nil),
            (d, "2026-02-02", .done, nil),
        ]
        for (reader, day, status, reason) in rows {
            let v = Visit()
            v.$reader.id = reader.id!
            v.$branch.id = reader.$branch.id
            v.scheduledOn = day
            v.kind = VisitKind.planned.rawValue
            v.status = status.rawValue
            v.reason = reason?.rawValue
            try await v.create(on: app.db)
        }
    }

    private func loans(_ app: Application) async throws {
        let copies = try await Copy.query(on: app.db).all()
        let copy = Dictionary(copies.map { ($0.$bib.id, $0.id!) }) { x, _ in x }
        let rows: [(Reader, Int, String, String, LoanStatus, String?)] = [
            (a, bibs[0], "2026-01-10", "2026-02-09", .returned, "2026-02-10"),
            (a, bibs[1], "2026-02-10", "2026-03-12", .onLoan, nil),
            (b, bibs[2], "2026-03-15", "2026-04-14", .returned, "2026-07-10"),
            (b, bibs[3], "2026-03-15", "2026-04-14", .lost, nil),
            (a, bibs[0], "2025-12-20", "2026-01-19", .returned, "2026-01-10"),
            (a, bibs[2], "2026-07-05", "2026-08-04", .onLoan, nil),
            (d, bibs[1], "2026-02-02", "2026-03-04", .returned, "2026-03-01"),
        ]
        for (reader, bib, issued, due, status, returned) in rows {
            let l = Loan()
            l.$reader.id = reader.id!
            l.$bib.id = bib
            l.$copy.id = copy[bib]!
            l.issuedOn = issued
            l.dueOn = due
            l.status = status.rawValue
            l.returnedOn = returned
            l.renewals = 0
            try await l.create(on: app.db)
        }
    }
}
