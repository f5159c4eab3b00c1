/// Turns text into search terms: words are split on anything that is not a letter or digit,
/// folded (lower case, «ё» = «е») and stemmed by their script. Kazakh words are recognised by the
/// letters Russian lacks (ә ғ қ ң ө ұ ү һ і); other Cyrillic words take the Russian stemmer and
/// Latin words the English one. Documents and queries pass through the same function, so an
/// inflected query finds every form: «книгах» and «книга» both become «книг».
public final class SearchAnalyzer {
    private var cache: [String: String] = [:]
    let stemTable: StemTable

    public init() { stemTable = StemTable() }

    /// An analyser whose byte-keyed stem table forgets after `stemTableLimit` words (for tests).
    init(stemTableLimit: Int) { stemTable = StemTable(limit: stemTableLimit) }

    /// The stemmed terms of `text`, one per word, in order.
    public func terms(_ text: String) -> [String] {
        SearchAnalyzer.words(text).map(stem)
    }

    /// The terms a document is indexed under (`indexStems`, word by word).
    public func indexTerms(_ text: String) -> [String] {
        var out: [String] = []
        for word in SearchAnalyzer.words(text) {
            let stems = indexStemsCached(word)
            out.append(contentsOf: stems)
        }
        return out
    }

    private var pairCache: [String: [String]] = [:]

    private func indexStemsCached(_ word: String) -> [String] {
        if let known = pairCache[word] { return known }
        let result = SearchAnalyzer.indexStems(word)
        if pairCache.count > 500_000 { pairCache.removeAll(keepingCapacity: true) }
        pairCache[word] = result
        return result
    }

    /// The terms one folded document word is indexed under: its exact stems (`queryStems`) and
    /// at most one derived key that finds it in another script or keyboard (`DerivedKey`).
    /// A Cyrillic word is indexed under both its Russian and its Kazakh stem, because a word
    /// does not say which of the two languages it is in («поэмалар» is Kazakh, yet has no letter
    /// that only Kazakh uses). Queries match either (`queryTerms`).
    public static func indexStems(_ word: String) -> [String] {
        var stems = queryStems(word)
        if let derived = DerivedKey.documentTerm(word, exact: stems) { stems.append(derived) }
        return stems
    }

    /// The exact stems of a word: the Russian and the Kazakh stem of a Cyrillic word, the English
    /// stem of a Latin one. `queryTerms` adds the derived keys.
    public static func queryStems(_ word: String) -> [String] {
        guard word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return [stemUncached(word)] }
        let russian = RussianStemmer.stem(word)
        let kazakh = KazakhStemmer.stem(word)
        return kazakh == russian ? [russian] : [russian, kazakh]
    }

    /// The stem of one folded word, remembered: catalogues repeat their words.
    public func stem(_ word: String) -> String {
        if let known = cache[word] { return known }
        let result = SearchAnalyzer.stemUncached(word)
        if cache.count > 500_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }

    public static func stemUncached(_ word: String) -> String {
        var cyrillic = false
        var kazakh = false
        var latin = false
        for s in word.unicodeScalars {
            switch s.value {
            case 0x0400...0x04FF:
                cyrillic = true
                if kazakhLetters.contains(s) { kazakh = true }
            case 0x61...0x7A, 0xC0...0x24F: latin = true
            default: break
            }
        }
        if kazakh { return KazakhStemmer.stem(word) }
        if cyrillic { return RussianStemmer.stem(word) }
        if latin { return EnglishStemmer.stem(word) }
        return word
    }

    /// Folded words: letters and digits, lower case, «ё» read as «е» (see `foldWords`).
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var text = text
        text.withUTF8 { bytes in foldWords(bytes) { out.append(String(decoding: $0.bytes, as: UTF8.self)) } }
        return out
    }

    static let kazakhLetters: Set<Unicode.Scalar> = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"]
}
