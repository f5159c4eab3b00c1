import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// A browser-like client: keeps cookies and adds the CSRF token to every form it posts.
final class WebClient: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var address = "10.0.0.1"
    var acceptLanguage: String?
    /// The page a form was sent from, as a browser says it.
    var referer: String?

    init(_ app: Application) { self.app = app }

    /// The token a page rendered now would carry: bound to the browser's secret and its session.
    var formToken: String {
        CSRFMiddleware.formToken(
            secret: cookies[CSRFMiddleware.cookieName] ?? "", session: cookies[SessionAuthMiddleware.cookie].map(APIToken.hash))
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; fetches `csrfFrom` first when no CSRF cookie is held yet.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if csrf && cookies[CSRFMiddleware.cookieName] == nil { try await get("/login") }
        var all = fields
        if csrf { all.append((CSRFMiddleware.fieldName, formToken)) }
        var components = URLComponents()
        components.queryItems = all.map { URLQueryItem(name: $0.0, value: $0.1) }
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await send(.POST, path, body: body)
    }

    /// Posts a multipart form with one file, as a browser's upload does.
    @discardableResult
    func upload(
        _ path: String, fields: [(String, String)], file: (name: String, filename: String, bytes: [UInt8])
    ) async throws -> TestingHTTPResponse {
        if cookies[CSRFMiddleware.cookieName] == nil { try await get("/login") }
        let boundary = "----kn\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields + [(CSRFMiddleware.fieldName, formToken)] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file.bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        headers.add(name: .xForwardedFor, value: address)
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: body) { result = $0 }
        guard let response = result else { throw TestSetupError("no response") }
        return response
    }

    @discardableResult
    func login(_ email: String, password: String = Seed.password) async throws -> TestingHTTPResponse {
        // As a person does: the login page first (which also drops an ended session's cookie).
        try await get("/login")
        return try await post("/login", [("email", email), ("password", password)])
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        headers.add(name: .xForwardedFor, value: address)
        if let acceptLanguage { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        if let referer { headers.add(name: .referer, value: referer) }
        if body != nil { headers.contentType = .urlEncodedForm }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { res in
            result = res
        }
        guard let response = result else { throw TestSetupError("no response") }
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0]
            // `name=` (an expired cookie) has an empty value: keep the empty part, as browsers do.
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { continue }
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") || parts[1].isEmpty {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        return response
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
}
