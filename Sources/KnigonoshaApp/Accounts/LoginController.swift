import Fluent
import Vapor

/// Signing in and out.
struct LoginController {
    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.login.pattern, use: show)
        routes.post(SiteRoute.login.pattern, use: login)
        routes.post(SiteRoute.logout.pattern, use: logout)
    }

    func show(req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: SiteRoute.home.path) }
        let next = req.query[String.self, at: "next"] ?? ""
        return LoginView.render(req.page, form: LoginForm(next: next), errors: FieldErrors())
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = User.normalize(email: form.email ?? "")
        let password = form.password ?? ""
        var errors = FieldErrors()
        if email.isEmpty { errors.add("email", "validation.required") }
        // Nothing with control characters reaches the database (PostgreSQL refuses NUL).
        if TextRules.hasControlCharacters(email) || email.count > 254 { errors.add("email", "validation.email") }
        if password.isEmpty { errors.add("password", "validation.required") }
        guard errors.isEmpty else { return LoginView.render(req.page, form: form, errors: errors, status: .unprocessableEntity) }

        let throttle = LoginThrottle(db: req.db, email: email, address: req.clientAddress)
        guard case .allowed(let attempt) = try await throttle.admit() else {
            errors.add("email", "login.locked", ["minutes": "15"])
            return LoginView.render(req.page, form: form, errors: errors, status: .tooManyRequests)
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        guard let matches = try await req.application.passwordGate.verify(password, hash: user?.passwordHash) else {
            try await throttle.refund()
            errors.add("password", "login.busy")
            let response = LoginView.render(req.page, form: form, errors: errors, status: .serviceUnavailable)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(AppErrorMiddleware.retryAfterSeconds))
            return response
        }
        guard let user, matches, user.isActive else {
            try await req.audit(.loginFailed, "user", user?.id)
            if try await throttle.failed(number: attempt) != nil {
                errors.add("email", "login.locked", ["minutes": "15"])
                return LoginView.render(req.page, form: form, errors: errors, status: .tooManyRequests)
            }
            errors.add("password", "login.invalid")
            return LoginView.render(req.page, form: form, errors: errors, status: .unprocessableEntity)
        }
        try await throttle.reset()
        let target = Self.safeNext(form.next) ?? SiteRoute.home.path
        let response = req.redirect(to: target, redirectType: .normal)
        try await WebSessions.start(user, on: req, response: response)
        req.rotateCSRFToken()
        try await req.audit(.login, "user", user.id, userID: user.id)
        return response
    }

    func logout(req: Request) async throws -> Response {
        let response = req.seeOther(.login, flash: "login.signed_out")
        if let user = req.auth.get(CurrentUser.self) { try await req.audit(.logout, "user", user.id) }
        try await WebSessions.end(on: req, response: response)
        req.rotateCSRFToken()
        // The browser drops this site's HTTP cache and its storage: the run sheet kept offline
        // (names, addresses) and the queue of outcomes. The page warned the carrier before
        // signing out while outcomes were still waiting (SignOutGuard).
        response.headers.replaceOrAdd(name: "Clear-Site-Data", value: "\"cache\", \"storage\"")
        return response
    }

    /// Only same-site paths are followed after login, never another host.
    static func safeNext(_ next: String?) -> String? {
        guard let path = sameSitePath(next), !path.hasPrefix(SiteRoute.login.path) else { return nil }
        return path
    }

    /// A path on this site, or nil. Browsers drop tabs and line breaks from URLs and read `\` as
    /// `/`, so `/\t/evil.example` would become `//evil.example`, another host: any control
    /// character, whitespace or backslash is refused, and what is left must parse as a path alone.
    static func sameSitePath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count <= 2048 else { return nil }
        // Our own links are percent-encoded ASCII; anything else did not come from this site.
        let refused = path.unicodeScalars.contains { $0.value < 0x21 || $0.value > 0x7E || $0 == "\\" }
        // `/./` and `/../` segments are resolved by the browser: `/.//evil` becomes `//evil`.
        let segments = path.split(separator: "?", maxSplits: 1)[0].split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        guard !refused, let parts = URLComponents(string: path), parts.scheme == nil, parts.host == nil, parts.user == nil,
            parts.path.hasPrefix("/"), !parts.path.hasPrefix("//")
        else { return nil }
        return path
    }
}
