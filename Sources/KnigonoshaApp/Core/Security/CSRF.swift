import Crypto
import Vapor

/// Cross-site request forgery protection for the web forms.
///
/// Every browser gets a random token in an HttpOnly, SameSite=Lax cookie; every
/// state-changing form echoes it in a hidden `_csrf` field. A POST whose field does not match
/// the cookie is refused. The API is exempt: it takes bearer tokens, never cookies.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "kn_csrf"
    static let fieldName = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName]?.string
        let token = existing.flatMap { $0.count == 43 ? $0 : nil } ?? Self.makeToken()
        req.storage[CSRFTokenKey.self] = token
        if !req.isAPI && ![.GET, .HEAD, .OPTIONS].contains(req.method) {
            // The route collects the body only after middleware has run, so collect it here.
            if req.body.data == nil {
                _ = try await req.body.collect(max: BodyLimitMiddleware.limit(for: req)).get()
            }
            let sent = try? req.content.get(String.self, at: Self.fieldName)
            guard let existing, let sent, Self.constantTimeEqual(sent, existing) else {
                throw AppError.badRequest(Message("error.csrf"))
            }
        }
        let response = try await next.respond(to: req)
        if existing != token || req.storage[CSRFRotateKey.self] == true {
            let value = req.storage[CSRFTokenKey.self] ?? token
            response.cookies[Self.cookieName] = req.application.cookie(value, maxAge: nil)
        }
        return response
    }

    static func makeToken() -> String {
        Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64URLEncoded
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
struct CSRFRotateKey: StorageKey { typealias Value = Bool }

extension Request {
    /// The token that forms rendered for this request must carry.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }

    /// Issues a new token, for example after login, so a token seen before login is useless after.
    func rotateCSRFToken() {
        storage[CSRFTokenKey.self] = CSRFMiddleware.makeToken()
        storage[CSRFRotateKey.self] = true
    }
}

extension Application {
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
