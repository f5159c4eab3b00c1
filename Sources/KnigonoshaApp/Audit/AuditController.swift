import Fluent
import Vapor

/// Who saw or changed which personal data (law 94-V): `/admin/audit`, its CSV, and
/// `GET /api/v1/audit`, for administrators only. Reading the log is itself logged.
struct AuditController {
    func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteRoute.adminAudit.pattern, use: page)
        web.get(SiteRoute.adminAuditCSV.pattern, use: csv)
        api.get("audit", use: apiList)
    }

    struct EntryDTO: Content {
        var id: UUID
        var at: Date
        var user_id: UUID?
        var user_email: String?
        var action: String
        var entity: String
        var entity_id: UUID?
        var channel: String
        var route: String?
    }

    struct PageDTO: Content {
        var items: [EntryDTO]
        var total: Int
        var page: Int
        var per_page: Int
    }

    func page(req: Request) async throws -> Response {
        var (query, unreadable) = req.pageQuery(AuditQuery.self, empty: AuditQuery())
        // The page has no page or size field to point an error at: an impossible one is dropped.
        let asked = query.problems()
        if asked["page"] != nil || unreadable.contains("page") { query.page = nil }
        if asked["per_page"] != nil || unreadable.contains("per_page") { query.per_page = nil }
        var errors = query.problems()
        for field in unreadable where field != "page" && field != "per_page" { errors.add(field, "validation.choice") }
        let accounts = try await User.query(on: req.db).sort(\.$email).all()
        guard errors.isEmpty else {
            return AuditView.page(
                req.page, query: query, found: ([], 0), accounts: accounts, readers: [:], errors: errors, status: .unprocessableEntity)
        }
        var found = try await query.run(timeZone: req.application.config.timeZone, on: req.db)
        if found.entries.isEmpty && query.pageNumber > 1 {
            // Past the last page (a bookmarked link): the first page instead of an empty one.
            query.page = nil
            found = try await query.run(timeZone: req.application.config.timeZone, on: req.db)
        }
        try await req.audit(.list, "audit")
        return AuditView.page(
            req.page, query: query, found: found, accounts: accounts, readers: try await Self.cards(found.entries, on: req.db), errors: errors)
    }

    /// Every matching entry (up to 100,000), in the page's language; `sep=semicolon` for Excel
    /// with Russian or Kazakh settings.
    func csv(req: Request) async throws -> Response {
        // The page's links carry the form's empty fields; they mean «any», as on the page.
        let (query, unreadable) = req.pageQuery(AuditQuery.self, empty: AuditQuery())
        var errors = query.problems()
        for field in unreadable { errors.add(field, "validation.choice") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let found = try await query.run(timeZone: req.application.config.timeZone, on: req.db, limit: 100_000)
        try await req.audit(.list, "audit")
        return AuditView.csv(req.page, found.entries, readers: try await Self.cards(found.entries, on: req.db), separator: CSV.separator(req))
    }

    func apiList(req: Request) async throws -> PageDTO {
        let query = try req.query.decode(AuditQuery.self)
        let errors = query.problems()
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let found = try await query.run(timeZone: req.application.config.timeZone, on: req.db)
        try await req.audit(.list, "audit")
        return PageDTO(
            items: found.entries.map {
                EntryDTO(
                    id: $0.id!, at: $0.at, user_id: $0.$user.id, user_email: $0.user?.email, action: $0.action, entity: $0.entity,
                    entity_id: $0.entityID, channel: $0.channel, route: $0.route)
            }, total: found.total, page: query.pageNumber, per_page: query.perPage)
    }

    /// The card numbers of the readers the entries name: the page shows a card, never a name.
    static func cards(_ entries: [AuditEntry], on db: any Database) async throws -> [UUID: String] {
        let ids = Set(entries.filter { $0.entity == "reader" }.compactMap(\.entityID))
        guard !ids.isEmpty else { return [:] }
        let readers = try await Reader.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(readers.map { ($0.id!, $0.cardNumber) }) { a, _ in a }
    }
}
