import Vapor

/// Refuses bodies over the app's limit (1 MB) with 413, whether the body is announced by
/// `Content-Length` or already collected, before any handler decodes it.
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = Self.limit(for: req)
        if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw Abort(.payloadTooLarge)
        }
        if let data = req.body.data, data.readableBytes > limit { throw Abort(.payloadTooLarge) }
        return try await next.respond(to: req)
    }

    /// 1 MB everywhere except the catalogue upload, which takes files up to 64 MB, and an event's
    /// attachments, which take twice their limit (so that a file just over it gets a field error).
    static func limit(for req: Request) -> Int {
        if req.method == .POST && (req.url.path == SiteRoute.catalogImport.path || req.url.path == "/api/v1/catalog/imports") {
            return ImportController.maxUpload
        }
        if req.method == .POST && (req.url.path.hasPrefix("/events/") || req.url.path.hasPrefix("/api/v1/events/"))
            && req.url.path.hasSuffix("/attachments")
        {
            return req.application.config.attachmentMaxBytes * 2 + 65536
        }
        return req.application.routes.defaultMaxBodySize.value
    }
}
