import Plot
import Vapor

/// The annual report: the year's delivery figures, months, events and projects on one page that
/// prints cleanly (the browser's print to PDF; the filters and links are not printed).
enum AnnualReportView {
    static func page(
        _ ctx: PageContext, year: String, loaded: DeliveryReportController.Loaded, branches: [Branch], projects: [ProjectRecord],
        heading: ReportHeading
    ) -> Response {
        let scope = loaded.scope
        let where_ = scope.branchID.flatMap { id in branches.first { $0.id == id }?.name(ctx.lang) } ?? ctx.t("stats.whole_library")
        let period = ctx.date(scope.from.iso) + " — " + ctx.date(scope.to.iso)
        var year = Forms.Field(name: "year", label: ctx.t("annual.year"), value: year, error: loaded.errors["year"], type: "number")
        year.inputmode = "numeric"
        let form: Node<HTML.BodyContext> = .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.reportAnnual.path),
                .class("filters no-print"),
                Forms.input(ctx, year),
                Forms.select(
                    ctx,
                    .init(
                        name: "branch_id", label: ctx.t("event.branch"), value: scope.branchID?.uuidString.lowercased() ?? "",
                        error: loaded.errors["branch_id"]),
                    options: [("", ctx.t("stats.whole_library"))] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
                .button(.type(.submit), .text(ctx.t("visits.show"))),
            ])
        var body: [Node<HTML.BodyContext>] = [
            Forms.errorSummary(ctx, loaded.errors, labels: ["year": ctx.t("annual.year"), "branch_id": ctx.t("event.branch")]),
            form,
            .p(.class("hint no-print"), .text(ctx.t("annual.print_hint"))),
            PrintParts.button(ctx, ctx.t("report.print")),
        ]
        if let stats = loaded.stats, let events = loaded.events {
            body += [
                PrintParts.head(ctx, heading),
                .p(.class("lead"), .text(ctx.t("annual.lead", ["where": where_, "period": period]))),
                .h2(.text(ctx.t("annual.figures"))),
                .group(stats.sections(totals: loaded.totals).map { StatsTables.table(ctx, $0, period: period, drill: nil) }),
                StatsView.trend(ctx, stats),
                .h2(.text(ctx.t("annual.events"))),
                EventsReportView.tables(ctx, events, from: scope.from, to: scope.to, branch: scope.branchID, period: period),
                .h2(.text(ctx.t("annual.projects"))),
                projects.isEmpty
                    ? .p(.text(ctx.t("project.none_yet")))
                    : .group([.p(.class("scope-note"), .text(ctx.t("annual.project_scope")))] + projects.map { project(ctx, $0, scope: scope) }),
                .p(.class("hint"), .text(ctx.t("annual.compiled", ["date": ctx.date(LocalDate.today(in: ctx.timeZone).iso)]))),
                PrintParts.signature(ctx),
            ]
        }
        return Layout.page(
            ctx, title: ctx.t("annual.title", ["year": String(scope.from.year)]), status: loaded.errors.isEmpty ? .ok : .unprocessableEntity,
            .div(.class("annual-report"), .group(body)))
    }

    static func project(_ ctx: PageContext, _ r: ProjectRecord, scope: StatsScope) -> Node<HTML.BodyContext> {
        let p = r.project
        let inYear = { (day: String) in day >= scope.from.iso && day <= scope.to.iso }
        let presentations = r.presentations.filter { inYear($0.presentedOn) }
        let awards = r.awards.filter { inYear($0.awardedOn) }
        return .section(
            .class("annual-project"),
            .h3(Bilingual.link(ctx, SiteRoute.project(p.id!).path, ru: p.name, kk: p.nameKk)),
            .p(
                .text(
                    [
                        ctx.t(p.projectStatus.labelKey), ProjectsView.period(ctx, p), r.authors.map(\.name).joined(separator: ", "),
                        p.groups.map { ctx.t($0.labelKey) }.joined(separator: ", "),
                    ].filter { !$0.isEmpty }.joined(separator: " · "))),
            r.indicators.isEmpty
                ? .empty
                : .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .caption(.text(ctx.t("project.indicators_caption"))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("project.indicator"))),
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("project.target"))),
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("project.actual"))),
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("project.progress"))))),
                        .tbody(
                            .forEach(r.indicators) { i in
                                let actual = r.actuals[i.id!]
                                return .tr(
                                    .th(.attribute(named: "scope", value: "row"), Bilingual.node(ctx, ru: i.name, kk: i.nameKk)),
                                    .td(.class("num"), .text(ctx.number(i.target))),
                                    .td(.class("num"), .text(actual.map { ctx.number($0) } ?? "—")),
                                    .td(.class("num"), .text(ProjectRecord.progress(actual, i.target).map { ctx.number($0) + " %" } ?? "—")))
                            }))),
            presentations.isEmpty
                ? .empty
                : .group(
                    .h4(.text(ctx.t("project.presentations"))),
                    .ul(
                        .forEach(presentations) { x in
                            .li(
                                .text(ctx.date(x.presentedOn) + " — "), Bilingual.node(ctx, ru: x.venue, kk: x.venueKk),
                                .text(" (" + ctx.t("presentation_material." + x.material) + ")"))
                        })),
            awards.isEmpty
                ? .empty
                : .group(
                    .h4(.text(ctx.t("project.awards"))),
                    .ul(
                        .forEach(awards) { x in
                            .li(
                                .text("«"), Bilingual.node(ctx, ru: x.name, kk: x.nameKk), .text("» — " + x.recipient + ", "),
                                Bilingual.node(ctx, ru: x.awardedBy, kk: x.awardedByKk), .text(", " + ctx.date(x.awardedOn)))
                        }))
        )
    }
}
