import Plot
import Vapor

/// A reader's consents: what each allows, since when, how given, until when, whether it still
/// holds, and its scan; then the form to record one.
enum ConsentsView {
    struct Model {
        var reader: Reader
        var rows: [ReaderConsent]
        var today: LocalDate
        var input: Consents.Input
        var errors: FieldErrors
        /// The row whose withdrawal was refused, its errors and the day typed.
        var withdrawErrors: (UUID, FieldErrors, String)?
        var scanErrors: (UUID, FieldErrors)?
        var maxMB: Int
    }

    static func page(_ ctx: PageContext, _ m: Model, status: HTTPStatus) -> Response {
        let removed = m.reader.removedAs != nil
        var summary = m.errors
        summary.merge(m.withdrawErrors?.1 ?? FieldErrors())
        summary.merge(m.scanErrors?.1 ?? FieldErrors())
        var anchors: [String: String] = [:]
        if let (id, _, _) = m.withdrawErrors { anchors["withdrawn_on"] = Forms.id("withdrawn_on-" + id.uuidString) }
        if let (id, _) = m.scanErrors { anchors["file"] = Forms.id("file-" + id.uuidString) }
        return Layout.page(
            ctx, title: ctx.t("consent.title", ["name": m.reader.fullName]), status: status,
            .p(.a(.href(SiteRoute.reader(m.reader.id!).path), .text(ctx.t("consent.back")))),
            Forms.errorSummary(ctx, summary, anchors: anchors, labelPrefix: "consent.field."),
            .p(.class("hint"), .text(ctx.t("consent.page_explain"))),
            list(ctx, m, removed: removed),
            .if(!removed, addForm(ctx, m))
        )
    }

    private static func list(_ ctx: PageContext, _ m: Model, removed: Bool) -> Node<HTML.BodyContext> {
        func cell(_ key: String, _ node: Node<HTML.BodyContext>) -> Node<HTML.TableRowContext> {
            .td(.attribute(named: "data-label", value: ctx.t(key)), node)
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "consents-h"),
            .h2(.id("consents-h"), .text(ctx.t("consent.history"))),
            .p(.id("consent-count"), .text(ctx.plural("consent.count", m.rows.count))),
            .if(
                !m.rows.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .class("responsive"),
                        .thead(
                            .tr(
                                .th(.text(ctx.t("consent.field.scope"))), .th(.text(ctx.t("consent.field.given_on"))),
                                .th(.text(ctx.t("consent.field.way"))), .th(.text(ctx.t("consent.field.until"))),
                                .th(.text(ctx.t("consent.state"))), .th(.text(ctx.t("consent.scan"))),
                                .th(.text(ctx.t("common.actions"))))),
                        .tbody(
                            .forEach(m.rows) { r in
                                let state = r.state(on: m.today)
                                return .tr(
                                    .td(.text(ctx.t("consent_scope." + r.scope))),
                                    cell("consent.field.given_on", .text(ctx.date(r.givenOn))),
                                    cell("consent.field.way", .text(ctx.t("consent_way." + r.way) + (r.representative.map { ": " + $0 } ?? ""))),
                                    cell("consent.field.until", .text(r.until.map { ctx.date($0) } ?? ctx.t("consent.no_end"))),
                                    cell(
                                        "consent.state",
                                        .text(
                                            ctx.t("consent.state." + state.rawValue)
                                                + (r.withdrawnOn.map { " " + ctx.date($0) } ?? ""))),
                                    cell("consent.scan", scanCell(ctx, m, r, removed: removed)),
                                    cell("common.actions", state == .withdrawn || removed ? .text("—") : withdrawForm(ctx, m, r))
                                )
                            })
                    )))
        )
    }

    private static func scanCell(_ ctx: PageContext, _ m: Model, _ r: ReaderConsent, removed: Bool) -> Node<HTML.BodyContext> {
        if let name = r.scanName {
            return .a(
                .href(SiteRoute.readerConsentScan(m.reader.id!, r.id!).path),
                .text(name + " (" + ctx.number(max(1, (r.scanSize ?? 0) / 1024)) + " KB)"))
        }
        guard !removed else { return .text(ctx.t("consent.no_scan")) }
        let errors = m.scanErrors?.0 == r.id ? m.scanErrors?.1 ?? FieldErrors() : FieldErrors()
        return .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "post"),
                .attribute(named: "action", value: SiteRoute.readerConsentScan(m.reader.id!, r.id!).path),
                .attribute(named: "enctype", value: "multipart/form-data"), .class("inline no-print"),
                .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
                Forms.input(
                    ctx,
                    .init(
                        name: "file", label: ctx.t("consent.attach_scan_for", ["scope": ctx.t("consent_scope." + r.scope)]),
                        error: errors["file"], type: "file", extra: [("accept", ".pdf,.jpg,.jpeg,.png")],
                        controlID: Forms.id("file-" + r.id!.uuidString))),
                .button(.type(.submit), .text(ctx.t("consent.attach_scan"))),
            ])
    }

    private static func withdrawForm(_ ctx: PageContext, _ m: Model, _ r: ReaderConsent) -> Node<HTML.BodyContext> {
        let mine = m.withdrawErrors?.0 == r.id
        let errors = mine ? m.withdrawErrors?.1 ?? FieldErrors() : FieldErrors()
        return Forms.post(
            ctx, .readerConsentWithdraw(m.reader.id!, r.id!), class: "inline no-print",
            Forms.input(
                ctx,
                .init(
                    name: "withdrawn_on", label: ctx.t("consent.withdrawn_on_for", ["scope": ctx.t("consent_scope." + r.scope)]),
                    value: mine ? m.withdrawErrors?.2 ?? "" : m.today.iso, error: errors["withdrawn_on"], type: "date",
                    controlID: Forms.id("withdrawn_on-" + r.id!.uuidString))),
            .button(.type(.submit), .text(ctx.t("consent.withdraw")))
        )
    }

    private static func addForm(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let i = m.input
        func options<C: LabeledCode>(_ type: C.Type) -> [(String, String)] {
            [("", ctx.t("common.not_chosen"))] + C.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "consent-add-h"),
            .h2(.id("consent-add-h"), .text(ctx.t("consent.add"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.readerConsentRecords(m.reader.id!).path),
                    .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate"), .class("no-print"),
                    .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
                    Forms.select(
                        ctx,
                        .init(name: "scope", label: ctx.t("consent.field.scope"), value: i.scope ?? "", error: m.errors["scope"], required: true),
                        options: options(ConsentScope.self)),
                    Forms.input(
                        ctx,
                        .init(
                            name: "given_on", label: ctx.t("consent.field.given_on"), value: i.given_on ?? m.today.iso, error: m.errors["given_on"],
                            required: true, type: "date")),
                    Forms.select(
                        ctx, .init(name: "way", label: ctx.t("consent.field.way"), value: i.way ?? "", error: m.errors["way"], required: true),
                        options: options(ConsentWay.self)),
                    Forms.input(
                        ctx,
                        .init(
                            name: "representative", label: ctx.t("consent.field.representative"), value: i.representative ?? "",
                            error: m.errors["representative"], hint: ctx.t("consent.representative_hint"))),
                    Forms.input(
                        ctx,
                        .init(
                            name: "until", label: ctx.t("consent.field.until"), value: i.until ?? "", error: m.errors["until"], type: "date",
                            hint: ctx.t("consent.until_hint"))),
                    Forms.input(
                        ctx,
                        .init(
                            name: "file", label: ctx.t("consent.field.file"), error: m.errors["file"], type: "file",
                            hint: ctx.t("consent.file_hint", ["max": String(m.maxMB)]), extra: [("accept", ".pdf,.jpg,.jpeg,.png")])),
                    Forms.submit(ctx.t("consent.save")),
                ])
        )
    }
}
