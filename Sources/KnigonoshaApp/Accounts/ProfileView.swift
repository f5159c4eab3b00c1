import Plot
import Vapor

enum ProfileView {
    static func render(
        _ ctx: PageContext, user: CurrentUser, branchName: String?, tokens: [APIToken], newToken: String?,
        passwordErrors: FieldErrors, tokenErrors: FieldErrors, status: HTTPResponseStatus
    ) -> Response {
        var all = passwordErrors
        all.merge(tokenErrors)
        return Layout.page(
            ctx, title: ctx.t("profile.title"), status: status,
            Forms.errorSummary(ctx, all, labelPrefix: "profile.", labels: ["token_name": ctx.t("token.name")]),
            H.dl([
                H.dt(ctx.t("user.full_name")), H.dd(user.fullName),
                H.dt(ctx.t("user.email")), H.dd(user.email),
                H.dt(ctx.t("user.role")), H.dd(ctx.t("role." + user.role.rawValue)),
                H.dt(ctx.t("user.branch")), H.dd(branchName ?? ctx.t("user.all_branches")),
            ]),
            .if(user.role == .carrier, .p(.a(.href(SiteRoute.calendarFeed.path), .text(ctx.t("calendar.title"))))),
            .h2(.id("password-heading"), .text(ctx.t("profile.change_password"))),
            Forms.post(
                ctx, SiteRoute.profilePassword, ariaLabel: ctx.t("profile.change_password"), novalidate: true,
                Forms.input(
                    ctx,
                    .init(
                        name: "current_password", label: ctx.t("profile.current_password"),
                        error: passwordErrors["current_password"], required: true, type: "password",
                        autocomplete: "current-password"
                    )
                ),
                Forms.input(
                    ctx,
                    .init(
                        name: "new_password", label: ctx.t("profile.new_password"), error: passwordErrors["new_password"],
                        required: true, type: "password",
                        hint: ctx.t("password.hint", ["min": String(PasswordPolicy.minLength)]), autocomplete: "new-password"
                    )
                ),
                Forms.input(
                    ctx,
                    .init(
                        name: "confirm_password", label: ctx.t("profile.confirm_password"),
                        error: passwordErrors["confirm_password"], required: true, type: "password",
                        autocomplete: "new-password"
                    )
                ),
                .div(.class("actions"), Forms.submit(ctx.t("profile.save_password")))
            ),
            .h2(.text(ctx.t("token.title"))),
            .p(.class("hint"), .text(ctx.t("token.explain"))),
            .unwrap(newToken) { token in
                .div(
                    .class("flash"), .attribute(named: "role", value: "status"),
                    .p(.text(ctx.t("token.created_once"))),
                    .code(.class("token"), .id("new-token"), .text(token))
                )
            },
            tokenTable(ctx, tokens),
            Forms.post(
                ctx, SiteRoute.profileTokens, ariaLabel: ctx.t("token.create"), novalidate: true,
                Forms.input(
                    ctx, .init(name: "token_name", label: ctx.t("token.name"), error: tokenErrors["token_name"], required: true)
                ),
                Forms.select(
                    ctx, .init(name: "token_days", label: ctx.t("token.lifetime"), error: tokenErrors["token_days"]),
                    options: [("", ctx.t("token.lifetime_forever"))] + APIToken.lifetimes.map { (String($0), ctx.plural("token.days", $0)) }
                ),
                .div(.class("actions"), Forms.submit(ctx.t("token.create")))
            )
        )
    }

    private static func tokenTable(_ ctx: PageContext, _ tokens: [APIToken]) -> Node<HTML.BodyContext> {
        guard !tokens.isEmpty else { return .p(.class("muted"), .text(ctx.t("token.none"))) }
        return .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .class("responsive"),
                .caption(.text(ctx.t("token.list_caption"))),
                .thead(
                    .tr(
                        .th(.text(ctx.t("token.name"))), .th(.text(ctx.t("token.prefix"))),
                        .th(.text(ctx.t("token.created"))), .th(.text(ctx.t("token.last_used"))),
                        .th(.text(ctx.t("token.expires"))),
                        .th(.text(ctx.t("common.actions")))
                    )
                ),
                .tbody(
                    .forEach(tokens) { token in
                        .tr(
                            .td(.attribute(named: "data-label", value: ctx.t("token.name")), .text(token.name)),
                            .td(.attribute(named: "data-label", value: ctx.t("token.prefix")), .code(.text(token.prefix + "…"))),
                            .td(.attribute(named: "data-label", value: ctx.t("token.created")), .text(ctx.dateTime(token.createdAt))),
                            .td(
                                .attribute(named: "data-label", value: ctx.t("token.last_used")),
                                .text(token.lastUsedAt.map { ctx.dateTime($0) } ?? ctx.t("token.never"))
                            ),
                            .td(
                                .attribute(named: "data-label", value: ctx.t("token.expires")),
                                .text(token.expiresAt.map { ctx.dateTime($0) } ?? ctx.t("token.lifetime_forever"))
                            ),
                            .td(
                                Forms.post(
                                    ctx, .profileTokenRevoke(token.id!), class: "inline",
                                    .button(
                                        .type(.submit), .class("danger"),
                                        .attribute(named: "aria-label", value: ctx.t("token.revoke_named", ["name": token.name])),
                                        .text(ctx.t("token.revoke"))
                                    )
                                )
                            )
                        )
                    }
                )
            )
        )
    }
}
