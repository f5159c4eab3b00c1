import Plot

/// The interface languages. Russian is the default.
public enum Lang: String, CaseIterable, Sendable, Codable {
    case ru, kk, en

    public static let `default` = Lang.ru

    /// The language's own name, shown in the switcher.
    public var endonym: String {
        switch self {
        case .ru: "Русский"
        case .kk: "Қазақша"
        case .en: "English"
        }
    }

    var plotLanguage: Language {
        switch self {
        case .ru: .russian
        case .kk: .kazakh
        case .en: .english
        }
    }

    /// Picks the best language from an `Accept-Language` header, honouring q-values.
    static func negotiate(_ header: String?) -> Lang? {
        guard let header, !header.isEmpty else { return nil }
        var best: (Lang, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") {
                q = Double(p.dropFirst(2)) ?? 0
            }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let lang = Lang(rawValue: primary), q > 0 else { continue }
            if best == nil || q > best!.1 { best = (lang, q) }
        }
        return best?.0
    }
}
