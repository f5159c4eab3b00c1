import Plot
import Vapor

/// The audit page: filters, the entries newest first, and the CSV links. Readers appear by card
/// number; the log holds ids and actions, never personal data.
enum AuditView {
    typealias Found = (entries: [AuditEntry], total: Int)

    static func page(
        _ ctx: PageContext, query: AuditQuery, found: Found, accounts: [User], readers: [UUID: String], errors: FieldErrors,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        let pages = max(1, (found.total + query.perPage - 1) / query.perPage)
        return Layout.page(
            ctx, title: ctx.t("audit.title"), status: status, wide: true,
            Forms.errorSummary(ctx, errors, labelPrefix: "audit."),
            .p(.class("hint"), .text(ctx.t("audit.explain"))),
            filters(ctx, query, accounts, errors),
            .p(.id("result-count"), .attribute(named: "role", value: "status"), .text(ctx.plural("audit.found", found.total))),
            .div(
                .class("actions"),
                .a(.class("button secondary"), .href(SiteRoute.adminAuditCSV.path(query: query.items)), .text(ctx.t("event.export_csv"))),
                .a(
                    .class("button secondary"), .href(SiteRoute.adminAuditCSV.path(query: query.items + [("sep", "semicolon")])),
                    .text(ctx.t("export.csv_semicolon")))),
            .if(!found.entries.isEmpty, table(ctx, found.entries, readers)),
            Pagination.nav(ctx, current: query.pageNumber, pages: pages) { page in
                SiteRoute.adminAudit.path(query: query.items + [("per_page", query.per_page.map(String.init) ?? ""), ("page", String(page))])
            }
        )
    }

    private static func filters(_ ctx: PageContext, _ q: AuditQuery, _ accounts: [User], _ e: FieldErrors) -> Node<HTML.BodyContext> {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.adminAudit.path), .class("filters"),
                .attribute(named: "role", value: "search"), .attribute(named: "aria-label", value: ctx.t("audit.filters")),
                .div(
                    .class("grid"),
                    Forms.input(
                        ctx,
                        .init(
                            name: "reader", label: ctx.t("audit.reader"), value: q.reader ?? "", error: e["reader"], hint: ctx.t("audit.reader_hint"))
                    ),
                    Forms.select(
                        ctx, .init(name: "user_id", label: ctx.t("audit.user_id"), value: q.user_id ?? "", error: e["user_id"]),
                        options: [("", ctx.t("filter.any"))] + accounts.map { ($0.id!.uuidString, "\($0.fullName) (\($0.email))") }),
                    Forms.select(
                        ctx, .init(name: "action", label: ctx.t("audit.action"), value: q.action ?? "", error: e["action"]),
                        options: [("", ctx.t("filter.any"))] + AuditAction.allCases.map { ($0.rawValue, ctx.t("audit_action." + $0.rawValue)) }),
                    Forms.input(ctx, .init(name: "from", label: ctx.t("audit.from"), value: q.from ?? "", error: e["from"], type: "date")),
                    Forms.input(ctx, .init(name: "to", label: ctx.t("audit.to"), value: q.to ?? "", error: e["to"], type: "date"))
                ),
                .div(.class("actions"), Forms.submit(ctx.t("filter.apply")), .a(.href(SiteRoute.adminAudit.path), .text(ctx.t("filter.reset")))),
            ])
    }

    private static func table(_ ctx: PageContext, _ entries: [AuditEntry], _ readers: [UUID: String]) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(ctx.t("audit.caption"))),
                .thead(.tr(.forEach(headings, { .th(.attribute(named: "scope", value: "col"), .text(ctx.t($0))) }))),
                .tbody(
                    .forEach(entries) { a in
                        let c = cells(ctx, a, readers)
                        // A reader still here is a link to their page, where the rest of their log is.
                        let record: Node<HTML.BodyContext> =
                            a.entity == "reader" && a.entityID.flatMap { readers[$0] } != nil
                            ? .a(.href(SiteRoute.reader(a.entityID!).path), .text(c[4])) : .text(c[4])
                        return .tr(
                            .td(.text(c[0])), .td(.text(c[1])), .td(.text(c[2])), .td(.text(c[3])), .td(record), .td(.text(c[5])), .td(.text(c[6])))
                    })
            ))
    }

    static let headings = ["audit.when", "audit.who", "audit.action", "audit.what", "audit.record", "audit.channel", "audit.route"]

    /// One entry as the page and the CSV show it.
    static func cells(_ ctx: PageContext, _ a: AuditEntry, _ readers: [UUID: String]) -> [String] {
        let record = a.entityID.map { id in readers[id].map { ctx.t("audit.card", ["card": $0]) } ?? id.uuidString.lowercased() } ?? ""
        return [
            ctx.dateTime(a.at),
            a.user.map { "\($0.fullName) (\($0.email))" }
                ?? ctx.t(a.action == AuditAction.loginFailed.rawValue ? "audit.anonymous" : "history.unknown_user"),
            ctx.t("audit_action." + a.action), entity(ctx, a.entity), record, channel(ctx, a.channel), a.route ?? "",
        ]
    }

    static func channel(_ ctx: PageContext, _ code: String) -> String {
        switch code {
        case "api": ctx.t("audit.channel_api")
        case "cli": ctx.t("audit.channel_cli")
        case "job": ctx.t("audit.channel_job")
        default: ctx.t("audit.channel_web")
        }
    }

    static func entity(_ ctx: PageContext, _ code: String) -> String {
        let key = "audit_entity." + code
        let label = ctx.t(key)
        return label.hasPrefix("⟦") ? code : label
    }

    static func csv(_ ctx: PageContext, _ entries: [AuditEntry], readers: [UUID: String], separator: Character) -> Response {
        var lines = [CSV.line(headings.map { ctx.t($0) }, separator: separator)]
        for a in entries { lines.append(CSV.line(cells(ctx, a, readers), separator: separator)) }
        let response = Response(status: .ok, body: .init(string: "\u{FEFF}" + lines.joined()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit.csv\"")
        return response
    }

    /// The reader page's last 20 entries about the reader, for administrators, with a link to the
    /// whole log filtered by the reader's card.
    static func openedBy(_ ctx: PageContext, _ entries: [AuditEntry], readerID: UUID, card: String) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "opened-by"),
            .h2(.id("opened-by"), .text(ctx.t("audit.opened_by"))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .thead(
                        .tr(
                            .forEach(["audit.when", "audit.who", "audit.action", "audit.route"]) {
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t($0)))
                            })),
                    .tbody(
                        .forEach(entries) { a in
                            let c = cells(ctx, a, [:])
                            return .tr(.td(.text(c[0])), .td(.text(c[1])), .td(.text(c[2])), .td(.text(c[6])))
                        })
                )),
            .p(.a(.href(SiteRoute.adminAudit.path(query: [("reader", card)])), .text(ctx.t("audit.opened_by_all"))))
        )
    }
}
