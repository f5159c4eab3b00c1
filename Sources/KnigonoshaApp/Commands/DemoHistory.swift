import Fluent
import Vapor

/// A year of past delivery for the demo: a visit every eight weeks per reader, most of them
/// done with a book or two handed over and returned, some missed or cancelled, and a few books
/// still out past their date, so that the statistics and the project's indicators have figures.
enum DemoHistory {
    static func load(on db: any Database, today: LocalDate) async throws {
        let readers = try await Reader.query(on: db).filter(\.$status == ReaderStatus.active.rawValue).sort(\.$cardNumber).all()
        let copies = try await Copy.query(on: db).filter(\.$status == CopyStatus.available.rawValue).with(\.$bib).sort(\.$inventoryNumber).all()
        try await db.transaction { tx in
            for (i, reader) in readers.enumerated() {
                let upcoming = try await VisitItem.query(on: tx).join(Visit.self, on: \VisitItem.$visit.$id == \Visit.$id)
                    .filter(Visit.self, \.$reader.$id == reader.id!).all().map { $0.$bib.id }
                let pool = copies.filter { $0.$branch.id == reader.$branch.id && !upcoming.contains($0.$bib.id) }
                guard !pool.isEmpty else { continue }
                for k in 1...6 {
                    let day = today.adding(days: -56 * k + i % 7)
                    let visit = Visit()
                    visit.$reader.id = reader.id!
                    visit.$branch.id = reader.$branch.id
                    visit.scheduledOn = day.iso
                    visit.kind = VisitKind.planned.rawValue
                    switch (i * 7 + k * 3) % 12 {
                    case 0: visit.status = VisitStatus.noAnswer.rawValue
                    case 1:
                        visit.status = VisitStatus.cancelled.rawValue
                        visit.reason = CancelReason.readerIll.rawValue
                    case 2:
                        visit.status = VisitStatus.cancelled.rawValue
                        visit.reason = CancelReason.weather.rawValue
                    default: visit.status = VisitStatus.done.rawValue
                    }
                    try await visit.create(on: tx)
                    guard visit.status == VisitStatus.done.rawValue else { continue }
                    for j in 0..<(k % 2 == 0 ? 2 : 1) {
                        let copy = pool[(i + k * 2 + j) % pool.count]
                        let loan = Loan()
                        loan.$reader.id = reader.id!
                        loan.$bib.id = copy.$bib.id
                        loan.$copy.id = copy.id!
                        loan.$visit.id = visit.id
                        loan.issuedOn = day.iso
                        loan.dueOn = day.adding(days: 30).iso
                        loan.renewals = 0
                        // The last visit's books of every tenth reader are still out, past their date.
                        if k == 1 && i % 10 == 0 && copy.status == CopyStatus.available.rawValue {
                            loan.status = LoanStatus.onLoan.rawValue
                            copy.status = CopyStatus.onLoan.rawValue
                            try await copy.save(on: tx)
                        } else {
                            loan.status = LoanStatus.returned.rawValue
                            loan.returnedOn = min(day.adding(days: 56), today.adding(days: -1)).iso
                            loan.rating = (i + k) % 5 == 0 ? nil : 3 + (i + k) % 3
                        }
                        try await loan.create(on: tx)
                    }
                }
            }
        }
    }
}
