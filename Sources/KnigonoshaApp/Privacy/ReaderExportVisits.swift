import Fluent
import Vapor

/// What the export holds about the reader's visits beyond the visit rows: the titles chosen for
/// each visit, the titles turned down for the reader, and each visit's own history. They say what
/// the reader reads and refuses, and who came when, so they are the reader's data too (issue 16,
/// §2 asks for everything held).
extension ReaderExport {
    struct VisitItemRow: Content {
        var visit_id: UUID
        var scheduled_on: String
        var title: String
        var state: String
    }

    struct RejectionRow: Content {
        var visit_id: UUID
        var scheduled_on: String
        /// None when the title has since left the catalogue: the refusal is still held.
        var title: String?
        var at: Date?
    }

    struct VisitEventRow: Content {
        var visit_id: UUID
        var at: Date
        var kind: String
        var from_value: String?
        var to_value: String?
        /// The account that did it; none when the service did it by itself.
        var user_name: String?
    }

    struct VisitParts {
        var items: [VisitItemRow] = []
        var rejections: [RejectionRow] = []
        var events: [VisitEventRow] = []
    }

    /// The items, refusals and history of `visits`, in the visits' order.
    static func parts(of visits: [Visit], on db: any Database) async throws -> VisitParts {
        let ids = visits.compactMap(\.id)
        guard !ids.isEmpty else { return VisitParts() }
        let day = Dictionary(uniqueKeysWithValues: visits.map { ($0.id!, $0.scheduledOn) })
        let rank = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let items = try await VisitItem.query(on: db).filter(\.$visit.$id ~~ ids).with(\.$bib).all()
            .sorted { (rank[$0.$visit.id] ?? 0, $0.position) < (rank[$1.$visit.id] ?? 0, $1.position) }
        let refused = try await SelectionRejection.query(on: db).filter(\.$visit.$id ~~ ids).all()
            .sorted { (rank[$0.$visit.id] ?? 0, $0.createdAt ?? .distantPast) < (rank[$1.$visit.id] ?? 0, $1.createdAt ?? .distantPast) }
        let bibIDs = Array(Set(refused.map(\.bibID)))
        let titles =
            bibIDs.isEmpty
            ? [:]
            : Dictionary(
                try await BibRecord.query(on: db).filter(\.$id ~~ bibIDs).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let events = try await VisitEvent.query(on: db).filter(\.$visit.$id ~~ ids).sort(\.$at).all()
        return VisitParts(
            items: items.map {
                VisitItemRow(visit_id: $0.$visit.id, scheduled_on: day[$0.$visit.id] ?? "", title: $0.bib.title, state: $0.state)
            },
            rejections: refused.map {
                RejectionRow(visit_id: $0.$visit.id, scheduled_on: day[$0.$visit.id] ?? "", title: titles[$0.bibID], at: $0.createdAt)
            },
            events: events.map {
                VisitEventRow(
                    visit_id: $0.$visit.id, at: $0.at, kind: $0.kind, from_value: $0.fromValue, to_value: $0.toValue,
                    user_name: $0.userID == nil ? nil : $0.userName)
            })
    }
}
