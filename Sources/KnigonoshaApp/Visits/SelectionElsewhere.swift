import Fluent
import Selection
import Stemming
import Vapor

/// Suggestions from the library's other branches, for a visit whose own branch has too few free
/// titles that fit the reader (issue 12, finding 4). They are suggestions only, without a copy:
/// the visit's page offers to ask the branch that has one.
enum SelectionElsewhere {
    static func suggestions(
        visitID: UUID, besides: [Suggestion], today: LocalDate, on db: any Database, memo: SelectionMemo
    ) async throws -> [Suggestion] {
        guard let visit = try await Visit.query(on: db).filter(\.$id == visitID).with(\.$reader, { $0.with(\.$tags) }).first(),
            visit.visitStatus.isOpen
        else { return [] }
        let kept = try await VisitItem.query(on: db).filter(\.$visit.$id == visitID).filter(\.$state != ItemState.suggested.rawValue).all()
        var wanted = visit.reader.itemsPerVisit - kept.count - besides.count
        guard wanted > 0 else { return [] }
        var exclude = Set(kept.map { $0.$bib.id }).union(besides.map(\.id))
        exclude.formUnion(try await SelectionRejection.bibs(visitID: visitID, on: db))
        // Read once for every branch asked, not once per branch.
        let upcoming = try await SelectionService.upcomingTitles(readers: [visit.$reader.id], on: db)[visit.$reader.id] ?? []
        var out: [Suggestion] = []
        for branch in try await Branch.query(on: db).filter(\.$id != visit.$branch.id).sort(\.$code).all() where wanted > 0 {
            let gathered = try await SelectionService.gather(
                visit: visit, exclude: exclude, wanted: wanted, spare: 0, upcoming: upcoming, today: today, on: db, memo: memo,
                branchID: branch.id)
            let found = SelectionService.rank(gathered, today: today, memo: memo, analyzer: SearchAnalyzer()).prefix(wanted)
            out += found
            exclude.formUnion(found.map(\.id))
            wanted -= found.count
        }
        return out
    }
}
