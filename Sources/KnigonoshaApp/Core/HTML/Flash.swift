import Vapor

/// One-time notices after a redirect ("Reader saved"). The cookie carries only catalog keys and
/// whole numbers ("visits.selected_counts~visits=3~items=7|visits.selected_no_copy~no_copy=2"),
/// so nothing a person typed ever travels in it, and it cannot carry text into the page.
struct FlashMiddleware: AsyncMiddleware {
    static let cookie = "kn_flash"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let incoming = req.cookies[Self.cookie]?.string
        if let incoming, let messages = Self.decode(incoming) { req.storage[FlashKey.self] = messages }
        let response = try await next.respond(to: req)
        if let outgoing = req.storage[FlashOutKey.self] {
            response.cookies[Self.cookie] = req.application.cookie(outgoing, maxAge: 60)
        } else if incoming != nil && response.status == .ok {
            response.cookies[Self.cookie] = .expired
        }
        return response
    }

    static func isKey(_ s: some StringProtocol) -> Bool {
        !s.isEmpty && s.count < 80 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
    }

    static func encode(_ messages: [(key: String, counts: [(String, Int)])]) -> String {
        messages.map { m in ([m.key] + m.counts.map { "\($0.0)=\($0.1)" }).joined(separator: "~") }.joined(separator: "|")
    }

    /// The messages of a cookie, or nil when any part is not a key with whole numbers.
    static func decode(_ raw: String) -> [Message]? {
        guard raw.count < 600 else { return nil }
        var out: [Message] = []
        for part in raw.split(separator: "|", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "~", omittingEmptySubsequences: false)
            guard let key = pieces.first, isKey(key) else { return nil }
            var args: [String: String] = [:]
            for piece in pieces.dropFirst() {
                let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2, isKey(pair[0]), !pair[1].isEmpty, pair[1].count < 10, pair[1].allSatisfy({ $0.isASCII && $0.isNumber })
                else { return nil }
                args[String(pair[0])] = String(pair[1])
            }
            out.append(Message(String(key), args))
        }
        return out.isEmpty ? nil : out
    }
}

struct FlashKey: StorageKey { typealias Value = [Message] }
struct FlashOutKey: StorageKey { typealias Value = String }

extension Request {
    /// Shows a notice on the next page.
    func flash(_ key: String) { storage[FlashOutKey.self] = key }

    /// Shows notices with counts on the next page, one sentence each.
    func flash(_ messages: [(key: String, counts: [(String, Int)])]) { storage[FlashOutKey.self] = FlashMiddleware.encode(messages) }

    /// A 303 redirect after a successful form, with an optional notice.
    func seeOther(_ route: SiteRoute, flash key: String? = nil) -> Response {
        seeOther(route.path, flash: key)
    }

    func seeOther(_ path: String, flash key: String? = nil) -> Response {
        if let key { flash(key) }
        return redirect(to: path, redirectType: .normal)
    }
}
