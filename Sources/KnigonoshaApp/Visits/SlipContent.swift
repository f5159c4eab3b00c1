import Fluent
import Vapor

/// What the large-print slip needs: the titles left (or to be left) with their return-by date,
/// the next visit, who brings the books and the branch to call.
struct SlipContent {
    struct Title {
        let title: String
        let dueOn: String?
    }
    let readerName: String
    let titles: [Title]
    let next: Visit?
    let carrierName: String?
    let branch: Branch
    /// The reader's preferred language: the slip is read by the reader, not by the coordinator.
    let lang: Lang

    /// `asked` is the language the coordinator chose on the page; otherwise the first of the
    /// reader's languages the interface speaks, in the order the reader gave them, then Russian.
    static func load(_ visit: Visit, asked: Lang?, on db: any Database) async throws -> SlipContent {
        // Only the visit's items: what the reader hands back is not on the slip.
        let items = try await VisitItem.query(on: db).filter(\.$visit.$id == visit.id!).with(\.$bib).sort(\.$position).all()
        let next = try await VisitRecorder.nextPlanned(after: visit, on: db)
        // Delivered copies carry their loan's due date; titles still to be delivered fall due
        // the way a delivery would set it, so the slip can be printed before the visit.
        let loans = try await Loan.query(on: db).filter(\.$visit.$id == visit.id!).all()
        let dueByCopy = Dictionary(loans.map { ($0.$copy.id, $0.dueOn) }, uniquingKeysWith: { a, _ in a })
        let planned = visit.visitStatus.isOpen ? VisitRecorder.dueDate(visit: visit, next: next).iso : nil
        let titles = items.filter { $0.itemState == .delivered || $0.itemState == .accepted }.map { item in
            Title(title: item.bib.title, dueOn: item.$copy.id.flatMap { dueByCopy[$0] } ?? (item.itemState == .accepted ? planned : nil))
        }
        guard let branch = try await Branch.find(visit.$branch.id, on: db) else { throw AppError.notFound }
        var carrier: User?
        if let id = visit.$carrier.id { carrier = try await User.find(id, on: db) }
        let languages = try await ReaderTag.query(on: db).filter(\.$reader.$id == visit.$reader.id)
            .filter(\.$kind == .language).sort(\.$position).all().compactMap { Lang(rawValue: $0.value) }
        return SlipContent(
            readerName: visit.reader.fullName, titles: titles, next: next, carrierName: carrier?.fullName, branch: branch,
            lang: asked ?? languages.first ?? .ru)
    }
}
