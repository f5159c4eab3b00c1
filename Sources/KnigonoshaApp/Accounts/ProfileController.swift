import Fluent
import Vapor

/// The signed-in person's own page: password and API tokens.
struct ProfileController {
    struct PasswordForm: Content {
        var current_password: String?
        var new_password: String?
        var confirm_password: String?
    }

    struct TokenForm: Content {
        var token_name: String?
        /// Days until the token ends; empty for a token that lasts until it is revoked.
        var token_days: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.profile.pattern, use: show)
        routes.post(SiteRoute.profilePassword.pattern, use: changePassword)
        routes.post(SiteRoute.profileTokens.pattern, use: createToken)
        routes.post(SiteRoute.profileTokenRevoke(SiteRoute.anyID).pattern, use: revokeToken)
    }

    func show(req: Request) async throws -> Response {
        try await render(req)
    }

    private func render(
        _ req: Request, passwordErrors: FieldErrors = FieldErrors(), tokenErrors: FieldErrors = FieldErrors(),
        newToken: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.currentUser()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.id).sort(\.$createdAt, .descending).all()
        var branchName: String?
        if let branchID = user.branchID { branchName = try await Branch.find(branchID, on: req.db)?.name(req.lang) }
        return ProfileView.render(
            req.page, user: user, branchName: branchName, tokens: tokens, newToken: newToken,
            passwordErrors: passwordErrors, tokenErrors: tokenErrors, status: status
        )
    }

    func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let current = try req.currentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw AppError.unauthorized }
        var errors = FieldErrors()
        let ok = (try? await req.password.async.verify(form.current_password ?? "", created: user.passwordHash)) ?? false
        if (form.current_password ?? "").isEmpty {
            errors.add("current_password", "validation.required")
        } else if !ok {
            errors.add("current_password", "password.wrong_current")
        }
        if let problem = PasswordPolicy.problem(form.new_password ?? "") { errors.add("new_password", problem) }
        if form.new_password != form.confirm_password { errors.add("confirm_password", "password.mismatch") }
        guard errors.isEmpty else { return try await render(req, passwordErrors: errors, status: .unprocessableEntity) }

        user.passwordHash = try await req.password.async.hash(form.new_password ?? "")
        user.sessionEpoch += 1
        let response = req.seeOther(.profile, flash: "password.changed")
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Every other browser signed in as this person is signed out.
            try await UserSession.query(on: db).filter(\.$user.$id == current.id).delete()
            // So do its API tokens and calendar feed: a stolen token must not outlive the password.
            try await Credentials.revokeAll(userID: current.id, on: db)
        }
        try await WebSessions.start(user, on: req, response: response)
        try await req.audit(.passwordChange, "user", user.id)
        return response
    }

    func createToken(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        let name = (form.token_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        _ = errors.text(name, "token_name", required: true, max: 100)
        let days = Int(form.token_days ?? "")
        if !(form.token_days ?? "").isEmpty && !(days.map(APIToken.lifetimes.contains) ?? false) {
            errors.add("token_days", "validation.choice")
        }
        guard errors.isEmpty else { return try await render(req, tokenErrors: errors, status: .unprocessableEntity) }
        let user = try req.currentUser()
        let secret = APIToken.generate()
        let token = APIToken(userID: user.id, name: name, token: secret, expiresAt: days.map { Date().addingTimeInterval(Double($0) * 86400) })
        try await token.create(on: req.db)
        try await req.audit(.tokenCreate, "api_token", token.id)
        return try await render(req, newToken: secret)
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.idParameter()
        guard let token = try await APIToken.find(id, on: req.db), token.$user.id == user.id else { throw AppError.notFound }
        try await token.delete(on: req.db)
        try await req.audit(.tokenRevoke, "api_token", id)
        return req.seeOther(.profile, flash: "token.revoked")
    }
}
