import Foundation
import Testing

/// The Kazakh catalog uses the terms fixed in `docs/GLOSSARY.md`: the rules are read from its
/// `glossary-rules` block, so the page and the test cannot drift apart.
@Suite struct GlossaryTests {
    struct Rules {
        var avoid: [String] = []
        var require: [(russian: String, kazakh: String)] = []
        var use: [String] = []
    }

    /// One catalog entry: a single string, or the values of its plural forms.
    struct Forms: Decodable {
        let values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                values = [text]
            } else {
                values = try container.decode([String: String].self).sorted { $0.key < $1.key }.map(\.value)
            }
        }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func catalog(_ lang: String) throws -> [String: [String]] {
        let url = root.appendingPathComponent("Sources/KnigonoshaApp/Resources/l10n/\(lang).json")
        return try JSONDecoder().decode([String: Forms].self, from: Data(contentsOf: url)).mapValues(\.values)
    }

    static func rules() throws -> Rules {
        let text = try String(contentsOf: root.appendingPathComponent("docs/GLOSSARY.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex(of: "```glossary-rules"), "docs/GLOSSARY.md has no glossary-rules block")
        let end = try #require(lines[(start + 1)...].firstIndex(of: "```"), "the glossary-rules block is not closed")
        var rules = Rules()
        for line in lines[(start + 1)..<end] where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                Issue.record("unreadable rule: \(line)")
                continue
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon] {
            case "avoid":
                rules.avoid.append(value)
            case "use":
                rules.use.append(value)
            case "require":
                let parts = value.components(separatedBy: " => ")
                guard parts.count == 2 else {
                    Issue.record("a require rule needs `russian => kazakh`: \(line)")
                    continue
                }
                let (russian, kazakh) = (parts[0], parts[1])
                rules.require.append((russian: russian.trimmingCharacters(in: .whitespaces), kazakh: kazakh.trimmingCharacters(in: .whitespaces)))
            default:
                Issue.record("unknown rule: \(line)")
            }
        }
        return rules
    }

    static func regex(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func test_glossary_rules_are_readable() throws {
        let rules = try Self.rules()
        #expect(rules.avoid.count >= 10)
        #expect(rules.require.count >= 10)
        #expect(rules.use.count >= 10)
        for pattern in rules.avoid + rules.require.flatMap({ [$0.russian, $0.kazakh] }) {
            do { _ = try Self.regex(pattern) } catch { Issue.record("bad pattern \(pattern): \(error)") }
        }
    }

    /// No Kazakh value uses an outdated or inconsistent term (for example «сапар», «мүгедек бала», «оқырман картасы»).
    @Test func test_kazakh_catalog_avoids_terms_the_glossary_rules_out() throws {
        let kk = try Self.catalog("kk")
        for pattern in try Self.rules().avoid {
            let regex = try Self.regex(pattern)
            var hits: [String] = []
            for key in kk.keys.sorted() {
                hits += kk[key]!.filter { Self.matches(regex, $0) }.map { "\(key): \($0)" }
            }
            #expect(hits == [], "kk.json uses a term ruled out by `avoid: \(pattern)`")
        }
    }

    /// Where the Russian string names a concept (for example «визит»), the Kazakh one uses the glossary term («бару»).
    @Test func test_kazakh_catalog_uses_the_glossary_term_where_russian_does() throws {
        let ru = try Self.catalog("ru")
        let kk = try Self.catalog("kk")
        for rule in try Self.rules().require {
            let russian = try Self.regex(rule.russian)
            let kazakh = try Self.regex(rule.kazakh)
            var misses: [String] = []
            for key in kk.keys.sorted() where (ru[key] ?? []).contains(where: { Self.matches(russian, $0) }) {
                misses += kk[key]!.filter { !Self.matches(kazakh, $0) }.map { "\(key): \($0)" }
            }
            #expect(misses == [], "where ru.json matches `\(rule.russian)`, kk.json should match `\(rule.kazakh)`")
        }
    }

    /// The preferred terms are in use, and the avoid rules do not catch them («мүгедектігі бар» is not «мүгедек»).
    @Test func test_preferred_terms_are_used_and_not_ruled_out() throws {
        let rules = try Self.rules()
        let avoid = try rules.avoid.map { ($0, try Self.regex($0)) }
        let everything = try Self.catalog("kk").values.flatMap { $0 }.joined(separator: "\n").lowercased()
        for term in rules.use {
            #expect(everything.contains(term.lowercased()), "«\(term)» is not used in kk.json")
            for (pattern, regex) in avoid {
                #expect(!Self.matches(regex, term), "«\(term)» is caught by `avoid: \(pattern)`")
            }
        }
    }
}
