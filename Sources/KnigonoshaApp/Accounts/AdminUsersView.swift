import Plot
import Vapor

enum AdminUsersView {
    static func list(_ ctx: PageContext, users: [User]) -> Response {
        Layout.page(
            ctx, title: ctx.t("user.list_title"), wide: true,
            .div(.class("actions"), .a(.class("button primary"), .href(SiteRoute.adminUserNew.path), .text(ctx.t("user.new")))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.plural("user.count", users.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("user.full_name"))), .th(.text(ctx.t("user.email"))), .th(.text(ctx.t("user.role"))),
                            .th(.text(ctx.t("user.branch"))), .th(.text(ctx.t("user.state")))
                        )
                    ),
                    .tbody(
                        .forEach(users) { user in
                            .tr(
                                .td(.a(.href(SiteRoute.adminUser(user.id!).path), .text(user.fullName))),
                                .td(.attribute(named: "data-label", value: ctx.t("user.email")), .text(user.email)),
                                .td(.attribute(named: "data-label", value: ctx.t("user.role")), .text(ctx.t("role." + user.role.rawValue))),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("user.branch")),
                                    .text(user.branch?.name(ctx.lang) ?? ctx.t("user.all_branches"))
                                ),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("user.state")),
                                    .text(ctx.t(user.isActive ? "user.active" : "user.inactive"))
                                )
                            )
                        }
                    )
                )
            )
        )
    }

    static func create(
        _ ctx: PageContext, form: AdminUsersController.CreateForm, branches: [Branch], errors: FieldErrors,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.page(
            ctx, title: ctx.t("user.new"), status: status,
            Forms.errorSummary(
                ctx, errors, labelPrefix: "user.", labels: ["branch_id": ctx.t("user.branch"), "password": ctx.t("user.initial_password")]
            ),
            Forms.post(
                ctx, SiteRoute.adminUserNew, novalidate: true,
                Forms.input(
                    ctx,
                    .init(name: "full_name", label: ctx.t("user.full_name"), value: form.full_name ?? "", error: errors["full_name"], required: true)),
                Forms.input(
                    ctx,
                    .init(
                        name: "email", label: ctx.t("user.email"), value: form.email ?? "", error: errors["email"], required: true,
                        type: "email", autocomplete: "off"
                    )
                ),
                roleAndBranch(ctx, role: form.role ?? "", branchID: form.branch_id ?? "", branches: branches, errors: errors),
                Forms.input(
                    ctx,
                    .init(
                        name: "password", label: ctx.t("user.initial_password"), error: errors["password"], required: true,
                        type: "password", hint: ctx.t("password.hint", ["min": String(PasswordPolicy.minLength)]),
                        autocomplete: "new-password"
                    )
                ),
                .div(.class("actions"), Forms.submit(ctx.t("user.create")), .a(.href(SiteRoute.adminUsers.path), .text(ctx.t("common.cancel"))))
            )
        )
    }

    static func edit(
        _ ctx: PageContext, user: User, form: AdminUsersController.EditForm, branches: [Branch], errors: FieldErrors,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        if let day = user.anonymisedOn {
            return Layout.page(
                ctx, title: user.fullName, status: status,
                .p(.class("notice"), .text(ctx.t("account.anonymised_on", ["date": ctx.date(day)]))),
                .p(.a(.href(SiteRoute.adminUsers.path), .text(ctx.t("account.back")))))
        }
        return Layout.page(
            ctx, title: user.fullName, status: status,
            Forms.errorSummary(
                ctx, errors, anchors: ["is_active": "f-is_active"], labelPrefix: "user.",
                labels: [
                    "branch_id": ctx.t("user.branch"), "password": ctx.t("user.new_password"), "confirm": ctx.t("account.confirm_label"),
                ]
            ),
            .p(.text(ctx.t("user.email") + ": " + user.email)),
            .unwrap(user.deactivatedOn) { .p(.text(ctx.t("account.deactivated_on", ["date": ctx.date($0)]))) },
            Forms.post(
                ctx, SiteRoute.adminUser(user.id!), ariaLabel: ctx.t("user.edit"), novalidate: true,
                Forms.input(
                    ctx,
                    .init(name: "full_name", label: ctx.t("user.full_name"), value: form.full_name ?? "", error: errors["full_name"], required: true)),
                roleAndBranch(ctx, role: form.role ?? "", branchID: form.branch_id ?? "", branches: branches, errors: errors),
                Forms.choiceGroup(
                    ctx, name: "is_active", legend: ctx.t("user.state"), options: [("on", ctx.t("user.active_checkbox"))],
                    selected: form.is_active != nil ? ["on"] : [], error: nil, hint: ctx.t("user.deactivate_hint")
                ),
                .div(.class("actions"), Forms.submit(ctx.t("common.save")), .a(.href(SiteRoute.adminUsers.path), .text(ctx.t("common.cancel"))))
            ),
            .h2(.text(ctx.t("user.reset_password"))),
            Forms.post(
                ctx, SiteRoute.adminUserPassword(user.id!), ariaLabel: ctx.t("user.reset_password"), novalidate: true,
                Forms.input(
                    ctx,
                    .init(
                        name: "password", label: ctx.t("user.new_password"), error: errors["password"], required: true,
                        type: "password", hint: ctx.t("password.hint", ["min": String(PasswordPolicy.minLength)]),
                        autocomplete: "new-password"
                    )
                ),
                .div(.class("actions"), Forms.submit(ctx.t("user.reset_password")))
            ),
            .if(!user.isActive, anonymiseForm(ctx, user, errors))
        )
    }

    /// For a deactivated account: its name and e-mail replaced for good, confirmed by typing the
    /// e-mail.
    private static func anonymiseForm(_ ctx: PageContext, _ user: User, _ errors: FieldErrors) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "anonymise-h"),
            .h2(.id("anonymise-h"), .text(ctx.t("account.anonymise_title"))),
            .p(.text(ctx.t("account.anonymise_explain", ["pseudonym": AccountRemoval.pseudonym(user.id!)]))),
            Forms.post(
                ctx, SiteRoute.adminUserAnonymise(user.id!), ariaLabel: ctx.t("account.anonymise_title"), novalidate: true,
                Forms.input(
                    ctx,
                    .init(
                        name: "confirm", label: ctx.t("account.confirm_label"), error: errors["confirm"], required: true,
                        hint: ctx.t("account.confirm_hint", ["email": user.email]), autocomplete: "off")),
                .div(.class("actions"), .button(.type(.submit), .class("danger"), .text(ctx.t("account.anonymise_button"))))
            )
        )
    }

    private static func roleAndBranch(
        _ ctx: PageContext, role: String, branchID: String, branches: [Branch], errors: FieldErrors
    ) -> Node<HTML.BodyContext> {
        .group(
            Forms.choiceGroup(
                ctx, name: "role", legend: ctx.t("user.role"), options: Role.allCases.map { ($0.rawValue, ctx.t("role." + $0.rawValue)) },
                selected: [role], error: errors["role"], radio: true
            ),
            Forms.select(
                ctx,
                .init(name: "branch_id", label: ctx.t("user.branch"), value: branchID, error: errors["branch_id"], hint: ctx.t("user.branch_hint")),
                options: [("", ctx.t("user.all_branches"))] + branches.map { ($0.id!.uuidString, $0.name(ctx.lang)) }
            )
        )
    }
}
