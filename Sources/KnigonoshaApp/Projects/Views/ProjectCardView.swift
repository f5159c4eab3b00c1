import Plot
import Vapor

/// A project's page: its card, progress towards its targets, presentations, awards and events.
/// It prints as the project's report.
enum ProjectCardView {
    static func page(_ ctx: PageContext, _ r: ProjectRecord, branchName: String?, canEdit: Bool, library: String) -> Response {
        let p = r.project
        func row(_ key: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            guard let value, !value.isEmpty else { return .empty }
            return .group(.dt(.text(ctx.t(key))), .dd(.text(value)))
        }
        func text(_ key: String, ru: String, kk: String?) -> Node<HTML.DescriptionListContext> {
            ru.isEmpty ? .empty : .group(.dt(.text(ctx.t(key))), .dd(Bilingual.node(ctx, ru: ru, kk: kk)))
        }
        let rows: [Node<HTML.DescriptionListContext>] = [
            row("project.status", ctx.t(p.projectStatus.labelKey)),
            row("project.period", ProjectsView.period(ctx, p)),
            row("project.held_by", ProjectsView.heldBy(ctx, p, branchName)),
            row("project.authors", r.authors.map(\.name).joined(separator: ", ")),
            row("project.target_groups", p.groups.map { ctx.t($0.labelKey) }.joined(separator: ", ")),
            text("project.goal", ru: p.goal, kk: p.goalKk),
            text("project.description", ru: p.description, kk: p.descriptionKk),
        ]
        return Layout.page(
            ctx, title: Bilingual.pick(ctx, ru: p.name, kk: p.nameKk),
            PrintParts.head(
                ctx, ReportHeading(library: library, branch: branchName ?? ctx.t("stats.whole_library"), period: ProjectsView.period(ctx, p))),
            .dl(.class("card-fields"), .group(rows)),
            indicators(ctx, r, canEdit: canEdit),
            ProjectListsView.presentations(ctx, r, canEdit: canEdit),
            ProjectListsView.awards(ctx, r, canEdit: canEdit),
            ProjectListsView.events(ctx, r, canEdit: canEdit),
            PrintParts.signature(ctx),
            PrintParts.button(ctx, ctx.t("report.print_project")),
            .div(
                .class("actions no-print"),
                .if(canEdit, .a(.class("button primary"), .href(SiteRoute.projectEdit(p.id!).path), .text(ctx.t("project.edit")))),
                .a(.class("button secondary"), .href(SiteRoute.projects.path), .text(ctx.t("project.back_to_list"))))
        )
    }

    static func addLink(_ ctx: PageContext, _ p: Project, _ part: ProjectPart) -> Node<HTML.BodyContext> {
        .p(
            .class("no-print"),
            .a(.class("button secondary"), .href(SiteRoute.projectPartNew(p.id!, part).path), .text(ctx.t("project.add_\(part.rawValue)"))))
    }

    static func indicators(_ ctx: PageContext, _ r: ProjectRecord, canEdit: Bool) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "indicators-h"),
            .h2(.id("indicators-h"), .text(ctx.t("project.indicators"))),
            .if(r.indicators.isEmpty, .p(.text(ctx.t("project.none_yet")))),
            .if(!r.indicators.isEmpty, .p(.class("scope-note"), .text(ctx.t("project.indicator_scope")))),
            .if(
                !r.indicators.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .caption(.text(ctx.t("project.indicators_caption"))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("project.indicator"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("project.indicator_source"))),
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("project.target"))),
                                .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("project.actual"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("project.progress"))),
                                .if(canEdit, .td(.class("no-print"))))),
                        .tbody(.forEach(r.indicators) { indicatorRow(ctx, r, $0, canEdit: canEdit) })))),
            .if(canEdit, addLink(ctx, r.project, .indicators))
        )
    }

    /// Progress as a bar: SVG, whose sizes are attributes (the page's policy allows no inline
    /// styles). The percentage beside it is the text; the bar is hidden from screen readers.
    static func meter(_ percent: Int) -> Node<HTML.BodyContext> {
        let width = min(100, max(0, percent))
        let fill = width * 98 / 100
        return .raw(
            "<svg class=\"meter\" aria-hidden=\"true\" focusable=\"false\" width=\"100\" height=\"12\" viewBox=\"0 0 100 12\">"
                + "<rect x=\"0.5\" y=\"0.5\" width=\"99\" height=\"11\" fill=\"white\" stroke=\"rgb(51,51,51)\"/>"
                + "<rect x=\"1\" y=\"1\" width=\"\(fill)\" height=\"10\" fill=\"rgb(29,79,145)\"/></svg>")
    }

    static func indicatorRow(_ ctx: PageContext, _ r: ProjectRecord, _ i: ProjectIndicator, canEdit: Bool) -> Node<HTML.TableContext> {
        let actual = r.actuals[i.id!]
        let percent = ProjectRecord.progress(actual, i.target)
        let metric = IndicatorMetric(rawValue: i.metric) ?? .manual
        let source = metric == .manual ? ctx.t("project.entered_by_hand") + (i.source.map { ": " + $0 } ?? "") : ctx.t("project.from_data")
        return .tr(
            .th(.attribute(named: "scope", value: "row"), Bilingual.node(ctx, ru: i.name, kk: i.nameKk)),
            .td(.text(ctx.t(metric.labelKey) + " — " + source)),
            .td(.class("num"), .text(ctx.number(i.target))),
            .td(.class("num"), .text(actual.map { ctx.number($0) } ?? "—")),
            .td(
                .if(
                    percent != nil,
                    .group(
                        meter(percent ?? 0),
                        .text(" " + ctx.number(percent ?? 0) + " %")))),
            .if(
                canEdit,
                .td(
                    .class("no-print"),
                    Forms.removeButton(ctx, .projectPartDelete(r.project.id!, .indicators, i.id!), label: ctx.t("common.remove"), what: i.name)))
        )
    }
}
