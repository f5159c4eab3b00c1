import Plot
import Vapor

/// The page shell: skip link, landmarks, navigation, language and text-size switchers.
enum Layout {
    static func page(
        _ ctx: PageContext, title: String, status: HTTPResponseStatus = .ok, wide: Bool = false,
        _ content: Node<HTML.BodyContext>...
    ) -> Response {
        let html = HTML(
            .lang(ctx.lang.plotLanguage),
            .if(ctx.largeText, .class("text-large")),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) — \(ctx.t("app.name"))"),
                .link(.rel(.stylesheet), .href(SiteRoute.stylesheet.path))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(ctx.t("layout.skip"))),
                header(ctx),
                .main(
                    .id("main"), .attribute(named: "tabindex", value: "-1"),
                    .class(wide ? "wide" : ""),
                    .if(
                        !ctx.flash.isEmpty,
                        .p(.class("flash"), .attribute(named: "role", value: "status"), .text(ctx.flash.map { ctx.t($0) }.joined(separator: " ")))
                    ),
                    .forEach(ctx.ignored) { m in
                        .p(
                            .class("warning-box"), .attribute(named: "role", value: "status"),
                            .text(ctx.t(m.key, ["field": ctx.t(m.args["field"] ?? ""), "value": m.args["value"] ?? ""])))
                    },
                    .h1(.text(title)),
                    .group(content)
                ),
                .footer(
                    .class("site-footer"),
                    .p(.text(ctx.t("layout.footer")))
                ),
                // A carrier's phone may hold outcomes not yet sent: signing out warns first.
                .if(ctx.user?.role == .carrier, .group(SignOutGuard.dialog(ctx), .script(.src(SignOutGuard.path), .defer())))
            )
        )
        let response = Response(status: status)
        response.headers.contentType = .html
        response.body = .init(string: html.render())
        return response
    }

    private static func header(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .div(
                .class("bar"),
                .a(.class("brand"), .href(SiteRoute.home.path), .text(ctx.t("app.name"))),
                preferences(ctx)
            ),
            .unwrap(ctx.user) { user in
                .nav(
                    .ariaLabel(ctx.t("layout.nav")),
                    .ul(
                        .forEach(navItems(for: user)) { item in
                            .li(navLink(ctx, item.0, item.1))
                        },
                        .li(
                            .class("account"),
                            .span(.class("who"), .text(user.fullName)),
                            Forms.post(
                                ctx, SiteRoute.logout, class: "inline",
                                .button(.type(.submit), .class("link-button"), .text(ctx.t("nav.logout")))
                            )
                        )
                    )
                )
            }
        )
    }

    private static func navItems(for user: CurrentUser) -> [(SiteRoute, String)] {
        var items: [(SiteRoute, String)] = []
        if Role.readerStaff.contains(user.role) {
            items.append((.readers, "nav.readers"))
            items.append((.visits, "nav.visits"))
            items.append((.carriers, "nav.carriers"))
            items.append((.loans, "nav.loans"))
            items.append((.catalog, "nav.catalog"))
            items.append((.catalogImport, "nav.import"))
            items.append((.events, "nav.events"))
            items.append((.projects, "nav.projects"))
            items.append((.reports, "nav.reports"))
        }
        if user.role == .carrier { items.append((.run, "nav.run")) }
        if user.role == .management {
            items += [(.reports, "nav.reports"), (.events, "nav.events"), (.projects, "nav.projects")]
        }
        if user.isAdmin {
            items.append((.adminUsers, "nav.users"))
            items.append((.branches, "nav.branches"))
            items.append((.deliverySettings, "nav.delivery_settings"))
            items.append((.adminAudit, "nav.audit"))
            items.append((.adminPrivacy, "nav.privacy"))
        }
        items.append((.profile, "nav.profile"))
        return items
    }

    private static func navLink(_ ctx: PageContext, _ route: SiteRoute, _ key: String) -> Node<HTML.BodyContext> {
        let current = ctx.currentPath == route.path || (route != .home && ctx.currentPath.hasPrefix(route.path + "/"))
        return .a(
            .href(route.path),
            .if(current, .attribute(named: "aria-current", value: "page")),
            .text(ctx.t(key))
        )
    }

    /// Language and text size are POST forms (they set cookies), and work without JavaScript.
    private static func preferences(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .class("prefs"),
            Forms.post(
                ctx, SiteRoute.language, class: "lang-switch", ariaLabel: ctx.t("layout.language"),
                .input(.type(.hidden), .name("return_to"), .value(ctx.returnTo)),
                .forEach(Lang.allCases) { lang in
                    .button(
                        .type(.submit), .name("lang"), .value(lang.rawValue),
                        .attribute(named: "lang", value: lang.rawValue),
                        .attribute(named: "aria-pressed", value: lang == ctx.lang ? "true" : "false"),
                        .text(lang.endonym)
                    )
                }
            ),
            Forms.post(
                ctx, SiteRoute.textSize, class: "text-switch",
                .input(.type(.hidden), .name("return_to"), .value(ctx.returnTo)),
                .input(.type(.hidden), .name("size"), .value(ctx.largeText ? "normal" : "large")),
                .button(
                    .type(.submit),
                    .attribute(named: "aria-pressed", value: ctx.largeText ? "true" : "false"),
                    .text(ctx.t("layout.large_text"))
                )
            )
        )
    }
}
