import Foundation
import TextKit

/// The message catalogs for every language, loaded once from `Resources/l10n/*.json`.
///
/// An entry is either a string with `{name}` placeholders, or an object of CLDR plural
/// forms (`one`, `few`, `many`, `other`) with a `{count}` placeholder.
public struct Localizer: Sendable {
    enum Entry: Decodable, Sendable {
        case text(String)
        case plural([String: String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .plural(try container.decode([String: String].self))
            }
        }
    }

    let catalogs: [Lang: [String: Entry]]

    /// Loads the catalogs shipped with the app.
    public static func bundled() throws -> Localizer {
        var catalogs: [Lang: [String: Entry]] = [:]
        for lang in Lang.allCases {
            guard let url = Bundle.module.url(forResource: lang.rawValue, withExtension: "json", subdirectory: "Resources/l10n")
            else { throw ConfigError("localisation catalog \(lang.rawValue).json is missing from the app bundle") }
            catalogs[lang] = try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url))
        }
        return Localizer(catalogs: catalogs)
    }

    /// Whether the catalogs define `key`.
    public func has(_ key: String) -> Bool { catalogs[.ru]?[key] != nil }

    /// Every key of a language's catalog.
    public func keys(_ lang: Lang) -> Set<String> { Set(catalogs[lang]?.keys.map { $0 } ?? []) }

    /// The plural keys of a language's catalog, with the forms each one has.
    public func pluralForms(_ lang: Lang) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (key, entry) in catalogs[lang] ?? [:] {
            if case .plural(let forms) = entry { out[key] = Set(forms.keys) }
        }
        return out
    }

    /// The message for `key`, with `{name}` placeholders replaced.
    public func t(_ key: String, _ lang: Lang, _ args: [String: String] = [:]) -> String {
        switch catalogs[lang]?[key] ?? catalogs[.ru]?[key] {
        case .text(let text)?:
            return Self.fill(text, args)
        case .plural(let forms)?:
            return Self.fill(forms["other"] ?? forms["many"] ?? key, args)
        case nil:
            return "⟦\(key)⟧"
        }
    }

    /// The plural form of `key` for `count`, with `{count}` formatted for the language.
    public func plural(_ key: String, count: Int, _ lang: Lang, _ args: [String: String] = [:]) -> String {
        guard case .plural(let forms)? = catalogs[lang]?[key] else { return t(key, lang, args) }
        let category = PluralRules.category(for: count, language: lang.rawValue)
        let text = forms[category.rawValue] ?? forms["other"] ?? forms["many"] ?? key
        var all = args
        all["count"] = Formats.number(count, lang)
        return Self.fill(text, all)
    }

    private static func fill(_ text: String, _ args: [String: String]) -> String {
        guard !args.isEmpty, text.contains("{") else { return text }
        var out = text
        for (name, value) in args { out = out.replacingOccurrences(of: "{\(name)}", with: value) }
        return out
    }
}
