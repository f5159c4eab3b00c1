import Fluent
import Vapor

/// Everything the service holds about one reader (law 94-V: the right to know what is held and
/// who saw it): the record, the service history with each visit's books, refusals and history,
/// the reading history, the change history and the access log about them and their visits. One builder for the page and the JSON, so they cannot disagree.
struct ReaderExport: Content {
    struct Removal: Content {
        var kind: String
        var on: String?
        var reason: String?
    }

    struct VisitRow: Content {
        var id: UUID
        var scheduled_on: String
        var kind: String
        var status: String
        var reason: String?
        var time_from: String?
        var time_to: String?
        var carrier_name: String?
        var requested_by: String?
        var request_text: String?
        var comment: String?
        var completed_at: Date?
    }

    struct LoanRow: Content {
        var id: UUID
        var title: String
        var issued_on: String
        var due_on: String
        var returned_on: String?
        var status: String
        var rating: Int?
        var comment: String?
    }

    struct HistoryRow: Content {
        var title: String
        var read_on: String
        var source: String
    }

    struct ChangeRow: Content {
        var changed_at: Date
        var field: String
        var old_value: String?
        var new_value: String?
        var user_name: String?
    }

    struct AccessRow: Content {
        var at: Date
        /// `reader`, or `visit` for an entry about one of the reader's visits (a slip, a run).
        var entity: String
        var entity_id: UUID?
        var action: String
        var channel: String
        var route: String?
        var user_name: String?
    }

    var generated_at: Date
    var language: String
    var reader: ReaderRecord
    var removal: Removal?
    /// Every consent recorded, withdrawn ones included: the consent history.
    var consents: [ConsentDTO]
    var visits: [VisitRow]
    /// The titles chosen for each visit, and what became of them.
    var visit_items: [VisitItemRow]
    /// The titles turned down for the reader on a visit's selection.
    var selection_rejections: [RejectionRow]
    /// Each visit's own history: planned, assigned, its status changes.
    var visit_events: [VisitEventRow]
    var loans: [LoanRow]
    var reading_history: [HistoryRow]
    var changes: [ChangeRow]
    var access_log: [AccessRow]

    /// The reader's first language the interface has, else Russian: the export is for them.
    static func language(of record: ReaderRecord) -> Lang {
        record.languages.compactMap(Lang.init(rawValue:)).first ?? .ru
    }

    static func build(_ reader: Reader, today: LocalDate = .today(in: AppConfig.defaultTimeZone), on db: any Database) async throws -> ReaderExport {
        let id = try reader.requireID()
        let consents = try await ReaderConsent.query(on: db).filter(\.$reader.$id == id).sort(\.$givenOn).sort(\.$createdAt).all()
        let record = try await ConsentsInForce.record(reader, on: today, db: db)
        let visits = try await Visit.query(on: db).filter(\.$reader.$id == id).with(\.$carrier).sort(\.$scheduledOn).all()
        let loans = try await Loan.query(on: db).filter(\.$reader.$id == id).with(\.$bib).sort(\.$issuedOn).all()
        let history = try await ReadingHistory.query(on: db).filter(\.$reader.$id == id).with(\.$bib).sort(\.$readOn).all()
        let changes = try await ReaderChange.query(on: db).filter(\.$reader.$id == id).with(\.$user).sort(\.$changedAt).sort(\.$field).all()
        let parts = try await parts(of: visits, on: db)
        // Entries about the reader's visits are about the reader too: a visit's page and its slip
        // show their name, address and needs.
        let visitIDs = visits.compactMap(\.id)
        let access = try await AuditEntry.query(on: db)
            .group(.or) { or in
                or.group(.and) { $0.filter(\.$entity == "reader").filter(\.$entityID == id) }
                if !visitIDs.isEmpty { or.group(.and) { $0.filter(\.$entity == "visit").filter(\.$entityID ~~ visitIDs) } }
            }
            .with(\.$user).sort(\.$at).all()
        return ReaderExport(
            generated_at: Date(), language: language(of: record).rawValue, reader: record,
            removal: reader.removedAs.map { Removal(kind: $0, on: reader.removedOn, reason: reader.removalReason) },
            consents: consents.map { ConsentDTO($0, today: today) },
            visits: visits.map {
                VisitRow(
                    id: $0.id!, scheduled_on: $0.scheduledOn, kind: $0.kind, status: $0.status, reason: $0.reason, time_from: $0.timeFrom,
                    time_to: $0.timeTo, carrier_name: $0.carrier?.fullName, requested_by: $0.requestedBy, request_text: $0.requestText,
                    comment: $0.comment, completed_at: $0.completedAt)
            },
            visit_items: parts.items, selection_rejections: parts.rejections, visit_events: parts.events,
            loans: loans.map {
                LoanRow(
                    id: $0.id!, title: $0.bib.title, issued_on: $0.issuedOn, due_on: $0.dueOn, returned_on: $0.returnedOn, status: $0.status,
                    rating: $0.rating, comment: $0.comment)
            },
            reading_history: history.map { HistoryRow(title: $0.bib.title, read_on: $0.readOn, source: $0.source) },
            changes: changes.map {
                ChangeRow(changed_at: $0.changedAt, field: $0.field, old_value: $0.oldValue, new_value: $0.newValue, user_name: $0.user?.fullName)
            },
            access_log: access.map {
                AccessRow(
                    at: $0.at, entity: $0.entity, entity_id: $0.entityID, action: $0.action, channel: $0.channel, route: $0.route,
                    user_name: $0.user?.fullName)
            })
    }
}
