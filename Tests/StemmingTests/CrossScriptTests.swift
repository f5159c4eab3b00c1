import Testing

@testable import Stemming

/// Search across scripts and keyboards (issue 14 §4), at the analyser: a query meets a record
/// when every query word has a term among the record's index terms.
@Suite struct CrossScriptTests {
    enum Tier: Int, Comparable {
        case exact, sameScript, otherScript
        static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// The worst tier any query word needed, or nil when some word is not found.
    static func meet(_ query: String, _ record: String) -> Tier? {
        let terms = Set(SearchAnalyzer().indexTerms(record))
        var worst = Tier.exact
        for word in SearchAnalyzer.words(query) {
            let q = SearchAnalyzer.queryTerms(word)
            if q.exact.contains(where: terms.contains) { continue }
            if q.sameScript.contains(where: terms.contains) {
                worst = max(worst, .sameScript)
            } else if q.otherScript.contains(where: terms.contains) {
                worst = .otherScript
            } else {
                return nil
            }
        }
        return worst
    }

    @Test(arguments: [
        ("кошпенділер", "Көшпенділер", Tier.sameScript),  // typed on a Russian keyboard
        ("кошпендилер", "Көшпенділер", .sameScript),
        ("Abai", "Абай жолы", .otherScript),
        ("Abai joly", "Абай жолы", .otherScript),
        ("Abaı joly", "Абай жолы", .otherScript),
        ("Abay zholy", "Абай жолы", .otherScript),
        ("кристи", "Christie, Agatha", .otherScript),
        ("агата кристи", "Christie, Agatha", .otherScript),
        ("сөздерін", "Қара сөздер", .exact),
        ("Qara sözder", "Қара сөздер", .otherScript),
        ("Қара сөздер", "Qara sözder", .otherScript),
        ("Қара сөздер", "Qara sozder", .otherScript),
        ("Прокудин-Горский", "Prokudin-Gorskiĭ", .otherScript),
        ("Prokudin-Gorskiĭ", "Прокудин-Горский", .otherScript),
        ("Горький", "Gorky, Maxim", .otherScript),
        ("Максим Горький", "Gorʹkiĭ, Maksim", .otherScript),
        ("Gorky", "Горький", .otherScript),
        ("Толстой", "Tolstoy", .otherScript),
        ("Достоевский", "Dostoevsky", .otherScript),
        ("Абай", "Абай жолы", .exact),
        ("Әуезов", "Ауэзов, Мухтар", .sameScript),
        ("Ауэзов", "Әуезов, Мұхтар", .sameScript),
        ("café", "Cafe society", .sameScript),
    ])
    func test_spellings_meet(query: String, record: String, tier: Tier) {
        #expect(Self.meet(query, record) == tier)
    }

    @Test(arguments: [
        ("кристалл", "Christie, Agatha"), ("Кристина", "Christie, Agatha"), ("Abai", "Abbey Road"),
        ("сөздік", "Қара сөздер"), ("кошка", "Көшпенділер"), ("жолдас", "Абай жолы"), ("сөз", "Созвездие"),
        ("те", "The history of Kazakhstan"), ("ақын", "Ақ жол"), ("Qara", "Қарағанды"), ("Christie", "Крест"),
        ("Prokudin", "Прокопьев"), ("Абай", "Abdulla"),
    ])
    func test_unrelated_words_do_not_meet(query: String, record: String) {
        #expect(Self.meet(query, record) == nil)
    }

    /// The derived terms are exactly these: one at most per word, none for a Russian word whose
    /// key is its stem, none for an English word the phonetic spelling leaves alone.
    @Test func test_index_terms() {
        let a = SearchAnalyzer()
        #expect(a.indexTerms("Көшпенділер") == ["көшпенділер", "көшпенді", "0kkoshpendi"])
        #expect(a.indexTerms("Қара сөздер") == ["қар", "қара", "0kkara", "сөздер", "сөз", "0ksoz"])
        #expect(a.indexTerms("Qara sözder") == ["qara", "sözder", "0lsoz"])
        #expect(a.indexTerms("Абай жолы") == ["аба", "абай", "жол"])
        #expect(a.indexTerms("Abaı joly") == ["abaı", "0laba", "joli"])
        #expect(a.indexTerms("Christie, Agatha") == ["christi", "0lkristi", "agatha", "0lagata"])
        #expect(a.indexTerms("Прокудин-Горский") == ["прокудин", "горск", "горский"])
        #expect(a.indexTerms("Prokudin-Gorskiĭ") == ["prokudin", "gorskiĭ", "0lgorsk"])
        #expect(a.indexTerms("the history of Kazakhstan") == ["the", "histori", "of", "kazakhstan"])
        #expect(a.indexTerms("Горький Gorʹkiĭ") == ["горьк", "горький", "0kgork", "gorʹkiĭ", "0lgork"])
    }

    @Test func test_query_terms() {
        let q = SearchAnalyzer.queryTerms("кошпенділер")
        #expect(q.exact == ["кошпенділер", "кошпенді"])
        // The Kazakh key first, then the Russian key of the folded letters.
        #expect(q.sameScript == ["кошпенди", "0kkoshpendi", "кошпендилер", "0kkoshpendiler"])
        #expect(q.otherScript.starts(with: ["0lkoshpendi", "0lkoshpendiler", "koshpendil"]))
        let abai = SearchAnalyzer.queryTerms("abai")
        #expect(abai.exact == ["abai"])
        #expect(abai.otherScript.starts(with: ["аба", "0kaba"]))
        #expect(SearchAnalyzer.queryStems("кошпенділер") == ["кошпенділер", "кошпенді"])
    }

    @Test func test_prefix_terms_for_type_ahead() {
        #expect(SearchAnalyzer.prefixTerms("кошпен") == ["кошпен", "0kkoshpen", "0lkoshpen", "koshpen", "coshpen", "0lcoshpen"])
        #expect(SearchAnalyzer.prefixTerms("көшпен").contains("0kkoshpen"))
        #expect(SearchAnalyzer.prefixTerms("christ").contains("0lkrist"))
        #expect(SearchAnalyzer.prefixTerms("漢字") == ["漢字"])
    }
}
