import Testing

@testable import Stemming

/// The byte-level analysis that the import uses must give exactly the terms of the word-by-word
/// one that queries use; otherwise a query would miss what the index holds.
@Suite struct IndexTextTests {
    static let samples = [
        "Путь Абая: роман-эпопея, 2012", "Ёлки и ЁЖИКИ, ёлочка", "Кітаптарымызда Абайдың өлеңдері; ҚАЗАҚ ӘДЕБИЕТІ",
        "O'Brien’s d’Артаньян L'HÔPITAL", "Café crème brûlée — naïve Ærø Ångström", "e\u{301}tude combining marks a\u{308}",
        "  ", "", "ⅫⅣ ½ ١٢٣ 漢字 テスト emoji 👩‍👩‍👧 ok", "ΣΊΣΥΦΟΣ İstanbul ß ﬁnance", "running dogs, 1960s-1970s",
        "Книги, книгах, книгам", "x", "—", "a--b__c..d", "Ǆemal ǅ ǆ", "Көшпенділер, кошпенділер", "Abaı joly; Qara sözder",
        "Prokudin-Gorskiĭ, Sergeĭ Mikhaĭlovich", "Gorʹkiĭ I͡Uriĭ t͡s", "Christie, Agatha", "Philosophy of Maxim",
    ]

    @Test func test_bytes_give_the_terms_of_the_word_path() {
        let analyzer = SearchAnalyzer()
        for text in Self.samples {
            #expect(analyzer.indexText([text]) == analyzer.indexTerms(text).joined(separator: " "), "\(text)")
        }
        // Several texts join as one list, and a text that yields nothing adds no extra space.
        let texts = ["Абай", "", "Running", "—", "книгах"]
        #expect(analyzer.indexText(texts) == texts.flatMap(analyzer.indexTerms).joined(separator: " "))
    }

    @Test func test_random_text_agrees_and_the_table_survives_being_emptied() {
        var rng = SplitMix(state: 20_261_130)
        // Latin letters that start digraphs (sh, ch, zh, kh, ya, j…), Kazakh Latin and ALA-LC
        // diacritics, soft signs and the tie, and Kazakh Cyrillic: the derived keys' inputs.
        let alphabet = Array(
            "abcxyzABCXYZ019 ,.'’-абвгдеёжяАБЁЯәғқңөұүһіӘҒҚ éÉüßİ\u{301}\u{308}½漢👍hjkqstw äöüūğñşıĭīčžÄŞ ʹʺʻ\u{361} ӨҮҰьъэюр"
                .unicodeScalars)
        let analyzer = SearchAnalyzer()
        let small = SearchAnalyzer(stemTableLimit: 50)
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { s.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]) }
            let text = String(s)
            let expected = analyzer.indexTerms(text).joined(separator: " ")
            #expect(analyzer.indexText([text]) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(small.indexText([text]) == expected)
        }
    }

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
