/// Text helpers of the mapping: trimming ISBD punctuation without losing an abbreviation's full
/// stop. Each has a byte road for ASCII (`ASCIIText.swift`); both roads must agree.
extension BibliographicMapping {
    static func trim(_ s: String) -> String {
        // Fast path: nothing to trim at either end (the usual case).
        // (All ASCII white space counts: a line break at the end once survived here.)
        if let f = s.utf8.first, let l = s.utf8.last, f < 0x80, l < 0x80, !ASCIIText.isSpace(f), !ASCIIText.isSpace(l) { return s }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Drops ISBD punctuation that ends a subfield: «Путь Абая :» → «Путь Абая», «1994.» → «1994».
    /// A full stop that ends an abbreviation stays: «Wyd.», «изд.», «War Dept.», «Oxford U.P.».
    static func clean(_ s: String) -> String {
        ASCIIText.isPlain(s) ? cleanASCII(s) : cleanUnicode(s)
    }

    static func cleanUnicode(_ s: String) -> String {
        var t = trim(s)
        while let last = t.last, " /:;=,".contains(last) { t.removeLast() }
        if t.hasSuffix(".") && !t.hasSuffix("..") && !keepsStop(t.dropLast()) { t.removeLast() }
        return trim(t)
    }

    /// Whether the full stop after `text` belongs to its last word. A one-word value of up to
    /// three characters keeps it, as does a last word of one or two (an initial, «Jr», «т»), an
    /// abbreviation (`isAbbreviation`), or a word after an abbreviation that has its own stop
    /// («Govt. Print. Off.»).
    static func keepsStop(_ text: Substring) -> Bool {
        guard let space = text.lastIndex(of: " ") else { return text.count <= 3 || isAbbreviation(text) }
        let word = text[text.index(after: space)...]
        if word.count <= 2 || isAbbreviation(word) { return true }
        let before = text[..<space]
        guard before.hasSuffix(".") else { return false }
        let previous = before.dropLast()
        let start = previous.lastIndex(of: " ").map { previous.index(after: $0) } ?? previous.startIndex
        let prior = previous[start...]
        return !prior.isEmpty && isAbbreviation(prior)
    }

    /// A word with a stop inside («U.P», «e.g»), a hyphenated contraction whose last part has one
    /// or two letters («изд-во», «ун-т»), or a word of `abbreviations`.
    static func isAbbreviation(_ word: Substring) -> Bool {
        if word.contains(".") { return true }
        if let dash = word.lastIndex(of: "-") {
            let tail = word[word.index(after: dash)...].count
            if tail >= 1 && tail <= 2 && dash != word.startIndex { return true }
        }
        guard word.count <= 12 else { return false }
        return abbreviations.contains(word.lowercased())
    }

    /// Abbreviations that end names, imprints and editions, in the languages of the catalogues:
    /// English, Russian, Kazakh, Polish, German and French (AACR2 appendix B, ГОСТ 7.0.12).
    static let abbreviations: Set<String> = [
        // English
        "dept", "depts", "govt", "print", "univ", "assoc", "assn", "corp", "inc", "ltd", "bros", "inst", "acad", "soc", "natl", "intl",
        "comm", "comp", "eds", "rev", "enl", "repr", "suppl", "vol", "vols", "pts", "nos", "ill", "illus", "fig", "figs", "etc", "jr",
        "sr", "dr", "mr", "mrs", "prof", "hon", "esq", "gen", "capt", "sgt", "ave", "approx", "misc", "publ", "pub", "dist", "distr",
        "ser", "div", "bur", "cong", "sess", "doc", "docs", "sci", "tech", "agric", "admin", "adm", "co", "pty", "mfg", "bldg", "ed",
        // Russian (ГОСТ 7.0.12)
        "изд", "испр", "доп", "перераб", "стер", "вып", "кн", "гг", "вв", "ил", "табл", "см", "мм", "пер", "ред", "сост", "авт",
        "предисл", "послесл", "коммент", "примеч", "вступ", "худож", "обл", "им", "акад", "проф", "гос", "тип", "сб", "науч", "тр",
        "учеб", "спб", "респ", "нац", "изд-во", "ин-т", "ун-т", "отв", "гл", "англ", "рус", "нем", "франц", "пол", "фот", "портр",
        // Kazakh
        "бас", "құраст", "ауд", "өңд", "жауапты",
        // Polish
        "wyd", "wydaw", "oprac", "red", "tłum", "przeł", "nr", "państw", "nauk", "tow", "zesz", "cz", "ks", "rozdz", "popr", "uzup",
        // German
        "aufl", "verl", "bd", "bde", "hrsg", "hg", "jh", "bzw", "usw", "ausg", "erw", "überarb", "nachdr", "übers", "bearb", "neubearb",
        // French
        "éd", "impr", "trad", "rév", "augm", "coll", "cie", "réimpr", "préf",
    ]

    static func unique(_ values: [String]) -> [String] {
        // Most lists are a handful long: comparing beats hashing, which normalises Unicode.
        if values.count <= 8 {
            var out: [String] = []
            for v in values where !v.isEmpty && !out.contains(v) { out.append(v) }
            return out
        }
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func slice(_ s: String, _ start: Int, _ length: Int) -> String? {
        let bytes = s.utf8
        if bytes.count == s.unicodeScalars.count {  // ASCII, as fixed fields are
            guard bytes.count >= start + length else { return nil }
            let from = bytes.index(bytes.startIndex, offsetBy: start)
            return String(decoding: bytes[from..<bytes.index(from, offsetBy: length)], as: UTF8.self)
        }
        let u = Array(s.unicodeScalars)
        guard u.count >= start + length else { return nil }
        return String(String.UnicodeScalarView(u[start..<(start + length)]))
    }

    static func chunks(_ code: String) -> [String] {
        let letters = Array(code.filter(\.isLetter))
        return stride(from: 0, to: letters.count - 2, by: 3).map { String(letters[$0..<($0 + 3)]) }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
