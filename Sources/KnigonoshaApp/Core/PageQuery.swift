import Vapor

extension Request {
    /// A page's search form, read as the person filled it in (issue 12, finding 1).
    ///
    /// A browser sends every field of a GET form, empty ones included; `year_from=` means "not
    /// set", yet it failed to decode as a number and the whole query was replaced by an empty one,
    /// so the first search from the catalogue's own form ignored its words. Empty fields are left
    /// out here, and a field that still cannot be read (letters in a year) is dropped alone and
    /// named in `unreadable`: the rest of the query always stands.
    func pageQuery<T: Decodable & Sendable>(_ type: T.Type, empty: T) -> (query: T, unreadable: [String]) {
        // A form sends a space as «+» (a typed plus arrives as %2B); URLComponents reads URLs, not
        // forms, and would keep the «+», so it is turned back into a space first.
        let raw = (url.query ?? "").replacingOccurrences(of: "+", with: "%20")
        var items = URLComponents(string: "?" + raw)?.queryItems?.filter { !($0.value ?? "").isEmpty } ?? []
        var unreadable: [String] = []
        let decoder = URLEncodedFormDecoder()
        for _ in 0...items.count {
            var parts = URLComponents()
            parts.queryItems = items
            let encoded = (parts.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
            do {
                return (try decoder.decode(T.self, from: encoded), unreadable)
            } catch let error as DecodingError {
                guard let field = Self.field(of: error), items.contains(where: { $0.name == field }) else { break }
                unreadable.append(field)
                items.removeAll { $0.name == field }
            } catch {
                break
            }
        }
        return (empty, unreadable)
    }

    private static func field(of error: DecodingError) -> String? {
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): c.codingPath.first?.stringValue
        case .keyNotFound(let key, _): key.stringValue
        @unknown default: nil
        }
    }
}
