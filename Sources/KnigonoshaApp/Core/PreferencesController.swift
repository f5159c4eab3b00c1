import Vapor

/// The language switcher and the larger-text setting. Both are remembered in cookies for a year,
/// so they survive logout.
struct PreferencesController {
    struct Form: Content {
        var lang: String?
        var size: String?
        var return_to: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.language.pattern, use: language)
        routes.post(SiteRoute.textSize.pattern, use: textSize)
        routes.get(SiteRoute.stylesheet.pattern, use: stylesheet)
        SignOutGuard.register(routes)
        routes.get("static", "import-progress.js") { _ in
            let response = Response(status: .ok, body: .init(string: ImportView.script))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            return response
        }
    }

    func language(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        guard let lang = form.lang.flatMap(Lang.init(rawValue:)) else { throw AppError.badRequest(Message("error.bad_request")) }
        let response = req.redirect(to: LoginController.sameSitePath(form.return_to) ?? SiteRoute.home.path, redirectType: .normal)
        response.cookies[LocaleMiddleware.langCookie] = req.application.cookie(lang.rawValue, maxAge: 365 * 24 * 3600)
        return response
    }

    func textSize(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let large = form.size == "large"
        let response = req.redirect(to: LoginController.sameSitePath(form.return_to) ?? SiteRoute.home.path, redirectType: .normal)
        response.cookies[LocaleMiddleware.textCookie] =
            large
            ? req.application.cookie("large", maxAge: 365 * 24 * 3600) : .expired
        return response
    }

    func stylesheet(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
