import Plot
import Vapor

enum BranchesView {
    static func list(_ ctx: PageContext, branches: [Branch]) -> Response {
        Layout.page(
            ctx, title: ctx.t("branch.list_title"),
            .div(.class("actions"), .a(.class("button primary"), .href(SiteRoute.branchNew.path), .text(ctx.t("branch.new")))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.plural("branch.count", branches.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("branch.code"))), .th(.text(ctx.t("branch.name"))), .th(.text(ctx.t("branch.address"))),
                            .th(.text(ctx.t("branch.phone")))
                        )
                    ),
                    .tbody(
                        .forEach(branches) { b in
                            .tr(
                                .td(.attribute(named: "data-label", value: ctx.t("branch.code")), .text(b.code)),
                                .td(.a(.href(SiteRoute.branch(b.id!).path), .text(b.name(ctx.lang)))),
                                .td(.attribute(named: "data-label", value: ctx.t("branch.address")), .text(b.address)),
                                .td(.attribute(named: "data-label", value: ctx.t("branch.phone")), .text(b.phone))
                            )
                        }
                    )
                )
            )
        )
    }

    static func form(
        _ ctx: PageContext, action: SiteRoute, title: String, form: BranchesController.Form, errors: FieldErrors,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        func field(_ name: String, _ value: String?, required: Bool = true, type: String = "text", hint: String? = nil) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx,
                .init(name: name, label: ctx.t("branch." + name), value: value ?? "", error: errors[name], required: required, type: type, hint: hint)
            )
        }
        return Layout.page(
            ctx, title: title, status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "branch."),
            Forms.post(
                ctx, action, novalidate: true,
                field("code", form.code),
                field("name_ru", form.name_ru),
                field("name_kk", form.name_kk),
                field("address", form.address),
                field("phone", form.phone, type: "tel", hint: ctx.t("phone.hint")),
                .div(
                    .class("grid"),
                    field("latitude", form.latitude, required: false, hint: ctx.t("coords.hint_lat")),
                    field("longitude", form.longitude, required: false, hint: ctx.t("coords.hint_lon"))
                ),
                .div(.class("actions"), Forms.submit(ctx.t("common.save")), .a(.href(SiteRoute.branches.path), .text(ctx.t("common.cancel"))))
            )
        )
    }
}
