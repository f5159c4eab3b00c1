import Plot
import Vapor

extension EventsView {
    /// The event form, in the card's order; after a refused save, what was typed and each error
    /// at its field.
    static func form(
        _ ctx: PageContext, event: Event?, form f: EventsController.Form, errors: FieldErrors, branches: [Branch],
        projects: [Project] = [], status: HTTPStatus = .ok
    ) -> Response {
        func field(_ name: String, _ value: String?, required: Bool = false, type: String = "text", hint: String? = nil) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx,
                .init(
                    name: name, label: ctx.t("event." + name), value: value ?? "", error: errors[name], required: required, type: type,
                    hint: hint, inputmode: type == "number" ? "numeric" : nil, extra: type == "number" ? [("min", "0")] : []))
        }
        func area(_ name: String, _ value: String?) -> Node<HTML.BodyContext> {
            Forms.textarea(ctx, .init(name: name, label: ctx.t("event." + name), value: value ?? "", error: errors[name]))
        }
        var branchField = Forms.Field(name: "branch_id", label: ctx.t("event.branch"), value: f.branch_id ?? "", error: errors["branch_id"])
        branchField.controlID = "f-branch_id"
        let what: Node<HTML.BodyContext> = Forms.fieldset(
            ctx.t("event.section_what"), id: "event-what",
            field("title", f.title, required: true),
            Forms.select(
                ctx, .init(name: "type", label: ctx.t("event.type"), value: f.type ?? "", error: errors["type"], required: true),
                options: [("", "—")] + EventType.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
            field("starts_on", f.starts_on, required: true, type: "date"),
            field("ends_on", f.ends_on, type: "date", hint: ctx.t("event.ends_on_hint")),
            field("time_from", f.time_from, type: "time"), field("time_to", f.time_to, type: "time"),
            field("place", f.place, required: true), field("organiser", f.organiser),
            Forms.select(ctx, branchField, options: [("", "—")] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
            Forms.select(
                ctx, .init(name: "project_id", label: ctx.t("event.project"), value: f.project_id ?? "", error: errors["project_id"]),
                options: [("", "—")] + projects.map { ($0.id!.uuidString.lowercased(), $0.name) })
        )
        let who: Node<HTML.BodyContext> = Forms.fieldset(
            ctx.t("event.section_who"), id: "event-who",
            Forms.choiceGroup(
                ctx, name: "target_groups[]", legend: ctx.t("event.target_groups"),
                options: TargetGroup.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }, selected: Set(f.target_groups ?? []),
                error: errors["target_groups"]),
            field("participants", f.participants, hint: ctx.t("event.participants_hint")),
            field("participants_total", f.participants_total, required: true, type: "number"),
            field("children", f.children, type: "number", hint: ctx.t("event.breakdown_hint")),
            field("youth", f.youth, type: "number"), field("adults", f.adults, type: "number"),
            field("disabled", f.disabled, type: "number")
        )
        let why: Node<HTML.BodyContext> = Forms.fieldset(
            ctx.t("event.section_why"), id: "event-why",
            area("goal", f.goal), area("expected_result", f.expected_result), area("actual_result", f.actual_result), area("notes", f.notes))
        // Shown once the save found a twin, and kept ticked when another error sends the form back.
        let twin: Node<HTML.BodyContext> = .if(
            errors["duplicate_ok"] != nil || f.duplicate_ok?.contains("1") == true,
            Forms.choiceGroup(
                ctx, name: "duplicate_ok[]", legend: ctx.t("event.duplicate_ok"), options: [("1", ctx.t("event.duplicate_confirm"))],
                selected: Set(f.duplicate_ok ?? []), error: errors["duplicate_ok"]))
        let action: SiteRoute = event.map { .eventEdit($0.id!) } ?? .eventNew
        return Layout.page(
            ctx, title: event?.title ?? ctx.t("event.new"), status: status,
            Forms.errorSummary(
                ctx, errors, anchors: ["target_groups": Forms.id("target_groups[]") + "-group", "duplicate_ok": Forms.id("duplicate_ok[]")],
                labelPrefix: "event."),
            Forms.post(ctx, action, class: "event-form", what, who, why, twin, Forms.submit(ctx.t("common.save")))
        )
    }
}
