import Plot
import Vapor

/// The start page sends each role where its work is.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.home.pattern, use: home)
    }

    func home(req: Request) async throws -> Response {
        guard let user = req.auth.get(CurrentUser.self) else { return req.redirect(to: SiteRoute.login.path) }
        if Role.readerStaff.contains(user.role) { return req.redirect(to: SiteRoute.readers.path) }
        if user.role == .carrier { return req.redirect(to: SiteRoute.run.path) }
        if user.role == .management { return req.redirect(to: SiteRoute.reports.path) }
        let ctx = req.page
        return Layout.page(
            ctx, title: ctx.t("home.carrier_title"),
            .p(.text(ctx.t("home.carrier_text"))),
            .p(.a(.href(SiteRoute.profile.path), .text(ctx.t("nav.profile"))))
        )
    }
}
