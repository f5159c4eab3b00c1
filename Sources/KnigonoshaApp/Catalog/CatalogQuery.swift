import Fluent
import SQLKit
import Stemming
import Vapor

/// A catalogue search: words, filters and a page. The page and the API share it.
struct CatalogQuery: Content {
    var q: String?
    var format: String?
    var language: String?
    /// A branch id: only records with a copy available there.
    var branch: String?
    var year_from: Int?
    var year_to: Int?
    var audience: String?
    var page: Int?
    var per_page: Int?

    static let maxPerPage = 100
    static let maxPage = 10_000
    static let languages = ["rus", "kaz", "eng", "deu", "fra", "pol", "ukr", "uzb", "kir", "tat"]

    var pageNumber: Int { Swift.min(Self.maxPage, Swift.max(1, page ?? 1)) }
    var perPage: Int { Swift.min(Self.maxPerPage, Swift.max(1, per_page ?? 20)) }

    func problems() -> FieldErrors {
        var e = FieldErrors()
        // Code points, as the OpenAPI document's `maxLength` counts them: a letter heaped with
        // combining marks is one character but many code points.
        if let q, q.unicodeScalars.count > 200 { e.add("q", "validation.too_long", ["max": "200"]) }
        if let f = format, MaterialFormatCode(rawValue: f) == nil { e.add("format", "validation.choice") }
        if let l = language, l.count != 3 || !l.allSatisfy({ $0.isASCII && $0.isLowercase }) { e.add("language", "validation.choice") }
        if let b = branch, UUID(uuidString: b) == nil { e.add("branch", "validation.choice") }
        if let y = year_from, !(1000...2200).contains(y) { e.add("year_from", "validation.range", ["min": "1000", "max": "2200"]) }
        if let y = year_to, !(1000...2200).contains(y) { e.add("year_to", "validation.range", ["min": "1000", "max": "2200"]) }
        if let a = year_from, let b = year_to, b < a { e.add("year_to", "validation.end_before_start") }
        if let a = audience, a.isEmpty || a.count > 40 || TextRules.hasControlCharacters(a) { e.add("audience", "validation.choice") }
        if let q, TextRules.hasControlCharacters(q) { e.add("q", "validation.control_chars") }
        if let p = page, !(1...Self.maxPage).contains(p) { e.add("page", "validation.range", ["min": "1", "max": String(Self.maxPage)]) }
        if let p = per_page, !(1...Self.maxPerPage).contains(p) {
            e.add("per_page", "validation.range", ["min": "1", "max": String(Self.maxPerPage)])
        }
        return e
    }

    var hasFilters: Bool {
        format != nil || language != nil || branch != nil || year_from != nil || year_to != nil || audience != nil
    }

    /// Drops invalid values, as the page does, instead of failing.
    /// The search form's label for each filter, to name one the page could not read (the words,
    /// only cut when too long, are not named).
    static let labelKeys = [
        "format": "catalog.format", "language": "catalog.language", "branch": "catalog.available_at", "year_from": "catalog.year_from",
        "year_to": "catalog.year_to", "audience": "catalog.audience", "page": "filter.page", "per_page": "filter.per_page",
    ]

    mutating func dropProblems() {
        for item in problems().items {
            switch item.field {
            case "format": format = nil
            case "language": language = nil
            case "branch": branch = nil
            case "year_from": year_from = nil
            case "year_to": year_to = nil
            case "audience": audience = nil
            case "page": page = nil
            case "per_page": per_page = nil
            default: q = String(String.UnicodeScalarView((q ?? "").unicodeScalars.prefix(200)))
            }
        }
    }

    /// Each query word's terms by kind (`QueryTerms`: exact, same script, other script); the last
    /// word also matches as a prefix, for type-ahead.
    var terms: [QueryTerms] {
        // NFC, as the records are stored and indexed (issue 14, §2): «Е» + U+0308 is «Ё».
        let words = Array(SearchAnalyzer.words((q ?? "").precomposedStringWithCanonicalMapping).prefix(12))
        return words.enumerated().map { i, word in
            // The word's own stems, then the keys that find it in the other script or typed on a
            // Russian keyboard (the index holds them: `indexStems`); the last word also as a prefix
            // being typed (issue 14, §4).
            var t = SearchAnalyzer.queryTerms(word)
            if i == words.count - 1 && word.count >= 2 {
                let prefixes = SearchAnalyzer.prefixTermKinds(word)
                for (list, kind) in [(prefixes.exact, \QueryTerms.exact), (prefixes.sameScript, \.sameScript), (prefixes.otherScript, \.otherScript)]
                {
                    for prefix in list where !t.all.contains(prefix + "*") { t[keyPath: kind].append(prefix + "*") }
                }
            }
            return t
        }
    }

    /// The search groups: one per query word, each every term the word matches.
    var groups: [[String]] { terms.map(\.all) }
}

/// The forms a catalogue record can have (MARCKit's `MaterialForm`, as stored).
enum MaterialFormatCode: String, LabeledCode {
    case print, largePrint = "large_print", audiobook, daisy, braille, ebook, periodical
    static let labelPrefix = "material"
}
