import Vapor

/// Logs method, route pattern, status and duration. The route pattern (`/readers/:id`) is
/// logged rather than the URL, because queries and ids can identify readers.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: req)
        let pattern = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(unmatched)"
        let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
        let whole = (ContinuousClock.now - start).components.seconds * 1000 + ms
        req.logger.info("\(req.method) \(pattern) \(response.status.code) \(whole)ms")
        return response
    }
}
