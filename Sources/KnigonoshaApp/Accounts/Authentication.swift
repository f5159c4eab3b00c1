import Fluent
import Vapor

/// Signs in browsers from the `kn_session` cookie. Sessions live in the database so that any
/// app instance behind a proxy can serve any request.
struct SessionAuthMiddleware: AsyncMiddleware {
    static let cookie = "kn_session"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var stale = false
        let name = req.application.sessionCookieName
        if let token = req.cookies[name]?.string, !token.isEmpty {
            if let session = try await WebSessions.find(token: token, on: req) {
                req.auth.login(session.user.current)
                req.storage[SessionIDKey.self] = session.id
            } else {
                stale = true
                req.storage[StaleSessionKey.self] = true
            }
        }
        let response = try await next.respond(to: req)
        if stale && response.cookies[name] == nil { response.cookies[name] = .expired }
        return response
    }
}

struct SessionIDKey: StorageKey { typealias Value = String }

/// Starting, finding and ending web sessions.
enum WebSessions {
    static func find(token: String, on req: Request) async throws -> UserSession? {
        let hash = APIToken.hash(token)
        guard let session = try await UserSession.query(on: req.db).filter(\.$id == hash).with(\.$user).first() else {
            return nil
        }
        let now = Date()
        guard session.expiresAt > now, session.user.isActive, session.epoch == session.user.sessionEpoch else {
            try await session.delete(on: req.db)
            return nil
        }
        // Slide the idle timeout, but write at most every five minutes.
        let lifetime = req.application.config.sessionIdleLifetime
        if session.expiresAt.timeIntervalSince(now) < lifetime - 300 {
            session.expiresAt = now.addingTimeInterval(lifetime)
            try await session.save(on: req.db)
        }
        return session
    }

    /// Signs `user` in on a fresh session id, so an id planted before login is worthless.
    static func start(_ user: User, on req: Request, response: Response) async throws {
        let token = CSRFMiddleware.makeToken()
        let session = UserSession(
            tokenHash: APIToken.hash(token), userID: try user.requireID(), epoch: user.sessionEpoch, now: Date(),
            lifetime: req.application.config.sessionIdleLifetime
        )
        try await session.create(on: req.db)
        response.cookies[req.application.sessionCookieName] = req.application.cookie(token, maxAge: nil)
        // Expired sessions are swept here rather than by a timer; logins are frequent enough.
        try await UserSession.query(on: req.db).filter(\.$expiresAt < Date()).delete()
    }

    static func end(on req: Request, response: Response) async throws {
        if let id = req.storage[SessionIDKey.self] {
            try await UserSession.query(on: req.db).filter(\.$id == id).delete()
        }
        req.auth.logout(CurrentUser.self)
        response.cookies[req.application.sessionCookieName] = .expired
    }
}

/// Signs in API clients from `Authorization: Bearer <token>`.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            let hash = APIToken.hash(bearer.token)
            if let token = try await APIToken.query(on: req.db).filter(\.$tokenHash == hash).with(\.$user).first(),
                token.user.isActive, token.isValid(at: Date())
            {
                req.auth.login(token.user.current)
                if (token.lastUsedAt.map { Date().timeIntervalSince($0) > 60 }) ?? true {
                    token.lastUsedAt = Date()
                    try await token.save(on: req.db)
                }
            }
        }
        return try await next.respond(to: req)
    }
}

/// Lets a request through only for a signed-in account with one of `roles`. Anonymous browsers go to
/// the login page; anonymous API clients get 401; other roles get 403.
struct RequireRole: AsyncMiddleware {
    let roles: Set<Role>

    init(_ roles: Set<Role> = Set(Role.allCases)) { self.roles = roles }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = req.auth.get(CurrentUser.self) else {
            if req.isAPI { throw AppError.unauthorized }
            var target = req.url.path
            if let q = req.url.query, !q.isEmpty { target += "?" + q }
            return req.redirect(to: SiteRoute.login.path(query: [("next", target)]))
        }
        guard roles.contains(user.role) else { throw AppError.forbidden }
        return try await next.respond(to: req)
    }
}

extension Request {
    /// The signed-in account; routes behind `RequireRole` always have one.
    func currentUser() throws -> CurrentUser {
        guard let user = auth.get(CurrentUser.self) else { throw AppError.unauthorized }
        return user
    }
}
