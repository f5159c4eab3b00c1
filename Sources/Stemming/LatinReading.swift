/// Reads a folded Latin word as the Cyrillic it most likely stands for, so that it can be stemmed
/// and keyed like a Cyrillic one (`DerivedKey`).
///
/// Catalogues romanise Russian by ALA-LC («Gorʹkiĭ», «I͡Uriĭ») or GOST 7.79 («Gorkij»), Kazakh by
/// the 2021 alphabet («Qara sözder», «Abaı») or informally («Abai joly», «Abay zholy»), and
/// English spells foreign names its own way («Christie», «Maxim»). One reading serves them all,
/// with these choices where systems disagree:
/// - «j» before a vowel is ж (Kazakh «joly»), elsewhere й (GOST «Gorkij»);
/// - «y» after a vowel and not before one is й («Tolstoy»), before a vowel it starts я, ю, е, ё,
///   elsewhere ы («Gorky», «Respublikasy»);
/// - «ı» after a vowel other than i is й (2018 «Abaı»), elsewhere і (2021 «bır»);
/// - «ch» is ч, but к before r (Christie, chronicle: Russian has few words in «чр»);
/// - «x» is кс (Maxim, Alexander), not GOST's х, which catalogues seldom use.
/// A letter without a reading (Vietnamese, IPA…) makes the word unreadable: no derived key.
enum LatinReading {
    struct Reading {
        var cyrillic: [Unicode.Scalar] = []
        /// Whether a letter only Kazakh has was read (ä ö ü ū ğ ñ q ı ī): the word is Kazakh.
        var kazakh = false
    }

    static func read(_ w: [Unicode.Scalar]) -> Reading? {
        var r = Reading()
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < w.count ? w[k] : nil }
        func vowel(_ k: Int) -> Bool { at(k).map(vowels.contains) ?? false }
        func put(_ s: String, _ n: Int) {
            r.cyrillic.append(contentsOf: s.unicodeScalars)
            i += n
        }
        while i < w.count {
            let c = w[i]
            let next = at(i + 1)
            switch c {
            case "s" where next == "h" && at(i + 2) == "c" && at(i + 3) == "h": put("щ", 4)
            case "s" where next == "h" && at(i + 2) == "h": put("щ", 3)
            case "s" where next == "h": put("ш", 2)
            case "c" where next == "h": put(at(i + 2) == "r" ? "к" : "ч", 2)
            case "c" where next == "k": put("к", 2)
            case "c" where next == "z": put("ц", 2)
            case "c": put(next.map { "eiy".unicodeScalars.contains($0) } ?? false ? "ц" : "к", 1)
            case "z" where next == "h": put("ж", 2)
            case "k" where next == "h": put("х", 2)
            case "g" where next == "h": put("ғ", 2)
            case "p" where next == "h": put("ф", 2)
            case "t" where next == "h": put("т", 2)
            case "y", "i", "j":
                if c != "j", let n = next, let iotated = iotated[n] {
                    // ya, yu, ye, yo, ia, iu: one Cyrillic letter («I͡Uriĭ» without its tie).
                    if c == "y" || n == "a" || n == "u" {
                        put(iotated, 2)
                        continue
                    }
                }
                if c == "i" {
                    put("и", 1)
                } else if c == "j" {
                    put(vowel(i + 1) ? "ж" : "й", 1)
                } else {
                    put(vowel(i - 1) && !vowel(i + 1) ? "й" : "ы", 1)
                }
            case "ı":
                let afterVowel = vowel(i - 1) && at(i - 1) != "i" && !vowel(i + 1)
                if !afterVowel { r.kazakh = true }
                put(afterVowel ? "й" : "і", 1)
            default:
                guard let s = letters[c] else {
                    if c.properties.numericType != nil {
                        put(String(c), 1)
                        continue
                    }
                    return nil
                }
                if kazakhLetters.contains(c) { r.kazakh = true }
                put(s, 1)
            }
        }
        return r
    }

    private static let vowels = Set("aeiouyäöüūıīéèêëáàâóôúíĭ".unicodeScalars)

    private static let iotated: [Unicode.Scalar: String] = ["a": "я", "u": "ю", "e": "е", "o": "е"]

    private static let kazakhLetters: Set<Unicode.Scalar> = Set("äöüūğǵñqī".unicodeScalars)

    /// Single letters, diacritics included; ʹ ʺ are ALA-LC's soft and hard signs.
    private static let letters: [Unicode.Scalar: String] = {
        var m: [Unicode.Scalar: String] = [:]
        let rows = [
            "a": "aáàâãåāăą", "b": "b", "d": "dďđ", "e": "eéèêëēěęėœ", "f": "f", "g": "g", "h": "hḥ", "k": "k", "l": "lł",
            "m": "m", "n": "nńňṇ", "o": "oóòôõōő", "p": "p", "r": "rř", "s": "sśṣ", "t": "tťṭ", "u": "uúùûůűŭ", "v": "vw",
            "z": "zźżẓ", "ks": "x", "sh": "şš", "ch": "çčć", "zh": "ž", "yi": "ý", "ss": "ß",
            "ä": "äæ", "ö": "öø", "ü": "ü", "ū": "ū", "ğ": "ğǵ", "ñ": "ñ", "q": "q", "ī": "ī", "i": "íìîï", "ĭ": "ĭ",
            "ʹ": "ʹ", "ʺ": "ʺ", "": "ʻʼ",
        ]
        let cyrillic: [String: String] = [
            "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "k": "к", "l": "л", "m": "м", "n": "н",
            "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з", "ks": "кс", "sh": "ш", "ch": "ч",
            "zh": "ж", "yi": "ы", "ss": "сс", "ä": "ә", "ö": "ө", "ü": "ү", "ū": "ұ", "ğ": "ғ", "ñ": "ң", "q": "қ", "ī": "і",
            "i": "и", "ĭ": "й", "ʹ": "ь", "ʺ": "ъ", "": "",
        ]
        for (key, latin) in rows { for s in latin.unicodeScalars { m[s] = cyrillic[key]! } }
        return m
    }()
}
