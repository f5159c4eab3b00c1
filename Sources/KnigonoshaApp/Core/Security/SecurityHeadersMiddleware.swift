import Vapor

/// Adds headers that keep pages from being framed, sniffed or loaded with foreign scripts.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        let h = response.headers
        if !h.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value:
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            )
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if req.application.config.publicURL?.lowercased().hasPrefix("https://") == true {
            // Served over https: browsers must not come back over plain http for a year.
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if Self.mayHoldPersonalData(req, response) {
            // Pages with personal data must not linger in shared caches or the back-forward cache.
            // Every page a signed-in person sees may name a reader, so all of them are no-store;
            // only our own scripts and the stylesheet, which hold no data, are cached.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }

    static func mayHoldPersonalData(_ req: Request, _ response: Response) -> Bool {
        if response.headers[.cacheControl].contains(where: { $0.contains("public") }) { return false }
        let path = req.url.path
        if path.hasPrefix("/static/") || path == SiteRoute.serviceWorker.path { return false }
        return req.isAPI || req.auth.has(CurrentUser.self) || req.cookies[req.application.sessionCookieName] != nil
    }
}
