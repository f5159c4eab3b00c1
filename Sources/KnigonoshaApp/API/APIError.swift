import Vapor

/// The JSON error body: `{"error": "…", "fields": {"name": "…"}}`.
struct APIErrorBody: Content {
    var error: String
    var fields: [String: String]?
}

enum APIError {
    static func response(status: HTTPResponseStatus, message: Message, fields: FieldErrors?, req: Request) throws -> Response {
        let l10n = req.application.l10n
        let lang = req.lang
        var body = APIErrorBody(error: l10n.t(message.key, lang, message.args))
        if let fields {
            body.fields = Dictionary(fields.items.map { ($0.field, l10n.t($0.message.key, lang, $0.message.args)) }) { a, _ in a }
        }
        let response = Response(status: status)
        try response.content.encode(body, as: .json)
        response.headers.replaceOrAdd(name: .contentLanguage, value: lang.rawValue)
        return response
    }
}
