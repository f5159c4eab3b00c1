import Vapor

/// Chooses the language for a request: the switcher's cookie first, then `Accept-Language`,
/// then Russian. Also reads the larger-text preference.
struct LocaleMiddleware: AsyncMiddleware {
    static let langCookie = "kn_lang"
    static let textCookie = "kn_text"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let chosen = req.cookies[Self.langCookie].flatMap { Lang(rawValue: $0.string) }
        req.storage[LangKey.self] = chosen ?? Lang.negotiate(req.headers.first(name: .acceptLanguage)) ?? .default
        req.storage[LargeTextKey.self] = req.cookies[Self.textCookie]?.string == "large"
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: .contentLanguage, value: req.lang.rawValue)
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}

struct LangKey: StorageKey { typealias Value = Lang }
struct LargeTextKey: StorageKey { typealias Value = Bool }

extension Request {
    /// The language of this request.
    var lang: Lang { storage[LangKey.self] ?? Lang.negotiate(headers.first(name: .acceptLanguage)) ?? .default }
    var prefersLargeText: Bool { storage[LargeTextKey.self] ?? false }

    /// A message in the request's language.
    func t(_ key: String, _ args: [String: String] = [:]) -> String {
        application.l10n.t(key, lang, args)
    }
}

extension Application {
    private struct L10nKey: StorageKey { typealias Value = Localizer }

    /// The message catalogs.
    var l10n: Localizer {
        get {
            guard let value = storage[L10nKey.self] else { fatalError("localisation not loaded") }
            return value
        }
        set { storage[L10nKey.self] = newValue }
    }
}
