/// The terms one query word matches, in the three tiers the app ranks by
/// (`docs/SEARCH.md`): a match on `exact` terms first, then `sameScript`, then `otherScript`.
public struct QueryTerms: Sendable, Equatable {
    /// The word's own stems, as `SearchAnalyzer.queryStems` gives them.
    public var exact: [String]
    /// Other forms in the query's script: keyboard-folded, or a Cyrillic key meeting its own
    /// script's derived terms («кошпенділер» → «0kkoshpendi»).
    public var sameScript: [String]
    /// Forms in the other script: transliterations («кристи» → «0lkristi», «Abai» → «аба»).
    public var otherScript: [String]

    public init(exact: [String], sameScript: [String], otherScript: [String]) {
        self.exact = exact
        self.sameScript = sameScript
        self.otherScript = otherScript
    }

    /// Every term, for the match itself.
    public var all: [String] { exact + sameScript + otherScript }
}

extension SearchAnalyzer {
    /// The terms a folded query word (`words`) matches: its exact stems, and the derived keys
    /// and ASCII spellings that find it in the other script or typed on a Russian keyboard.
    public static func queryTerms(_ word: String) -> QueryTerms {
        var t = QueryTerms(exact: queryStems(word), sameScript: [], otherScript: [])
        func add(_ term: String, same: Bool) {
            guard !term.isEmpty, !t.all.contains(term) else { return }
            if same { t.sameScript.append(term) } else { t.otherScript.append(term) }
        }
        guard let found = DerivedKey.cyrillic(word) else { return t }
        let latin = found.latin
        for key in DerivedKey.keys(word)?.keys ?? [] {
            add(key, same: !latin)
            guard let spelt = Romanisation.key(key), !spelt.isEmpty else { continue }
            add(DerivedKey.cyrillicPrefix + spelt, same: !latin)
            add(DerivedKey.latinPrefix + spelt, same: latin)
        }
        // Plain-ASCII documents hold only their English stems, or a phonetic key (`DerivedKey`).
        for spelling in asciiSpellings(word, found.text) {
            let key = EnglishStem.ascii(Romanisation.phonetic(spelling))
            add(key, same: latin)
            add(DerivedKey.latinPrefix + key, same: latin)
        }
        return t
    }

    /// The prefixes the last query word matches as it is being typed: the word itself, its
    /// keyboard-folded Cyrillic and derived-key spellings. Each is meant as a prefix («кошпен»
    /// finds the «0kkoshpendi» of «Көшпенділер»).
    public static func prefixTerms(_ word: String) -> [String] {
        var out = [word]
        func add(_ term: String) { if term.unicodeScalars.count >= 2 && !out.contains(term) { out.append(term) } }
        guard let found = DerivedKey.cyrillic(word) else { return out }
        let folded = DerivedKey.canonical(found.text)
        add(folded)
        if let spelt = Romanisation.key(folded), spelt.count >= 2 {
            add(DerivedKey.cyrillicPrefix + spelt)
            add(DerivedKey.latinPrefix + spelt)
        }
        for spelling in asciiSpellings(word, found.text) {
            add(Romanisation.phonetic(spelling))
            add(DerivedKey.latinPrefix + Romanisation.phonetic(spelling))
        }
        return out
    }

    /// `prefixTerms` in the three kinds of `QueryTerms`: the word itself is exact; a Cyrillic form
    /// or `0k` key is the query's own script when the word is Cyrillic, an ASCII spelling or `0l`
    /// key when it is Latin.
    public static func prefixTermKinds(_ word: String) -> QueryTerms {
        let terms = prefixTerms(word)
        let latin = DerivedKey.cyrillic(word)?.latin ?? word.utf8.allSatisfy { $0 < 0x80 }
        var t = QueryTerms(exact: [terms[0]], sameScript: [], otherScript: [])
        for term in terms.dropFirst() {
            let isLatin =
                term.hasPrefix(DerivedKey.latinPrefix) || (!term.hasPrefix(DerivedKey.cyrillicPrefix) && term.utf8.allSatisfy { $0 < 0x80 })
            if isLatin == latin { t.sameScript.append(term) } else { t.otherScript.append(term) }
        }
        return t
    }

    /// The word itself when it is ASCII, else the common ASCII spellings of its Cyrillic form.
    private static func asciiSpellings(_ word: String, _ cyrillic: String) -> [String] {
        word.utf8.allSatisfy { $0 < 0x80 } ? [word] : Romanisation.spellings(cyrillic)
    }
}
