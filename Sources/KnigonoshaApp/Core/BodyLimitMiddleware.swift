import Vapor

/// Refuses bodies over the request's limit with 413, whether the body is announced by
/// `Content-Length` or already collected, before any handler decodes it.
///
/// A request that carries neither a session cookie nor a bearer token is held to 1 MB whatever its
/// path: nobody unknown may make the server hold a large body (issue 19, finding 2). Requests that
/// do carry one are checked again once the session is known (`CSRFMiddleware`, `RequireRole`).
struct BodyLimitMiddleware: AsyncMiddleware {
    static let anonymousLimit = 1024 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = Self.mayBeSignedIn(req) ? Self.limit(for: req) : Self.anonymousLimit
        if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw Abort(.payloadTooLarge)
        }
        if let data = req.body.data, data.readableBytes > limit { throw Abort(.payloadTooLarge) }
        return try await next.respond(to: req)
    }

    /// Whether the request claims an identity; whether the claim holds is checked later.
    static func mayBeSignedIn(_ req: Request) -> Bool {
        req.headers.bearerAuthorization != nil || !(req.cookies[req.application.sessionCookieName]?.string ?? "").isEmpty
    }

    /// 1 MB everywhere except the catalogue upload, which takes files up to 64 MB, and attachments
    /// and consent scans, whose bodies are read up to ten times their limit (so that a file over it
    /// gets a field error, not a bare 413).
    static func limit(for req: Request) -> Int {
        if isCatalogUpload(req) { return ImportController.maxUpload }
        if isSpreadsheetUpload(req) { return UploadedTable.maxBytes + 1024 * 1024 }
        if isAttachmentUpload(req) { return EventAttachmentsController.hardLimit(req.application.config.attachmentMaxBytes) }
        return req.application.routes.defaultMaxBodySize.value
    }

    /// The limit a person is told about in "over N MB": the file's own limit where there is one.
    static func statedLimit(for req: Request) -> Int {
        if !mayBeSignedIn(req) { return anonymousLimit }
        if isCatalogUpload(req) { return ImportController.maxUpload }
        if isSpreadsheetUpload(req) { return UploadedTable.maxBytes }
        if isAttachmentUpload(req) { return req.application.config.attachmentMaxBytes }
        return req.application.routes.defaultMaxBodySize.value
    }

    /// The web uploads that stream to disk instead of being collected.
    static func streamsItsBody(_ req: Request) -> Bool {
        !req.isAPI && (isCatalogUpload(req) || isAttachmentUpload(req) || isSpreadsheetUpload(req))
    }

    static func isCatalogUpload(_ req: Request) -> Bool {
        req.method == .POST && (req.url.path == SiteRoute.catalogImport.path || req.url.path == "/api/v1/catalog/imports")
    }

    /// A reader loan history, or the readers themselves, from the library system (issue 14, §3).
    static func isSpreadsheetUpload(_ req: Request) -> Bool {
        req.method == .POST
            && [SiteRoute.readersHistory.path, "/api/v1/readers/history", SiteRoute.readersImport.path, "/api/v1/readers/import"]
                .contains(req.url.path)
    }

    /// An event's photo or slides, or the scan of a reader's signed consent (the same limit).
    static func isAttachmentUpload(_ req: Request) -> Bool {
        let path = req.url.path
        let event = req.method == .POST && (path.hasPrefix("/events/") || path.hasPrefix("/api/v1/events/")) && path.hasSuffix("/attachments")
        return event || isConsentScanUpload(req)
    }

    /// `POST /readers/{id}/consents` (the form, with its scan), `POST /readers/{id}/consents/{c}/scan`
    /// and the API's `PUT /api/v1/readers/{id}/consents/{c}/scan`.
    static func isConsentScanUpload(_ req: Request) -> Bool {
        let parts = req.url.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (req.method, parts.count) {
        case (.POST, 4): return parts[1] == "readers" && parts[3] == "consents"
        case (.POST, 6): return parts[1] == "readers" && parts[3] == "consents" && parts[5] == "scan"
        case (.PUT, 8): return parts[1] == "api" && parts[2] == "v1" && parts[3] == "readers" && parts[5] == "consents" && parts[7] == "scan"
        default: return false
        }
    }
}
