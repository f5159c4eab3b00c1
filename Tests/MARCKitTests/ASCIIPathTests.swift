import Testing

@testable import MARCKit

/// The mapping reads ASCII text on its bytes and other text by characters; both roads must give
/// the same result, or a record's title would depend on whether it has an accent.
@Suite struct ASCIIPathTests {
    static func randomTexts(count: Int) -> [String] {
        var rng = FuzzTests.SplitMix(state: 20_261_130)
        let alphabet = Array("ab Xx09 ./:;=,-()[]\t\n\u{0B}".utf8)
        return (0..<count).map { _ in
            String(decoding: (0..<Int.random(in: 0...14, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self)
        } + ["Wyd. 2.", "Jr.", "A.", ".", "..", "stories.", "a b.", "abcd.", "abc.", " x .", "1994 .", "Smith, J. ", "\t/ ;"]
    }

    @Test func test_clean_agrees_on_both_roads() {
        for s in Self.randomTexts(count: 20_000) {
            #expect(Array(BibliographicMapping.cleanASCII(s).utf8) == Array(BibliographicMapping.cleanUnicode(s).utf8), "\(Array(s.utf8))")
        }
    }

    @Test func test_isbn_and_year_agree_on_both_roads() {
        var rng = FuzzTests.SplitMix(state: 7)
        let alphabet = Array("0123456789Xx -:(".utf8)
        for _ in 0..<20_000 {
            let s = String(decoding: (0..<Int.random(in: 0...20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self)
            #expect(BibliographicMapping.isbn(s) == BibliographicMapping.isbnUnicode(s), "\(s)")
            #expect(BibliographicMapping.year(s) == BibliographicMapping.yearUnicode(s), "\(s)")
        }
        #expect(BibliographicMapping.year("c12341999") == nil)
        #expect(BibliographicMapping.year("[1999?]") == 1999)
        #expect(BibliographicMapping.isbn("  0-394-58011-x (pbk.)") == "039458011X")
    }

    @Test func test_unique_keeps_first_occurrences_in_order() {
        let short = ["b", "a", "", "b", "c", "a"]
        #expect(BibliographicMapping.unique(short) == ["b", "a", "c"])
        let long = (0..<30).map { "s\($0 % 7)" }
        #expect(BibliographicMapping.unique(long) == (0..<7).map { "s\($0)" })
    }
}
