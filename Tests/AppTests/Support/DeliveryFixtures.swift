import Fluent
import Foundation
import MARCKit
import Vapor

@testable import KnigonoshaApp

/// A small catalogue with copies at a branch, and readers who want it.
enum DeliveryFixtures {
    /// Imports the titles and gives each one copy at `branch`; returns bib ids by title.
    static func catalogue(_ app: Application, branch: Branch, titles: [(String, String)]) async throws -> [String: Int] {
        let records = titles.enumerated().map { i, t in CatalogFixtures.record("D\(i)", title: t.0, subject: t.1, author: "Ауэзов, Мухтар") }
        let path = try CatalogFixtures.xmlFile(records)
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
        var ids: [String: Int] = [:]
        for (n, b) in try await BibRecord.query(on: app.db).all().enumerated() {
            ids[b.title] = b.id!
            let copy = Copy()
            copy.$bib.id = b.id!
            copy.inventoryNumber = "INV-\(n)"
            copy.$branch.id = branch.id
            copy.shelfMark = "84(5Каз)-\(n)"
            copy.status = CopyStatus.available.rawValue
            try await copy.create(on: app.db)
        }
        return ids
    }

    /// A weekly reader, any day, in print, who likes history.
    static func reader(_ app: Application, seed: Seed, card: String, subjects: [String] = ["История"]) async throws -> Reader {
        var p = Seed.reader(branch: seed.north, card: card)
        p.formats = ["print"]
        p.languages = ["ru"]
        p.subjects = subjects
        p.weekdays = Weekday.allCases.map(\.rawValue)
        p.frequency = "weekly"
        p.items_per_visit = 2
        return try await Seed.storeReader(app, p, by: seed.coordinator)
    }

    /// A planned visit for `reader` at `branch` on `day`.
    @discardableResult
    static func visit(_ app: Application, reader: Reader, branch: Branch, on day: LocalDate) async throws -> Visit {
        let visit = Visit()
        visit.$reader.id = reader.id!
        visit.$branch.id = branch.id!
        visit.scheduledOn = day.iso
        visit.kind = VisitKind.planned.rawValue
        visit.status = VisitStatus.planned.rawValue
        try await visit.create(on: app.db)
        return visit
    }

    /// A reader with a visit today on `seed.carrier`'s run.
    static func stopToday(_ app: Application, seed: Seed, card: String) async throws -> (reader: Reader, visit: Visit) {
        let reader = try await reader(app, seed: seed, card: card)
        let visit = try await visit(app, reader: reader, branch: seed.north, on: LocalDate.today(in: app.config.timeZone))
        visit.$carrier.id = seed.carrier.id
        try await visit.save(on: app.db)
        return (reader, visit)
    }

    /// A visit today on `seed.carrier`'s run with two accepted items to deliver (copies reserved).
    static func stopWithBooks(_ app: Application, seed: Seed, card: String) async throws -> Visit {
        let titles = [("История Казахстана", "История"), ("История Семипалатинска", "История"), ("Очерки истории", "История")]
        _ = try await catalogue(app, branch: seed.north, titles: titles)
        let (_, visit) = try await stopToday(app, seed: seed, card: card)
        _ = try await SelectionService.suggest(visitID: visit.id!, accept: true, today: .today(in: app.config.timeZone), on: app.db)
        return visit
    }
}
