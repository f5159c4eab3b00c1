/// A light suffix-stripping stemmer for Kazakh, for search rather than linguistics.
///
/// Kazakh is agglutinative: a noun takes plural, possessive and case endings in that order
/// (кітап-тар-ы-мыз-да, "in our books"). The stemmer removes at most one ending of each layer,
/// from the outside in: case, then possessive, then plural. An ending is removed only when
/// what remains has at least two letters and a vowel, so short roots survive (үй, ән).
/// The endings come in front and back variants by vowel harmony, and with д/т/н/л alternants
/// after different consonants; every variant is listed.
///
/// Documented in `docs/SEARCH.md`. «кітаптарымызда» → «кітап», «Абайдың» → «абай».
public enum KazakhStemmer {
    public static func stem(_ word: String) -> String {
        var chars = Array(word.unicodeScalars)
        for layer in layers {
            if let suffix = layer.first(where: { ends(chars, $0) && keeps(chars, $0.count) }) {
                chars.removeLast(suffix.count)
            }
        }
        return String(String.UnicodeScalarView(chars))
    }

    private static func ends(_ w: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        s.count < w.count && Array(w[(w.count - s.count)...]) == s
    }

    /// What remains must have two letters or more and at least one vowel.
    private static func keeps(_ w: [Unicode.Scalar], _ count: Int) -> Bool {
        let rest = w[..<(w.count - count)]
        return rest.count >= 2 && rest.contains { vowels.contains($0) }
    }

    private static func list(_ text: String) -> [[Unicode.Scalar]] {
        // Longest first, so that «дарды» is tried before «ды».
        text.split(separator: " ").map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    private static let vowels: Set<Unicode.Scalar> = ["а", "ә", "е", "ё", "и", "і", "о", "ө", "у", "ұ", "ү", "ы", "э", "ю", "я"]

    /// Outermost layer first.
    private static let layers: [[[Unicode.Scalar]]] = [
        // case endings: genitive, dative, accusative, locative, ablative, instrumental
        list(
            "ның нің дың дің тың тің "
                + "ға ге қа ке на не "
                + "ны ні ды ді ты ті "
                + "да де та те нда нде "
                + "дан ден тан тен нан нен "
                + "мен бен пен ымен імен"
        ),
        // possessive endings: my, your, his/her/their, our, your (polite)
        list("ым ім м ың ің ң ы і сы сі ымыз іміз мыз міз ыңыз іңіз ңыз ңіз"),
        // plural
        list("лар лер дар дер тар тер"),
    ]
}
