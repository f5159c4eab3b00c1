import Foundation
import Vapor

/// Every page of the web UI. Routes are registered from these cases and links are built from
/// them, so a link cannot point at a page that does not exist.
enum SiteRoute: Equatable {
    case home, login, logout, language, textSize, stylesheet
    case profile, profilePassword, profileTokens, profileTokenRevoke(UUID)
    case readers, readerNew, reader(UUID), readerEdit(UUID), genres, readersHistory, readersImport
    case readerExport(UUID), readerExportJSON(UUID), readerRemove(UUID), readerRemoveConfirm(UUID), readersConsents, adminPrivacy
    case readerConsentRecords(UUID), readerConsentWithdraw(UUID, UUID), readerConsentScan(UUID, UUID)
    case adminUsers, adminUserNew, adminUser(UUID), adminUserPassword(UUID), adminUserAnonymise(UUID), adminAudit, adminAuditCSV
    case branches, branchNew, branch(UUID)
    case catalog, catalogRecord(Int), catalogCopies(Int), catalogExport, catalogImport, catalogImportJob(UUID), catalogImportCancel(UUID),
        catalogSync(UUID)
    case run, runOutcome(UUID), runScript, serviceWorker, printScript
    case loans, loanRenew(UUID), loanLost(UUID), readerNextVisit(UUID), runStart(UUID)
    case deliverySettings, holidays, holidayDelete(UUID), carrierHours(UUID), calendarFeed, calendarFeedRevoke, calendar(String)
    case events, eventsCSV, eventsCalendar, eventNew, event(UUID), eventEdit(UUID), eventDelete(UUID)
    case reportEvents, reportEventsXLSX, reportCirculation
    case reports, reportsCSV, reportsXLSX, reportRows, reportAnnual, reportTotals, reportTotalDelete(UUID)
    case projects, projectNew, project(UUID), projectEdit(UUID), projectDelete(UUID), projectPartNew(UUID, ProjectPart), projectPartDelete(
        UUID, ProjectPart, UUID)
    case eventAttachments(UUID), eventAttachment(UUID, UUID), eventAttachmentDelete(UUID, UUID)
    case visits, visit(UUID), visitsPlan, visitsSelect, visitItems(UUID), visitOutcome(UUID), visitNew, visitSlip(UUID), pickList
    case carriers, carrier(UUID), carrierAbsences(UUID), carrierAbsenceDelete(UUID, UUID), carrierReassign(UUID), carrierDetails(UUID)
    case visitCalls, visitCall(UUID), carriersHours
    case visitsWeek, visitsWeekPropose, visitsWeekSave, routeSheets

    private enum Part {
        case literal(String)
        case id(UUID)
        case number(Int)
    }

    private var parts: [Part] {
        switch self {
        case .home: []
        case .login: [.literal("login")]
        case .logout: [.literal("logout")]
        case .language: [.literal("preferences"), .literal("language")]
        case .textSize: [.literal("preferences"), .literal("text-size")]
        case .stylesheet: [.literal("static"), .literal("app.css")]
        case .profile: [.literal("profile")]
        case .profilePassword: [.literal("profile"), .literal("password")]
        case .profileTokens: [.literal("profile"), .literal("tokens")]
        case .profileTokenRevoke(let id): [.literal("profile"), .literal("tokens"), .id(id), .literal("revoke")]
        case .readers: [.literal("readers")]
        case .readerNew: [.literal("readers"), .literal("new")]
        case .readersHistory: [.literal("readers"), .literal("history")]
        case .readersImport: [.literal("readers"), .literal("import")]
        case .reader(let id): [.literal("readers"), .id(id)]
        case .readerEdit(let id): [.literal("readers"), .id(id), .literal("edit")]
        case .readersConsents: [.literal("readers"), .literal("consents")]
        case .adminPrivacy: [.literal("admin"), .literal("privacy")]
        case .readerExport(let id): [.literal("readers"), .id(id), .literal("export")]
        case .readerExportJSON(let id): [.literal("readers"), .id(id), .literal("export.json")]
        case .readerRemove(let id): [.literal("readers"), .id(id), .literal("remove")]
        case .readerRemoveConfirm(let id): [.literal("readers"), .id(id), .literal("remove"), .literal("confirm")]
        case .readerConsentRecords(let id): [.literal("readers"), .id(id), .literal("consents")]
        case .readerConsentWithdraw(let id, let c): [.literal("readers"), .id(id), .literal("consents"), .id(c), .literal("withdraw")]
        case .readerConsentScan(let id, let c): [.literal("readers"), .id(id), .literal("consents"), .id(c), .literal("scan")]
        case .genres: [.literal("genres")]
        case .adminUsers: [.literal("admin"), .literal("users")]
        case .adminAudit: [.literal("admin"), .literal("audit")]
        case .adminAuditCSV: [.literal("admin"), .literal("audit.csv")]
        case .adminUserNew: [.literal("admin"), .literal("users"), .literal("new")]
        case .adminUser(let id): [.literal("admin"), .literal("users"), .id(id)]
        case .adminUserPassword(let id): [.literal("admin"), .literal("users"), .id(id), .literal("password")]
        case .adminUserAnonymise(let id): [.literal("admin"), .literal("users"), .id(id), .literal("anonymise")]
        case .branches: [.literal("admin"), .literal("branches")]
        case .branchNew: [.literal("admin"), .literal("branches"), .literal("new")]
        case .branch(let id): [.literal("admin"), .literal("branches"), .id(id)]
        case .catalog: [.literal("catalog")]
        case .catalogRecord(let id): [.literal("catalog"), .number(id)]
        case .catalogCopies(let id): [.literal("catalog"), .number(id), .literal("copies")]
        case .catalogExport: [.literal("catalog"), .literal("export")]
        case .catalogImport: [.literal("catalog"), .literal("import")]
        case .catalogImportJob(let id): [.literal("catalog"), .literal("import"), .id(id)]
        case .catalogImportCancel(let id): [.literal("catalog"), .literal("import"), .id(id), .literal("cancel")]
        case .catalogSync(let id): [.literal("catalog"), .literal("syncs"), .id(id)]
        case .run: [.literal("run")]
        case .runOutcome(let id): [.literal("run"), .id(id), .literal("outcome")]
        case .runScript: [.literal("static"), .literal("run.js")]
        case .serviceWorker: [.literal("sw.js")]
        case .printScript: [.literal("static"), .literal("print.js")]
        case .events: [.literal("events")]
        case .eventsCSV: [.literal("events"), .literal("export.csv")]
        case .eventsCalendar: [.literal("events"), .literal("calendar")]
        case .reportEvents: [.literal("reports"), .literal("events")]
        case .reportEventsXLSX: [.literal("reports"), .literal("events.xlsx")]
        case .reportCirculation: [.literal("reports"), .literal("circulation")]
        case .reports: [.literal("reports")]
        case .reportsCSV: [.literal("reports"), .literal("delivery.csv")]
        case .reportsXLSX: [.literal("reports"), .literal("delivery.xlsx")]
        case .reportRows: [.literal("reports"), .literal("rows")]
        case .reportAnnual: [.literal("reports"), .literal("annual")]
        case .reportTotals: [.literal("reports"), .literal("totals")]
        case .reportTotalDelete(let id): [.literal("reports"), .literal("totals"), .id(id), .literal("delete")]
        case .projects: [.literal("projects")]
        case .projectNew: [.literal("projects"), .literal("new")]
        case .project(let id): [.literal("projects"), .id(id)]
        case .projectEdit(let id): [.literal("projects"), .id(id), .literal("edit")]
        case .projectDelete(let id): [.literal("projects"), .id(id), .literal("delete")]
        case .projectPartNew(let id, let part): [.literal("projects"), .id(id), .literal(part.rawValue), .literal("new")]
        case .projectPartDelete(let id, let part, let item): [.literal("projects"), .id(id), .literal(part.rawValue), .id(item), .literal("delete")]
        case .eventNew: [.literal("events"), .literal("new")]
        case .event(let id): [.literal("events"), .id(id)]
        case .eventEdit(let id): [.literal("events"), .id(id), .literal("edit")]
        case .eventDelete(let id): [.literal("events"), .id(id), .literal("delete")]
        case .eventAttachments(let id): [.literal("events"), .id(id), .literal("attachments")]
        case .eventAttachment(let id, let file): [.literal("events"), .id(id), .literal("attachments"), .id(file)]
        case .eventAttachmentDelete(let id, let file): [.literal("events"), .id(id), .literal("attachments"), .id(file), .literal("delete")]
        case .visits: [.literal("visits")]
        case .loans: [.literal("loans")]
        case .readerNextVisit(let id): [.literal("readers"), .id(id), .literal("next-visit")]
        case .runStart(let id): [.literal("run"), .id(id), .literal("start")]
        case .deliverySettings: [.literal("admin"), .literal("delivery")]
        case .holidays: [.literal("admin"), .literal("delivery"), .literal("holidays")]
        case .holidayDelete(let id): [.literal("admin"), .literal("delivery"), .literal("holidays"), .id(id), .literal("delete")]
        case .carrierHours(let id): [.literal("admin"), .literal("delivery"), .literal("carriers"), .id(id)]
        case .calendarFeed: [.literal("profile"), .literal("calendar")]
        case .calendarFeedRevoke: [.literal("profile"), .literal("calendar"), .literal("revoke")]
        case .calendar(let token): [.literal("calendar"), .literal(token + ".ics")]
        case .loanRenew(let id): [.literal("loans"), .id(id), .literal("renew")]
        case .loanLost(let id): [.literal("loans"), .id(id), .literal("lost")]
        case .visit(let id): [.literal("visits"), .id(id)]
        case .visitsPlan: [.literal("visits"), .literal("plan")]
        case .visitsSelect: [.literal("visits"), .literal("select")]
        case .visitItems(let id): [.literal("visits"), .id(id), .literal("items")]
        case .visitOutcome(let id): [.literal("visits"), .id(id), .literal("outcome")]
        case .visitNew: [.literal("visits"), .literal("new")]
        case .visitSlip(let id): [.literal("visits"), .id(id), .literal("slip")]
        case .pickList: [.literal("visits"), .literal("pick-list")]
        case .carriers: [.literal("carriers")]
        case .visitCalls: [.literal("visits"), .literal("calls")]
        case .carriersHours: [.literal("carriers"), .literal("hours")]
        case .visitsWeek: [.literal("visits"), .literal("week")]
        case .visitsWeekPropose: [.literal("visits"), .literal("week"), .literal("propose")]
        case .visitsWeekSave: [.literal("visits"), .literal("week"), .literal("save")]
        case .routeSheets: [.literal("visits"), .literal("route-sheets")]
        case .visitCall(let id): [.literal("visits"), .id(id), .literal("calls")]
        case .carrier(let id): [.literal("carriers"), .id(id)]
        case .carrierAbsences(let id): [.literal("carriers"), .id(id), .literal("absences")]
        case .carrierAbsenceDelete(let id, let absence): [.literal("carriers"), .id(id), .literal("absences"), .id(absence), .literal("delete")]
        case .carrierReassign(let id): [.literal("carriers"), .id(id), .literal("reassign")]
        case .carrierDetails(let id): [.literal("carriers"), .id(id), .literal("details")]
        }
    }

    /// The link to this page.
    var path: String {
        "/"
            + parts.map { part in
                switch part {
                case .literal(let s): s
                case .id(let id): id.uuidString.lowercased()
                case .number(let n): String(n)
                }
            }.joined(separator: "/")
    }

    /// The link with a query string; empty values are left out.
    func path(query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }
        guard !items.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        let encoded = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B") ?? ""
        return path + "?" + encoded
    }

    /// The pattern to register, with `:id` where the case has an id.
    /// The route's path pattern: the first id is `:id`, a second `:id2`.
    var pattern: [PathComponent] {
        var ids = 0
        return parts.map { part in
            switch part {
            case .literal(let s): return .constant(s)
            case .id, .number:
                ids += 1
                return .parameter(ids == 1 ? "id" : "id\(ids)")
            }
        }
    }

    /// A placeholder id, for building patterns of cases that carry one.
    static let anyID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}

extension Request {
    /// The `:id` path parameter; a malformed id is simply not found.
    func intParameter() throws -> Int {
        guard let raw = parameters.get("id"), let id = Int(raw), id > 0 else { throw AppError.notFound }
        return id
    }

    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw AppError.notFound }
        return id
    }
}
