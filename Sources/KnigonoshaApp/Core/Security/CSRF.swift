import Crypto
import Vapor

/// Cross-site request forgery protection for the web forms.
///
/// Every browser gets a random secret in an HttpOnly, SameSite=Lax cookie. Forms carry not the
/// secret itself but an HMAC of the session id keyed with it, so a token is bound to one session:
/// a cookie planted from elsewhere, or a token seen before login, is worthless after it (issue 19,
/// finding 13). A POST whose `_csrf` field does not match is refused. The API is exempt: it takes
/// bearer tokens, never cookies.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "kn_csrf"
    static let fieldName = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let name = req.application.csrfCookieName
        let existing = req.cookies[name]?.string
        let secret = existing.flatMap { $0.count == 43 ? $0 : nil } ?? Self.makeToken()
        req.storage[CSRFTokenKey.self] = secret
        if !req.isAPI && ![.GET, .HEAD, .OPTIONS].contains(req.method) {
            // The route collects the body only after middleware has run, so collect it here; a
            // request without a valid session is held to 1 MB before anything else is read.
            let signedIn = req.auth.has(CurrentUser.self)
            var expected = [Self.formToken(secret: secret, session: req.storage[SessionIDKey.self])]
            if req.body.data == nil, signedIn, existing != nil, BodyLimitMiddleware.streamsItsBody(req) {
                // An upload streams to disk; its handler checks the token once the form is read,
                // before anything is kept (`Request.checkStreamedCSRF`).
                req.storage[StreamedCSRFKey.self] = expected
                return try await finish(req, next, name: name, existing: existing, secret: secret)
            }
            if req.body.data == nil {
                let limit = signedIn ? BodyLimitMiddleware.limit(for: req) : BodyLimitMiddleware.anonymousLimit
                _ = try await req.body.collect(max: limit).get()
            }
            let sent = try? req.content.get(String.self, at: Self.fieldName)
            // The login form is always rendered without a session; it may be sent after a
            // session began in another tab, or after one ended. It grants nothing a session
            // holds, so its token is the secret's alone.
            if req.url.path == SiteRoute.login.path { expected.append(Self.formToken(secret: secret, session: nil)) }
            guard existing != nil, let sent, expected.contains(where: { Self.constantTimeEqual(sent, $0) }) else {
                // A form from a session that has since ended can do nothing anyway: send the
                // person to sign in again rather than show a security error.
                if req.storage[StaleSessionKey.self] == true { return req.seeOther(.login, flash: "login.expired") }
                throw AppError.badRequest(Message("error.csrf"))
            }
            req.storage[CSRFCheckedKey.self] = true
        }
        return try await finish(req, next, name: name, existing: existing, secret: secret)
    }

    private func finish(_ req: Request, _ next: any AsyncResponder, name: String, existing: String?, secret: String) async throws -> Response {
        let response = try await next.respond(to: req)
        if existing != secret || req.storage[CSRFRotateKey.self] == true {
            let value = req.storage[CSRFTokenKey.self] ?? secret
            response.cookies[name] = req.application.cookie(value, maxAge: nil)
        }
        return response
    }

    static func makeToken() -> String {
        Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64URLEncoded
    }

    /// The token forms carry: HMAC-SHA256 of the session id (empty before login), keyed with the
    /// browser's secret.
    static func formToken(secret: String, session: String?) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("kn-csrf|" + (session ?? "")).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64URLEncoded
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

struct CSRFTokenKey: StorageKey { typealias Value = String }
/// The tokens a streamed upload's form may carry, checked by its handler.
struct StreamedCSRFKey: StorageKey { typealias Value = [String] }
/// Set once the middleware has checked the request's token itself (its body was already read).
struct CSRFCheckedKey: StorageKey { typealias Value = Bool }
struct CSRFRotateKey: StorageKey { typealias Value = Bool }
/// Set when the request carried a session cookie whose session has ended.
struct StaleSessionKey: StorageKey { typealias Value = Bool }

extension Request {
    /// The token that forms rendered for this request must carry.
    var csrfToken: String {
        guard let secret = storage[CSRFTokenKey.self] else { return "" }
        return CSRFMiddleware.formToken(secret: secret, session: storage[SessionIDKey.self])
    }

    /// Checks the token of a streamed form; a form that fails keeps nothing.
    func checkStreamedCSRF(_ form: StreamedForm) throws {
        if storage[CSRFCheckedKey.self] == true { return }
        let sent = form.fields[CSRFMiddleware.fieldName] ?? ""
        guard let expected = storage[StreamedCSRFKey.self], expected.contains(where: { CSRFMiddleware.constantTimeEqual(sent, $0) }) else {
            form.discard()
            throw AppError.badRequest(Message("error.csrf"))
        }
    }

    /// Issues a new secret, for example after login, so a token seen before login is useless after.
    func rotateCSRFToken() {
        storage[CSRFTokenKey.self] = CSRFMiddleware.makeToken()
        storage[CSRFRotateKey.self] = true
    }
}

extension Application {
    /// The `__Host-` prefix makes browsers refuse the cookie unless it is Secure, host-only and
    /// for the whole site, so no other host can plant it; it needs https, hence only with Secure.
    var csrfCookieName: String { (config.secureCookies ? "__Host-" : "") + CSRFMiddleware.cookieName }
    var sessionCookieName: String { (config.secureCookies ? "__Host-" : "") + SessionAuthMiddleware.cookie }

    /// A cookie with the app's security attributes: HttpOnly, SameSite=Lax, Secure when configured.
    func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
            isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax
        )
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
