/// The script- and keyboard-blind keys that let a word meet its other spellings: «Көшпенділер»
/// typed as «кошпенділер», «Абай жолы» as «Abai joly», «Кристи» as «Christie».
///
/// A word's key is Cyrillic: a Latin word is first read as Cyrillic (`LatinReading`); a word
/// with a letter only Kazakh has is stemmed by the Kazakh stemmer on its keyboard-folded letters
/// (`KeyboardFolding`), any other by the Russian stemmer; then э is read as е and ь, ъ are
/// dropped, which romanisations lose. In the index a key is spelt in ASCII (`Romanisation.key`)
/// after a prefix that says where it came from: «0k» a Cyrillic word, «0l» a Latin one. No word
/// begins with a digit and a letter, so derived terms never meet the exact ones, and the app can
/// rank exact and same-script matches first (`docs/SEARCH.md`).
enum DerivedKey {
    static let cyrillicPrefix = "0k"
    static let latinPrefix = "0l"

    /// A folded word in Cyrillic letters: itself, or the reading of a Latin word; whether it was
    /// Latin and whether it is Kazakh. Nil for other scripts, mixed scripts and unreadable Latin.
    static func cyrillic(_ word: String) -> (text: String, latin: Bool, kazakh: Bool)? {
        var cyrillic = false
        var latin = false
        for s in word.unicodeScalars {
            switch s.value {
            case 0x30...0x39, 0x2B0...0x2FF: continue  // digits; ʹ ʺ ʻ ʼ
            case 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin = true
            case 0x0400...0x04FF: cyrillic = true
            default: return nil
            }
        }
        guard latin != cyrillic else { return nil }
        guard latin else { return (word, false, word.unicodeScalars.contains(where: KeyboardFolding.isKazakhLetter)) }
        guard let reading = LatinReading.read(Array(word.unicodeScalars)) else { return nil }
        return (String(String.UnicodeScalarView(reading.cyrillic)), true, reading.kazakh)
    }

    /// The Cyrillic keys of a folded query word and whether it was Latin: its Russian and its
    /// Kazakh key, because a word may be in either language. A document word has one key
    /// (`documentTerm`); a query word with Kazakh letters has the Russian key of its folded
    /// letters too, so that «Әуезов» finds the Russian spelling «Ауэзов».
    static func keys(_ word: String) -> (keys: [String], latin: Bool)? {
        guard let c = cyrillic(word) else { return nil }
        let kazakhKey = kazakh(c.text)
        let russianKey = canonical(RussianStemmer.stem(c.kazakh ? KeyboardFolding.fold(c.text) : c.text))
        let keys = c.kazakh ? [kazakhKey, russianKey] : [russianKey, kazakhKey]
        return (keys[0] == keys[1] ? [keys[0]] : keys, c.latin)
    }

    private static func kazakh(_ text: String) -> String {
        canonical(KazakhStemmer.stem(KeyboardFolding.fold(text), folded: true))
    }

    /// Folded as a key: Kazakh letters as their keyboard neighbours, э as е, no ь or ъ.
    static func canonical(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for s in word.unicodeScalars {
            switch s {
            case "ь", "ъ": continue
            case "э", "ё": out.append("е")
            default: out.append(KeyboardFolding.fold(s))
            }
        }
        return String(out)
    }

    /// The one derived term a document word is indexed under besides its `exact` stems, if any.
    ///
    /// A plain-ASCII word gets one only when `Romanisation.phonetic` changes its stem: the rest
    /// are found by queries through their ordinary stems (`QueryTerms`), which keeps the index of
    /// an English catalogue from doubling. A Cyrillic word gets none when its key is one of its
    /// stems already, as it is for most Russian words: queries carry the bare key too.
    static func documentTerm(_ word: String, exact: [String]) -> String? {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            let spelling = Romanisation.phonetic(word)
            // Most English words are left alone, and their key is their stem: no second stemming.
            guard spelling != word else { return nil }
            let key = EnglishStem.ascii(spelling)
            return key == exact.first ? nil : latinPrefix + key
        }
        guard let c = cyrillic(word) else { return nil }
        // A Russian word's key is its Russian stem, already among `exact`: not stemmed again.
        let key = c.kazakh ? kazakh(c.text) : canonical(c.latin ? RussianStemmer.stem(c.text) : exact[0])
        if !c.latin && exact.contains(key) { return nil }
        guard let spelt = Romanisation.key(key), !spelt.isEmpty else { return nil }
        return (c.latin ? latinPrefix : cyrillicPrefix) + spelt
    }
}

/// The English stem of an ASCII word, as the exact terms have it (`SearchAnalyzer.stemUncached`
/// leaves words without letters as they are).
enum EnglishStem {
    static func ascii(_ word: String) -> String {
        word.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) ? EnglishStemmer.stem(word) : word
    }
}
