/// A light suffix-stripping stemmer for Kazakh nouns, for search rather than linguistics.
///
/// Kazakh is agglutinative: a noun takes plural, possessive and case endings in that order
/// (кітап-тар-ымыз-дың, "of our books"). The stemmer removes at most one ending of each layer,
/// from the outside in: case, then possessive, then plural. Each ending is removed only after the
/// letters that Kazakh puts before it (the genitive is «-ның» after a vowel but «-тың» after a
/// voiceless consonant), which keeps most roots that merely end like a suffix: «кітапхана» keeps
/// its «-на», which is a dative only after a third-person possessive (кітаб-ы-на).
/// What remains must have two letters or more and a vowel, so short roots survive (үй, ән).
///
/// A vowel-initial ending voices the consonant before it (кітап → кітаб-ы, жүрек → жүрег-і), so
/// when one was removed a final б, г, ғ is read back as п, к, қ.
///
/// Measured in `docs/SEARCH.md`. «сөздерін» → «сөз», «кітаптарымыздың» → «кітап».
public enum KazakhStemmer {
    public static func stem(_ word: String) -> String { stem(word, folded: false) }

    /// Stems a word written in Kazakh letters or in their Russian-keyboard neighbours
    /// (`KeyboardFolding`); with `folded`, the word is expected to be folded already and is
    /// matched against folded endings, so «создерин» → «соз» as «сөздерін» → «сөз».
    public static func stem(_ word: String, folded: Bool) -> String {
        var w = Array(word.unicodeScalars)
        let table = folded ? KazakhEndings.folded : KazakhEndings.plain
        var voiced = false
        var possessiveDone = false
        if let e = match(table.cases, w) {
            w.removeLast(e.suffix.count)
            voiced = e.vowelInitial
            possessiveDone = e.withPossessive
        }
        if !possessiveDone, let e = match(table.possessives, w) {
            w.removeLast(e.suffix.count)
            voiced = e.vowelInitial
        }
        if let e = match(table.plurals, w) {
            w.removeLast(e.suffix.count)
            voiced = false
        }
        if voiced, let last = w.last, let hard = devoiced[last] { w[w.count - 1] = hard }
        return String(String.UnicodeScalarView(w))
    }

    /// The longest ending of `layer` that ends `w` after a letter it may follow, leaving enough.
    private static func match(_ layer: [KazakhEndings.Ending], _ w: [Unicode.Scalar]) -> KazakhEndings.Ending? {
        for e in layer where e.suffix.count < w.count {
            let cut = w.count - e.suffix.count
            guard w[cut...].elementsEqual(e.suffix), e.after.contains(w[cut - 1]) else { continue }
            if cut >= e.minimumStem && w[..<cut].contains(where: KazakhEndings.isVowel) { return e }
        }
        return nil
    }

    private static let devoiced: [Unicode.Scalar: Unicode.Scalar] = ["б": "п", "г": "к", "ғ": "қ"]
}
