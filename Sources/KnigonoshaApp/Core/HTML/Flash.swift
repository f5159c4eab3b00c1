import Vapor

/// One-time notices after a redirect ("Reader saved"). The cookie carries only a catalog key.
struct FlashMiddleware: AsyncMiddleware {
    static let cookie = "kn_flash"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let incoming = req.cookies[Self.cookie]?.string
        if let incoming, Self.isKey(incoming) { req.storage[FlashKey.self] = Message(incoming) }
        let response = try await next.respond(to: req)
        if let outgoing = req.storage[FlashOutKey.self] {
            response.cookies[Self.cookie] = req.application.cookie(outgoing, maxAge: 60)
        } else if incoming != nil && response.status == .ok {
            response.cookies[Self.cookie] = .expired
        }
        return response
    }

    static func isKey(_ s: String) -> Bool {
        !s.isEmpty && s.count < 80 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
    }
}

struct FlashKey: StorageKey { typealias Value = Message }
struct FlashOutKey: StorageKey { typealias Value = String }

extension Request {
    /// Shows a notice on the next page.
    func flash(_ key: String) { storage[FlashOutKey.self] = key }

    /// A 303 redirect after a successful form, with an optional notice.
    func seeOther(_ route: SiteRoute, flash key: String? = nil) -> Response {
        seeOther(route.path, flash: key)
    }

    func seeOther(_ path: String, flash key: String? = nil) -> Response {
        if let key { flash(key) }
        return redirect(to: path, redirectType: .normal)
    }
}
