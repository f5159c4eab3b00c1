/// The Snowball Russian stemmer, written from the published algorithm
/// (snowballstem.org, `russian.sbl`). «книгах» → «книг», «Абаем» → «аба».
///
/// Input is expected in lower case; «ё» is read as «е».
public enum RussianStemmer {
    public static func stem(_ word: String) -> String {
        var w = SuffixWord(word.unicodeScalars.map { $0 == "ё" ? "е" : $0 })
        let (pV, p2) = regions(w.chars)
        guard pV < w.chars.count else { return String(String.UnicodeScalarView(w.chars)) }
        w.limit = pV

        // Step 1
        if !perfectiveGerund(&w) {
            _ = w.removeLongest(reflexive)
            if !adjectival(&w) && !verb(&w) {
                _ = w.removeLongest(noun)
            }
        }
        // Step 2
        if w.endsWith(i) { w.removeLast(1) }
        // Step 3: derivational, in R2
        if let m = w.longestMatch(derivational), w.chars.count - m.count >= p2 { w.removeLast(m.count) }
        // Step 4: tidy up
        if let m = w.longestMatch(tidy) {
            if m == nn || m.count == 1 && m[0] == "н" {
                if w.endsWith(nn) { w.removeLast(1) }
            } else if m.count == 1 {
                w.removeLast(1)  // ь
            } else {
                w.removeLast(m.count)  // ейш, ейше
                if w.endsWith(nn) { w.removeLast(1) }
            }
        }
        return String(String.UnicodeScalarView(w.chars))
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool { vowels.contains(c) }

    /// RV starts after the first vowel; R2 is R1 of R1.
    static func regions(_ s: [Unicode.Scalar]) -> (Int, Int) {
        let n = s.count
        var i = 0
        while i < n && !isVowel(s[i]) { i += 1 }
        guard i < n else { return (n, n) }
        let pV = i + 1
        var j = pV
        while j < n && isVowel(s[j]) { j += 1 }
        guard j < n else { return (pV, n) }
        j += 1  // R1
        while j < n && !isVowel(s[j]) { j += 1 }
        guard j < n else { return (pV, n) }
        j += 1
        while j < n && isVowel(s[j]) { j += 1 }
        guard j < n else { return (pV, n) }
        return (pV, j + 1)
    }

    /// Endings of group 1 must follow «а» or «я» (inside RV); the letter itself stays.
    private static func afterAOrYa(_ w: SuffixWord, _ suffixCount: Int) -> Bool {
        let k = w.chars.count - suffixCount - 1
        guard k >= w.limit else { return false }
        return w.chars[k] == "а" || w.chars[k] == "я"
    }

    private static func perfectiveGerund(_ w: inout SuffixWord) -> Bool {
        guard let m = w.longestMatch(gerund1 + gerund2) else { return false }
        if gerund1.contains(m) && !afterAOrYa(w, m.count) { return false }
        w.removeLast(m.count)
        return true
    }

    private static func adjectival(_ w: inout SuffixWord) -> Bool {
        guard let m = w.longestMatch(adjective) else { return false }
        w.removeLast(m.count)
        if let p = w.longestMatch(participle1 + participle2) {
            if participle2.contains(p) || afterAOrYa(w, p.count) { w.removeLast(p.count) }
        }
        return true
    }

    private static func verb(_ w: inout SuffixWord) -> Bool {
        guard let m = w.longestMatch(verb1 + verb2) else { return false }
        if verb1.contains(m) && !verb2.contains(m) && !afterAOrYa(w, m.count) { return false }
        w.removeLast(m.count)
        return true
    }

    private static func list(_ words: String) -> [[Unicode.Scalar]] {
        words.split(separator: " ").map { Array($0.unicodeScalars) }
    }

    private static let vowels: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]
    private static let i: [Unicode.Scalar] = ["и"]
    private static let nn: [Unicode.Scalar] = ["н", "н"]
    private static let gerund1 = list("в вши вшись")
    private static let gerund2 = list("ив ивши ившись ыв ывши ывшись")
    private static let adjective = list("ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею")
    private static let participle1 = list("ем нн вш ющ щ")
    private static let participle2 = list("ивш ывш ующ")
    private static let reflexive = list("ся сь")
    private static let verb1 = list("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно")
    private static let verb2 = list(
        "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю"
    )
    private static let noun = list(
        "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я"
    )
    private static let derivational = list("ост ость")
    private static let tidy = list("ейш ейше н ь")
}
