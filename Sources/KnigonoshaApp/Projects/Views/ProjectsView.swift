import Plot
import Vapor

/// The project list and the project form.
enum ProjectsView {
    static func list(_ ctx: PageContext, projects: [Project]) -> Response {
        Layout.page(
            ctx, title: ctx.t("project.list_title"),
            .p(.class("lead"), .text(ctx.t("project.list_lead"))),
            .if(
                ctx.canWrite,
                .div(.class("actions no-print"), .a(.class("button primary"), .href(SiteRoute.projectNew.path), .text(ctx.t("project.new"))))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.plural("project.count", projects.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("project.name"))), .th(.text(ctx.t("project.held_by"))), .th(.text(ctx.t("project.period"))),
                            .th(.text(ctx.t("project.status"))), .th(.text(ctx.t("project.target_groups"))))),
                    .tbody(
                        .forEach(projects) { p in
                            .tr(
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("project.name")),
                                    Bilingual.link(ctx, SiteRoute.project(p.id!).path, ru: p.name, kk: p.nameKk)),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("project.held_by")), .text(heldBy(ctx, p, p.branch?.name(ctx.lang)))),
                                .td(.attribute(named: "data-label", value: ctx.t("project.period")), .text(period(ctx, p))),
                                .td(.attribute(named: "data-label", value: ctx.t("project.status")), .text(ctx.t(p.projectStatus.labelKey))),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("project.target_groups")),
                                    .text(p.groups.map { ctx.t($0.labelKey) }.joined(separator: ", ")))
                            )
                        })
                )
            )
        )
    }

    static func heldBy(_ ctx: PageContext, _ p: Project, _ branch: String?) -> String {
        [branch, p.organisation.isEmpty ? nil : Bilingual.pick(ctx, ru: p.organisation, kk: p.organisationKk)].compactMap { $0 }.joined(
            separator: "; ")
    }

    static func period(_ ctx: PageContext, _ p: Project) -> String {
        ctx.date(p.startsOn) + " — " + (p.endsOn.map { ctx.date($0) } ?? ctx.t("project.ongoing"))
    }

    static func form(
        _ ctx: PageContext, project: Project?, form f: ProjectsController.Form, errors: FieldErrors, branches: [Branch], staff: [User],
        status: HTTPStatus
    ) -> Response {
        func field(_ name: String, _ value: String?, required: Bool = false, type: String = "text", hint: String? = nil) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx,
                .init(
                    name: name, label: ctx.t("project." + name), value: value ?? "", error: errors[name], required: required, type: type, hint: hint))
        }
        func area(_ name: String, _ value: String?, rows: Int = 4, hint: String? = nil) -> Node<HTML.BodyContext> {
            Forms.textarea(ctx, .init(name: name, label: ctx.t("project." + name), value: value ?? "", error: errors[name], hint: hint), rows: rows)
        }
        let what: Node<HTML.BodyContext> = Forms.fieldset(
            ctx.t("project.section_what"), id: "project-what",
            field("name", f.name, required: true),
            field("name_kk", f.name_kk, hint: ctx.t("content.kk_hint")),
            Forms.select(
                ctx, .init(name: "status", label: ctx.t("project.status"), value: f.status ?? "", error: errors["status"], required: true),
                options: ProjectStatus.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
            field("starts_on", f.starts_on, required: true, type: "date"),
            field("ends_on", f.ends_on, type: "date", hint: ctx.t("project.ends_on_hint")),
            Forms.select(
                ctx, .init(name: "branch_id", label: ctx.t("project.branch"), value: f.branch_id ?? "", error: errors["branch_id"]),
                options: [("", "—")] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
            field("organisation", f.organisation, hint: ctx.t("project.organisation_hint")),
            field("organisation_kk", f.organisation_kk, hint: ctx.t("content.kk_hint"))
        )
        let who: Node<HTML.BodyContext> = Forms.fieldset(
            ctx.t("project.section_who"), id: "project-who",
            Forms.choiceGroup(
                ctx, name: "target_groups[]", legend: ctx.t("project.target_groups"),
                options: ProjectService.groups.map { ($0.rawValue, ctx.t($0.labelKey)) }, selected: Set(f.target_groups ?? []),
                error: errors["target_groups"]),
            Forms.choiceGroup(
                ctx, name: "author_ids[]", legend: ctx.t("project.staff_authors"),
                options: staff.map { ($0.id!.uuidString.lowercased(), $0.fullName) }, selected: Set(f.author_ids ?? []),
                error: errors["author_ids"], hint: ctx.t("project.authors_hint")),
            area("other_authors", f.other_authors, rows: 3, hint: ctx.t("form.one_per_line"))
        )
        let why: Node<HTML.BodyContext> = Forms.fieldset(
            ctx.t("project.section_why"), id: "project-why", area("goal", f.goal), area("goal_kk", f.goal_kk, hint: ctx.t("content.kk_hint")),
            area("description", f.description, rows: 8), area("description_kk", f.description_kk, rows: 8, hint: ctx.t("content.kk_hint")))
        let action: SiteRoute = project.map { .projectEdit($0.id!) } ?? .projectNew
        return Layout.page(
            ctx, title: project?.name ?? ctx.t("project.new"), status: status,
            Forms.errorSummary(
                ctx, errors,
                anchors: ["target_groups": Forms.id("target_groups[]") + "-group", "author_ids": Forms.id("author_ids[]") + "-group"],
                labelPrefix: "project."),
            Forms.post(ctx, action, class: "project-form", novalidate: true, what, who, why, Forms.submit(ctx.t("common.save"))),
            project.map { p in
                Forms.post(
                    ctx, .projectDelete(p.id!), class: "danger-zone no-print",
                    .p(.class("hint"), .text(ctx.t("project.delete_hint"))),
                    .button(.type(.submit), .class("danger"), .text(ctx.t("project.delete"))))
            } ?? .empty
        )
    }
}
