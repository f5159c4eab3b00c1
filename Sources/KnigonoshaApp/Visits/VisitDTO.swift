import Fluent
import Vapor

/// A visit as the API sends it to coordinators.
struct VisitDTO: Content {
    struct Item: Content {
        var id: UUID
        var bib_id: Int
        var title: String
        var format: String
        var copy_id: UUID?
        var inventory_number: String?
        var shelf_mark: String?
        var state: String
        var score: Double?
        var reasons: [String]
    }

    struct LoanDTO: Content {
        var id: UUID
        var bib_id: Int
        var title: String
        var issued_on: String
        var due_on: String
        var status: String
    }

    var id: UUID
    var reader_id: UUID
    var reader_name: String
    var branch_id: UUID
    var carrier_id: UUID?
    var scheduled_on: String
    var time_from: String?
    var time_to: String?
    var kind: String
    var status: String
    var reason: String?
    var reason_note: String?
    var requested_by: String?
    var request_channel: String?
    var request_text: String?
    var minutes_spent: Int?
    var comment: String?
    var rescheduled_to: UUID?
    var items: [Item]
    var collect: [LoanDTO]

    init(_ v: Visit, details: VisitDetails) {
        id = v.id!
        reader_id = v.$reader.id
        reader_name = v.reader.fullName
        branch_id = v.$branch.id
        carrier_id = v.$carrier.id
        scheduled_on = v.scheduledOn
        time_from = v.timeFrom
        time_to = v.timeTo
        kind = v.kind
        status = v.status
        reason = v.reason
        reason_note = v.reasonNote
        requested_by = v.requestedBy
        request_channel = v.requestChannel
        request_text = v.requestText
        minutes_spent = v.minutesSpent
        comment = v.comment
        rescheduled_to = v.rescheduledTo
        items = details.items.map { i in
            Item(
                id: i.id!, bib_id: i.$bib.id, title: i.bib.title, format: i.bib.form, copy_id: i.$copy.id, inventory_number: i.copy?.inventoryNumber,
                shelf_mark: i.copy?.shelfMark, state: i.state, score: i.score, reasons: i.reasons.split(separator: "\n").map(String.init))
        }
        collect = details.collect.map { LoanDTO($0) }
    }
}

extension VisitDTO.LoanDTO {
    init(_ l: Loan) {
        self.init(id: l.id!, bib_id: l.$bib.id, title: l.bib.title, issued_on: l.issuedOn, due_on: l.dueOn, status: l.status)
    }
}

/// A visit's items (with titles and copies) and the loans the carrier should collect.
struct VisitDetails: Sendable {
    var items: [VisitItem]
    var collect: [Loan]

    static func load(_ visit: Visit, on db: any Database) async throws -> VisitDetails {
        try await loadAll([visit], on: db)[visit.id!] ?? VisitDetails(items: [], collect: [])
    }

    /// The details of many visits, in as many statements as for one (issue 17, §2): the items of
    /// all of them, the books out with the readers of the open ones, and the books that came back
    /// with the closed ones, each with their titles.
    static func loadAll(_ visits: [Visit], on db: any Database) async throws -> [UUID: VisitDetails] {
        let ids = visits.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let items = try await VisitItem.query(on: db).filter(\.$visit.$id ~~ ids).with(\.$bib).with(\.$copy).sort(\.$position).all()
        let openReaders = Array(Set(visits.filter { $0.visitStatus.isOpen }.map { $0.$reader.id }))
        let closed = visits.filter { !$0.visitStatus.isOpen }.compactMap(\.id)
        let out =
            openReaders.isEmpty
            ? []
            : try await Loan.query(on: db).filter(\.$reader.$id ~~ openReaders).filter(\.$status == LoanStatus.onLoan.rawValue).with(\.$bib)
                .sort(\.$dueOn).all()
        let back = closed.isEmpty ? [] : try await Loan.query(on: db).filter(\.$returnVisit.$id ~~ closed).with(\.$bib).all()
        let itemsByVisit = Dictionary(grouping: items) { $0.$visit.id }
        let outByReader = Dictionary(grouping: out) { $0.$reader.id }
        let backByVisit = Dictionary(grouping: back) { $0.$returnVisit.id }
        var result: [UUID: VisitDetails] = [:]
        for visit in visits {
            let id = visit.id!
            let collect = visit.visitStatus.isOpen ? outByReader[visit.$reader.id] ?? [] : backByVisit[id] ?? []
            result[id] = VisitDetails(items: itemsByVisit[id] ?? [], collect: collect)
        }
        return result
    }
}
