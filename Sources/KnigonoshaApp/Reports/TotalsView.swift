import Plot
import Vapor

/// The library's totals for periods, against which the home service's share is shown.
enum TotalsView {
    static func page(
        _ ctx: PageContext, rows: [LibraryTotal], branches: [Branch], form f: LibraryTotalsController.Form, errors: FieldErrors, isAdmin: Bool,
        status: HTTPStatus
    ) -> Response {
        let names = Dictionary(branches.map { ($0.id!, $0.name(ctx.lang)) }) { a, _ in a }
        func n(_ v: Int?) -> String { v.map { ctx.number($0) } ?? "—" }
        func field(_ name: String, _ value: String?, type: String = "number") -> Node<HTML.BodyContext> {
            Forms.input(
                ctx,
                .init(
                    name: name, label: ctx.t("totals." + name), value: value ?? "", error: errors[name], required: type == "date", type: type,
                    inputmode: type == "number" ? "numeric" : nil, extra: type == "number" ? [("min", "0")] : []))
        }
        let form: Node<HTML.BodyContext> = Forms.post(
            ctx, .reportTotals, class: "totals-form", novalidate: true,
            Forms.fieldset(
                ctx.t("totals.add"), id: "totals-add",
                .p(.class("hint"), .text(ctx.t("totals.hint"))),
                field("from", f.from, type: "date"), field("to", f.to, type: "date"),
                Forms.select(
                    ctx, .init(name: "branch_id", label: ctx.t("event.branch"), value: f.branch_id ?? "", error: errors["branch_id"]),
                    options: [("", ctx.t("stats.whole_library"))] + branches.map { ($0.id!.uuidString.lowercased(), $0.name(ctx.lang)) }),
                field("users", f.users), field("visits", f.visits), field("issued", f.issued)),
            Forms.submit(ctx.t("common.save")))
        return Layout.page(
            ctx, title: ctx.t("totals.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "totals."),
            .p(.class("lead"), .text(ctx.t("totals.lead"))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.t("totals.entered"))),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(ctx.t("totals.period"))),
                            .th(.attribute(named: "scope", value: "col"), .text(ctx.t("event.branch"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("totals.users"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("totals.visits"))),
                            .th(.attribute(named: "scope", value: "col"), .class("num"), .text(ctx.t("totals.issued"))),
                            .if(isAdmin, .td()))),
                    .tbody(
                        .forEach(rows) { r in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(
                                        .href(
                                            SiteRoute.reports.path(query: [
                                                ("from", r.periodFrom), ("to", r.periodTo),
                                                ("branch_id", r.$branch.id?.uuidString.lowercased() ?? ""),
                                            ])), .text(ctx.date(r.periodFrom) + " — " + ctx.date(r.periodTo)))),
                                .td(.text(r.$branch.id.flatMap { names[$0] } ?? ctx.t("stats.whole_library"))),
                                .td(.class("num"), .text(n(r.users))), .td(.class("num"), .text(n(r.visits))), .td(.class("num"), .text(n(r.issued))),
                                .if(
                                    isAdmin,
                                    .td(
                                        Forms.removeButton(
                                            ctx, .reportTotalDelete(r.id!), label: ctx.t("common.remove"),
                                            what: ctx.date(r.periodFrom) + " — " + ctx.date(r.periodTo)))))
                        }))),
            .if(isAdmin, form)
        )
    }
}
