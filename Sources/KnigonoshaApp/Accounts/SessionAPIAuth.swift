import Crypto
import Vapor

/// Lets the run page's own script call the few API routes it needs with the browser's web
/// session, since a page has no bearer token. A bearer token, when sent, always wins.
///
/// CSRF: a state-changing request must carry `X-CSRF-Token`, an HMAC keyed by the session's
/// secret cookie value. A cross-site page can neither read it (no CORS) nor set the header
/// without a preflight the server never grants. The token follows the session, not the page:
/// after a new sign-in the script fetches the new one from `GET /api/v1/session/csrf`, so an
/// outcome queued under an old session is still sent (see docs/DECISIONS.md).
///
/// An expired or unknown session signs nobody in: `RequireRole` answers 401 JSON, never a
/// redirect to the login page, so the script can tell "sign in again" from "sent".
struct SessionAPIAuthMiddleware: AsyncMiddleware {
    static let header = "X-CSRF-Token"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !req.auth.has(CurrentUser.self), req.headers.bearerAuthorization == nil,
            let secret = req.cookies[req.application.sessionCookieName]?.string, !secret.isEmpty,
            let session = try await WebSessions.find(token: secret, on: req)
        else {
            return try await next.respond(to: req)
        }
        if ![.GET, .HEAD].contains(req.method) {
            guard let sent = req.headers.first(name: Self.header), CSRFMiddleware.constantTimeEqual(sent, Self.token(forSession: secret))
            else { throw AppError.badRequest(Message("error.csrf")) }
        }
        req.auth.login(session.user.current)
        req.storage[SessionIDKey.self] = session.id
        req.storage[SessionSecretKey.self] = secret
        return try await next.respond(to: req)
    }

    /// The CSRF header value for a session. Keyed by the cookie's secret, which only the
    /// browser holds (the database keeps a hash), so neither a copy of the database nor
    /// another session's token can forge it.
    static func token(forSession secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("knigonosha-api-csrf-v1".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64URLEncoded
    }
}

struct SessionSecretKey: StorageKey { typealias Value = String }

/// `GET /api/v1/session/csrf`: the header token for the session the request came with.
struct SessionAPIController {
    struct CSRFDTO: Content {
        var csrf_token: String
    }

    func register(_ session: any RoutesBuilder) {
        session.get("session", "csrf") { req async throws -> Response in
            // Only a web session has a token; a bearer client needs none.
            guard let secret = req.storage[SessionSecretKey.self] else { throw AppError.unauthorized }
            let response = try await CSRFDTO(csrf_token: SessionAPIAuthMiddleware.token(forSession: secret)).encodeResponse(for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }
}
