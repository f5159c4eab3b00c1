import SQLiteNIO
import Vapor

/// Renders every failure as a localised HTML page, or as JSON under `/api/`, and never shows a
/// stack trace, SQL or an internal message. Unexpected errors are logged by type only, since
/// their descriptions may carry readers' data.
struct AppErrorMiddleware: AsyncMiddleware {
    /// 405 with `Allow` when the path's own routes take other methods than this one; nil when
    /// they take it (the 404 is then about a record, not a route) or there are none.
    static func wrongMethod(_ req: Request) throws -> Response? {
        let allowed = MethodMatcher.methods(for: req.url.path, in: req.application.routes)
        guard !allowed.isEmpty, !allowed.contains(req.method) else { return nil }
        let response = try APIError.response(status: .methodNotAllowed, message: Message("error.method"), fields: nil, req: req)
        response.headers.replaceOrAdd(name: .allow, value: allowed.map { $0.rawValue }.joined(separator: ", "))
        return response
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let error as any AbortError where error.status == .notFound && req.isAPI {
            // The router found no route: if the path exists with other methods, say so with 405.
            if let response = try Self.wrongMethod(req) { return response }
            return try APIError.response(status: .notFound, message: Message("error.not_found"), fields: nil, req: req)
        } catch {
            let (status, message, fields) = Self.classify(error, req: req)
            // A path that a parameter route also matches (`PUT /readers/history` reaching
            // `PUT /readers/:id`) fails in the handler, not the router: it is still a method
            // the path's own route does not take.
            if status == .notFound && req.isAPI, let response = try Self.wrongMethod(req) { return response }
            if status == .internalServerError {
                req.logger.error("unhandled error", metadata: ["type": "\(type(of: error))", "path": "\(req.url.path)"])
            }
            let response =
                req.isAPI
                ? try APIError.response(status: status, message: message, fields: fields, req: req)
                : try ErrorPage.response(status: status, message: message, req: req)
            // Busy, not broken: a client (or the proxy) may try again shortly (issue 17).
            if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: String(Self.retryAfterSeconds)) }
            return response
        }
    }

    static let retryAfterSeconds = 5

    static func classify(_ error: any Error, req: Request) -> (HTTPResponseStatus, Message, FieldErrors?) {
        switch error {
        case let error as AppError:
            if case .validation(let fields) = error { return (error.status, error.message, fields) }
            return (error.status, error.message, nil)
        case let error as FieldErrors:
            return (.unprocessableEntity, Message("error.validation"), error)
        case let error as DecodingError:
            return decoding(error)
        case is ConnectionPoolTimeoutError:
            // Too many requests waited for the database: nothing was written; say so, not 500.
            return (.serviceUnavailable, Message("error.busy"), nil)
        case let error as SQLiteError where [.busy, .locked, .busyInSnapshot, .busyTimeout].contains(error.reason):
            // SQLite's writer lock was not had in time: the transaction rolled back.
            return (.serviceUnavailable, Message("error.busy"), nil)
        case let error as any AbortError:
            switch error.status {
            case .notFound: return (.notFound, Message("error.not_found"), nil)
            case .payloadTooLarge:
                let mb = max(1, BodyLimitMiddleware.statedLimit(for: req) / 1024 / 1024)
                return (.payloadTooLarge, Message("error.too_large", ["max": String(mb)]), nil)
            case .unsupportedMediaType: return (.unsupportedMediaType, Message("error.media_type"), nil)
            case .methodNotAllowed: return (.methodNotAllowed, Message("error.method"), nil)
            case .forbidden: return (.forbidden, Message("error.forbidden"), nil)
            case .unauthorized: return (.unauthorized, Message("error.unauthorized"), nil)
            case let s where s.code < 500: return (.badRequest, Message("error.bad_request"), nil)
            default: return (.internalServerError, Message("error.internal"), nil)
            }
        default:
            return (.internalServerError, Message("error.internal"), nil)
        }
    }

    /// A body that is not JSON at all is a 400; JSON with a wrong type or a missing key is a
    /// 422 naming the field.
    static func decoding(_ error: DecodingError) -> (HTTPResponseStatus, Message, FieldErrors?) {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        case .dataCorrupted(let c):
            if c.codingPath.isEmpty { return (.badRequest, Message("error.malformed_json"), nil) }
            path = c.codingPath
        @unknown default: return (.badRequest, Message("error.bad_request"), nil)
        }
        var fields = FieldErrors()
        fields.add(fieldName(path), "validation.type")
        return (.unprocessableEntity, Message("error.validation"), fields)
    }

    static func fieldName(_ path: [any CodingKey]) -> String {
        var name = ""
        for key in path {
            if let index = key.intValue {
                name += "[\(index)]"
            } else {
                name += name.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return name.isEmpty ? "body" : name
    }
}

extension Request {
    /// Requests under `/api/` get JSON errors and bearer authentication.
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
