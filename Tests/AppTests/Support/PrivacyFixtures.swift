import Fluent
import Foundation
import Vapor

@testable import KnigonoshaApp

/// Sixty-odd readers over two years with visits and loans of every kind, made from a fixed seed:
/// birth dates that cross an age band's edge inside the period (on 29 February too), readers with
/// no birth date, every disability group, both branches. What `ReaderRemovalTests` anonymises a
/// tenth of and then counts again.
struct PrivacyFixtures {
    let seed: Seed
    let readers: [Reader]

    /// A small deterministic generator (the same data on every run and both databases).
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func day(_ year: ClosedRange<Int>) -> LocalDate {
            let y = year.lowerBound + next(year.count)
            let m = 1 + next(12)
            return LocalDate(year: y, month: m, day: 1 + next(LocalDate.daysIn(month: m, year: y)))
        }
    }

    /// Births whose band changes inside 2025–2026: 60 on 15 March 2026, 15 on 28 February 2026,
    /// 31 on 10 June 2025, and a 29 February birth turning 60 on 1 March 2025.
    static let edgeBirths = ["1966-03-15", "2011-02-28", "1994-06-10", "1965-03-01", "1964-02-29", nil]

    static func make(_ app: Application, count: Int = 64) async throws -> PrivacyFixtures {
        let seed = try await Seed.make(app)
        let titles = (0..<6).map { ("Книга \($0)", "История") }
        let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: titles)
        let shapes = [
            ("large_print", " rus "), ("audiobook", " kaz "), ("print", " eng rus "), ("print", ""), ("braille", " rus "), ("daisy", " kaz "),
        ]
        var bibs: [Int] = []
        for (i, (form, languages)) in shapes.enumerated() {
            let bib = try await BibRecord.find(ids["Книга \(i)"]!, on: app.db)!
            (bib.form, bib.languages) = (form, languages)
            try await bib.save(on: app.db)
            bibs.append(bib.id!)
        }
        let copies = Dictionary(try await Copy.query(on: app.db).all().map { ($0.$bib.id, $0.id!) }) { a, _ in a }
        var dice = Dice(state: 20_261_202)
        var readers: [Reader] = []
        for i in 0..<count {
            let branch = i % 3 == 2 ? seed.south : seed.north
            var p = Seed.reader(branch: branch, card: "P-\(i)", family: "Фамилия\(i)")
            p.given_name = "Имя\(i)"
            p.birth_date = i % 10 == 0 ? edgeBirths[(i / 10) % edgeBirths.count] : (i % 13 == 5 ? nil : dice.day(1930...2020).iso)
            p.disability_group = DisabilityGroup.codes[dice.next(DisabilityGroup.codes.count)]
            p.registered_on = min(dice.day(2024...2026), LocalDate(year: 2026, month: 11, day: 30)).iso
            p.status = ["active", "active", "paused", "ended"][dice.next(4)]
            if p.status == "paused" { (p.pause_from, p.pause_until) = ("2026-11-01", "2027-01-31") }
            if p.status == "ended" { (p.ended_on, p.end_reason) = ("2026-10-01", "moved") }
            let reader = try await Seed.storeReader(app, p, by: branch.id == seed.north.id ? seed.coordinator : seed.otherCoordinator)
            readers.append(reader)
            // Visits and loans on days from 2024 to 2026; every tenth reader's are all closed.
            for _ in 0..<dice.next(6) {
                let v = Visit()
                v.$reader.id = reader.id!
                v.$branch.id = branch.id!
                v.scheduledOn = dice.day(2024...2026).iso
                v.kind = dice.next(3) == 0 ? VisitKind.request.rawValue : VisitKind.planned.rawValue
                let statuses: [VisitStatus] = [.done, .done, .noAnswer, .cancelled, .rescheduled] + (i % 10 == 0 ? [] : [.planned])
                v.status = statuses[dice.next(statuses.count)].rawValue
                if v.status == VisitStatus.cancelled.rawValue { v.reason = CancelReason.codes[dice.next(CancelReason.codes.count)] }
                v.comment = "Комментарий о \(p.family_name!)"
                try await v.create(on: app.db)
            }
            for _ in 0..<dice.next(4) {
                let l = Loan()
                l.$reader.id = reader.id!
                l.$bib.id = bibs[dice.next(bibs.count)]
                l.$copy.id = copies[l.$bib.id]!
                let issued = dice.day(2024...2026)
                l.issuedOn = issued.iso
                l.dueOn = LocalDate(year: issued.year + (issued.month == 12 ? 1 : 0), month: issued.month % 12 + 1, day: min(issued.day, 28)).iso
                let statuses: [LoanStatus] = [.returned, .returned, .lost] + (i % 10 == 0 ? [] : [.onLoan])
                l.status = statuses[dice.next(statuses.count)].rawValue
                if l.status == LoanStatus.onLoan.rawValue {
                    // One loan a copy at a time (a unique index): a copy of its own.
                    let copy = Copy()
                    copy.$bib.id = l.$bib.id
                    (copy.inventoryNumber, copy.shelfMark, copy.status) = ("P-\(i)-\(issued.iso)", "84", CopyStatus.onLoan.rawValue)
                    copy.$branch.id = branch.id
                    try await copy.create(on: app.db)
                    l.$copy.id = copy.id!
                }
                if l.status == LoanStatus.returned.rawValue { l.returnedOn = l.dueOn }
                l.rating = 1 + dice.next(5)
                l.comment = "Понравилось"
                l.renewals = 0
                try await l.create(on: app.db)
            }
        }
        return PrivacyFixtures(seed: seed, readers: readers)
    }
}
