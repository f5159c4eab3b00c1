import Fluent
import Vapor

/// A reader's service history: every visit and every loan, newest first.
struct ReaderService: Sendable {
    var visits: [Visit]
    var loans: [Loan]
    var nextVisit: Visit?

    static func load(readerID: UUID, on db: any Database) async throws -> ReaderService {
        let visits = try await Visit.query(on: db).filter(\.$reader.$id == readerID).with(\.$carrier).sort(\.$scheduledOn, .descending).all()
        let loans = try await Loan.query(on: db).filter(\.$reader.$id == readerID).with(\.$bib).sort(\.$issuedOn, .descending).all()
        let next = visits.filter { $0.visitStatus == .planned }.min { $0.scheduledOn < $1.scheduledOn }
        return ReaderService(visits: visits, loans: loans, nextVisit: next)
    }
}
