import Foundation
import Vapor

/// What every page needs to render: language, account, CSRF token and preferences.
struct PageContext {
    let lang: Lang
    let l10n: Localizer
    let user: CurrentUser?
    let csrf: String
    /// The current path with its query, used to come back after a preference change.
    let returnTo: String
    /// Notices left by the previous request (after a redirect), shown once.
    let flash: [Message]
    let largeText: Bool
    let timeZone: TimeZone
    let currentPath: String
    /// Values of the page's own query that could not be read and were not used.
    var ignored: [Message] = []

    func t(_ key: String, _ args: [String: String] = [:]) -> String { l10n.t(key, lang, args) }
    func t(_ message: Message) -> String { l10n.t(message.key, lang, message.args) }
    func plural(_ key: String, _ count: Int, _ args: [String: String] = [:]) -> String {
        l10n.plural(key, count: count, lang, args)
    }
    func date(_ iso: String?) -> String { Formats.date(iso, lang) }
    func dateTime(_ date: Date?) -> String { Formats.dateTime(date, lang, timeZone: timeZone) }
    func number(_ value: Int) -> String { Formats.number(value, lang) }
    /// Whether the account may add and change records (management only reads).
    var canWrite: Bool { user?.isStaff ?? false }

    /// The same page in another language, for a part read by someone else (a reader's slip).
    func `in`(_ other: Lang) -> PageContext {
        PageContext(
            lang: other, l10n: l10n, user: user, csrf: csrf, returnTo: returnTo, flash: flash, largeText: largeText,
            timeZone: timeZone, currentPath: currentPath, ignored: ignored)
    }
}

extension Request {
    var page: PageContext {
        var returnTo = url.path
        if let q = url.query, !q.isEmpty { returnTo += "?" + q }
        // A page drawn in answer to a POST (a refused form, a confirmation) has an address that
        // only takes POST: the language and text-size switches go back to the page the form was
        // on instead, or home (found by a new user: a 404 after switching language there).
        if method == .POST {
            let referer = headers.first(name: .referer).flatMap { URLComponents(string: $0) }
            returnTo = referer.map { $0.path + ($0.query.map { "?" + $0 } ?? "") }.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? SiteRoute.home.path
        }
        return PageContext(
            lang: lang, l10n: application.l10n, user: auth.get(CurrentUser.self), csrf: csrfToken,
            returnTo: returnTo, flash: storage[FlashKey.self] ?? [], largeText: prefersLargeText,
            timeZone: application.config.timeZone, currentPath: url.path, ignored: storage[IgnoredQueryKey.self] ?? []
        )
    }
}
