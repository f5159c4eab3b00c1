import Plot
import Vapor

/// The form that adds one presentation, award or indicator to a project.
enum ProjectPartView {
    static func page(
        _ ctx: PageContext, _ project: Project, part: ProjectPart, form f: ProjectPartsController.Form, errors: FieldErrors,
        status: HTTPStatus = .ok
    ) -> Response {
        func field(_ name: String, _ value: String?, required: Bool = false, type: String = "text", hint: String? = nil) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx,
                .init(
                    name: name, label: label(name, part), value: value ?? "", error: errors[name], required: required, type: type, hint: hint,
                    inputmode: type == "number" ? "numeric" : nil, extra: type == "number" ? [("min", "0")] : []))
        }
        func choose<C: LabeledCode>(_ name: String, _ value: String?, _ type: C.Type) -> Node<HTML.BodyContext> {
            Forms.select(
                ctx, .init(name: name, label: label(name, part), value: value ?? "", error: errors[name], required: true),
                options: [("", "—")] + C.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) })
        }
        func label(_ name: String, _ part: ProjectPart) -> String {
            switch name {
            case "name": ctx.t(part == .awards ? "project.award_name" : "project.indicator")
            case "name_kk": ctx.t(part == .awards ? "project.award_name_kk" : "project.indicator_kk")
            default: ctx.t("project." + name)
            }
        }
        let fields: [Node<HTML.BodyContext>]
        switch part {
        case .presentations:
            fields = [
                field("venue", f.venue, required: true, hint: ctx.t("project.venue_hint")),
                field("venue_kk", f.venue_kk, hint: ctx.t("content.kk_hint")), choose("venue_kind", f.venue_kind, VenueKind.self),
                field("presented_on", f.presented_on, required: true, type: "date"), choose("material", f.material, PresentationMaterial.self),
                field("link", f.link, type: "url", hint: ctx.t("project.link_hint")),
                Forms.textarea(ctx, .init(name: "notes", label: ctx.t("project.notes"), value: f.notes ?? "", error: errors["notes"])),
            ]
        case .awards:
            fields = [
                field("name", f.name, required: true), field("name_kk", f.name_kk, hint: ctx.t("content.kk_hint")),
                field("awarded_by", f.awarded_by, required: true), field("awarded_by_kk", f.awarded_by_kk, hint: ctx.t("content.kk_hint")),
                field("awarded_on", f.awarded_on, required: true, type: "date"),
                field("recipient", f.recipient, required: true, hint: ctx.t("project.recipient_hint")),
            ]
        case .indicators:
            fields = [
                field("name", f.name, required: true), field("name_kk", f.name_kk, hint: ctx.t("content.kk_hint")),
                choose("metric", f.metric, IndicatorMetric.self),
                field("target", f.target, required: true, type: "number"),
                field("manual_value", f.manual_value, type: "number", hint: ctx.t("project.manual_value_hint")),
                field("source", f.source, hint: ctx.t("project.source_hint")),
            ]
        }
        var labels: [String: String] = [:]
        for name in [
            "name", "name_kk", "venue_kk", "awarded_by_kk", "venue", "venue_kind", "presented_on", "material", "link", "notes", "awarded_by",
            "awarded_on", "recipient", "metric", "target",
            "manual_value", "source",
        ] {
            labels[name] = label(name, part)
        }
        let title = ctx.t("project.add_\(part.rawValue)")
        return Layout.page(
            ctx, title: title + ": " + Bilingual.pick(ctx, ru: project.name, kk: project.nameKk), status: status,
            Forms.errorSummary(ctx, errors, labels: labels),
            Forms.post(
                ctx, action: SiteRoute.projectPartNew(project.id!, part).path, class: "project-part-form", novalidate: true,
                fields + [
                    Forms.submit(ctx.t("common.save")),
                    .a(.class("button secondary"), .href(SiteRoute.project(project.id!).path), .text(ctx.t("common.cancel"))),
                ])
        )
    }
}
