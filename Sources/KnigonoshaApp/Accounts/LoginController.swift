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
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
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
        if try await throttle.lockedUntil() != nil {
            errors.add("email", "login.locked", ["minutes": "15"])
            return LoginView.render(req.page, form: form, errors: errors, status: .tooManyRequests)
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // Verify against a dummy hash when the account is unknown, so timing does not reveal it.
        let hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q7Tw9dKk3WVlZ3G4xYz1V0p7Zfu3tS"
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches, user.isActive else {
            if try await throttle.recordFailure() != nil {
                errors.add("email", "login.locked", ["minutes": "15"])
                try await req.audit(.loginFailed, "user", user?.id)
                return LoginView.render(req.page, form: form, errors: errors, status: .tooManyRequests)
            }
            errors.add("password", "login.invalid")
            try await req.audit(.loginFailed, "user", user?.id)
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
        return response
    }

    /// Only same-site paths are followed after login, never another host.
    static func safeNext(_ next: String?) -> String? {
        guard let path = sameSitePath(next), !path.hasPrefix(SiteRoute.login.path) else { return nil }
        return path
    }

    static func sameSitePath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return nil }
        return path
    }
}
