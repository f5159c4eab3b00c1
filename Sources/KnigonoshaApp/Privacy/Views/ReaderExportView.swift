import Plot
import Vapor

/// The subject-access export as a page to read and print: the document itself is in the
/// reader's language (marked with `lang`), the page around it in the staff member's, as the slip.
enum ReaderExportView {
    static func page(
        _ ctx: PageContext, _ e: ReaderExport, reader: Reader, lang: Lang, genres: GenreList, branchNames: [String: String]
    ) -> Response {
        let s = ctx.in(lang)
        let id = reader.id!
        return Layout.page(
            ctx, title: ctx.t("export.title"), wide: true,
            .p(
                .class("no-print"), .text(ctx.t("export.language_note", ["language": ctx.t("language." + lang.rawValue)])), .text(" "),
                .forEach(Lang.allCases.filter { $0 != lang }) { other in
                    .a(
                        .href(SiteRoute.readerExport(id).path + "?in=" + other.rawValue), .attribute(named: "lang", value: other.rawValue),
                        .class("slip-lang"), .text(other.endonym))
                }
            ),
            .div(
                .class("actions no-print"),
                .a(.class("button secondary"), .href(SiteRoute.readerExportJSON(id).path), .text(ctx.t("export.json"))),
                .a(.href(SiteRoute.reader(id).path), .text(ctx.t("export.back")))),
            .div(
                .class("export"), .attribute(named: "lang", value: lang.rawValue),
                .h2(.text(s.t("export.heading", ["name": reader.fullName]))),
                .p(.text(s.t("export.generated", ["date": s.dateTime(e.generated_at)]))),
                .unwrap(e.removal) { removal(s, $0) },
                .group(ReaderShowView.recordSections(s, reader, e.reader, genres)),
                consents(s, e.consents), visits(s, e.visits), visitItems(s, e.visit_items), rejections(s, e.selection_rejections),
                visitEvents(s, e.visit_events), loans(s, e.loans), history(s, e.reading_history), changes(s, e.changes, branchNames),
                access(s, e.access_log)
            ),
            PrintParts.button(ctx, ctx.t("export.print"))
        )
    }

    static func removal(_ s: PageContext, _ r: ReaderExport.Removal) -> Node<HTML.BodyContext> {
        .p(
            .class("removed-banner"),
            .text(
                s.t(
                    r.kind == RemovalKind.anonymise.stored ? "removal.banner_anonymise" : "removal.banner_erase",
                    ["date": s.date(r.on), "reason": r.reason.map { s.t("removal_reason." + $0) } ?? "—"])))
    }

    /// A titled table; a section with no rows says so instead.
    static func table(
        _ s: PageContext, _ id: String, _ title: String, _ headings: [String], _ rows: [[String]]
    ) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "exp-" + id),
            .h2(.id("exp-" + id), .text(title)),
            rows.isEmpty
                ? .p(.class("muted"), .text(s.t("export.none")))
                : .div(
                    .class("table-wrap"), H.scrollRegion(s),
                    .table(
                        .class("responsive"),
                        .thead(.tr(.forEach(headings) { .th(.text($0)) })),
                        .tbody(
                            .forEach(rows) { cells in
                                .tr(.forEach(Array(zip(headings, cells))) { .td(.attribute(named: "data-label", value: $0.0), .text($0.1)) })
                            })))
        )
    }

    private static func consents(_ s: PageContext, _ rows: [ConsentDTO]) -> Node<HTML.BodyContext> {
        table(
            s, "consents", s.t("consent.history"),
            [s.t("consent.field.scope"), s.t("consent.field.given_on"), s.t("consent.field.way"), s.t("consent.field.until"), s.t("consent.state")],
            rows.map { c in
                [
                    s.t("consent_scope." + c.scope), s.date(c.given_on), s.t("consent_way." + c.way) + (c.representative.map { ": " + $0 } ?? ""),
                    c.until.map { s.date($0) } ?? s.t("consent.no_end"),
                    s.t("consent.state." + c.state) + (c.withdrawn_on.map { " " + s.date($0) } ?? ""),
                ]
            })
    }

    private static func visits(_ s: PageContext, _ rows: [ReaderExport.VisitRow]) -> Node<HTML.BodyContext> {
        table(
            s, "visits", s.t("export.section_visits"), [s.t("visits.date"), s.t("visits.status"), s.t("visits.carrier"), s.t("run.comment")],
            rows.map { v in
                [
                    s.date(v.scheduled_on), s.t("visit_status." + v.status) + (v.reason.map { " — " + s.t("cancel_reason." + $0) } ?? ""),
                    v.carrier_name ?? "—", [v.request_text, v.comment].compactMap { $0 }.joined(separator: "; "),
                ]
            })
    }

    private static func loans(_ s: PageContext, _ rows: [ReaderExport.LoanRow]) -> Node<HTML.BodyContext> {
        table(
            s, "loans", s.t("export.section_loans"),
            [s.t("export.title_col"), s.t("export.issued"), s.t("export.returned"), s.t("export.rating"), s.t("run.comment")],
            rows.map { l in
                [
                    l.title, s.date(l.issued_on), l.returned_on.map { s.date($0) } ?? s.t("loan_status." + l.status),
                    l.rating.map(String.init) ?? "—", l.comment ?? "",
                ]
            })
    }

    private static func history(_ s: PageContext, _ rows: [ReaderExport.HistoryRow]) -> Node<HTML.BodyContext> {
        table(
            s, "reading", s.t("export.section_reading"), [s.t("export.title_col"), s.t("export.read_on")],
            rows.map { [$0.title, s.date($0.read_on)] })
    }

    private static func changes(_ s: PageContext, _ rows: [ReaderExport.ChangeRow], _ names: [String: String]) -> Node<HTML.BodyContext> {
        table(
            s, "changes", s.t("export.section_changes"),
            [s.t("history.when"), s.t("history.who"), s.t("history.field"), s.t("history.old"), s.t("history.new")],
            rows.map { c in
                [
                    s.dateTime(c.changed_at), c.user_name ?? s.t("history.unknown_user"),
                    c.field == "_created" ? s.t("history.created") : s.t("reader." + c.field),
                    HistoryValue.display(c.field, c.old_value, s, branchNames: names),
                    HistoryValue.display(c.field, c.new_value, s, branchNames: names),
                ]
            })
    }

    private static func access(_ s: PageContext, _ rows: [ReaderExport.AccessRow]) -> Node<HTML.BodyContext> {
        table(
            s, "access", s.t("export.section_access"),
            [s.t("audit.when"), s.t("audit.who"), s.t("audit.record"), s.t("audit.action"), s.t("audit.channel")],
            rows.map { a in
                [
                    s.dateTime(a.at), a.user_name ?? s.t("audit.anonymous"), s.t("audit_entity." + a.entity), s.t("audit_action." + a.action),
                    AuditView.channel(s, a.channel),
                ]
            })
    }
}
