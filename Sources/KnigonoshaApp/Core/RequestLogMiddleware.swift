import Vapor

/// Logs method, route pattern, status and duration. The route pattern (`/readers/:id`) is
/// logged rather than the URL, because queries and ids can identify readers.
///
/// A request refused with an error (400, 403, 404, 409, 413…) is logged too, with the status the
/// error middleware will answer with: refused and forged attempts used to leave no line at all
/// (found by a new user's try of the week's plan). Only the status, never the error's text, which
/// may quote input.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: req)
            log(req, response.status, since: start)
            return response
        } catch {
            log(req, Self.status(of: error), since: start)
            throw error
        }
    }

    private func log(_ req: Request, _ status: HTTPResponseStatus, since start: ContinuousClock.Instant) {
        let pattern = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(unmatched)"
        let elapsed = ContinuousClock.now - start
        let whole = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        req.logger.info("\(req.method) \(pattern) \(status.code) \(whole)ms")
    }

    static func status(of error: any Error) -> HTTPResponseStatus {
        switch error {
        case let app as AppError: app.status
        case let abort as any AbortError: abort.status
        default: .internalServerError
        }
    }
}
