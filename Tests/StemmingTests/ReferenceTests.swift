import Foundation
import Testing

@testable import Stemming

/// Checks the stemmers against the reference Snowball output for 20,000 frequent words of each
/// language (`Tests/Fixtures/stemming`, made by `scripts/make_stemming_fixtures.py`).
@Suite struct ReferenceTests {
    static func pairs(_ name: String) throws -> [(String, String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stemming/\(name).tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func test_russian_matches_snowball() throws {
        let pairs = try Self.pairs("russian")
        #expect(pairs.count == 20000)
        let wrong = pairs.filter { RussianStemmer.stem($0.0) != $0.1 }
        #expect(wrong.count == 0, "\(wrong.prefix(20).map { "\($0.0)→\(RussianStemmer.stem($0.0)) (want \($0.1))" })")
    }

    @Test func test_russian_examples_from_the_issue() {
        #expect(RussianStemmer.stem("книгах") == RussianStemmer.stem("книга"))
        #expect(RussianStemmer.stem("абаем") == RussianStemmer.stem("абай"))
    }
}

@Suite struct EnglishReferenceTests {
    @Test func test_english_matches_snowball() throws {
        let pairs = try ReferenceTests.pairs("english")
        let wrong = pairs.filter { EnglishStemmer.stem($0.0) != $0.1 }
        #expect(wrong.count == 0, "\(wrong.count) wrong: \(wrong.prefix(30).map { "\($0.0)→\(EnglishStemmer.stem($0.0)) (want \($0.1))" })")
    }
}

@Suite struct KazakhStemmerTests {
    @Test(arguments: [
        ("кітап", "кітап"), ("кітаптар", "кітап"), ("кітаптарды", "кітап"), ("кітаптарымызда", "кітап"),
        ("кітапханада", "кітапхана"), ("кітапханадан", "кітапхана"), ("балаларға", "бала"), ("абайдың", "абай"),
        ("абайға", "абай"), ("абаймен", "абай"), ("үйлер", "үй"), ("үй", "үй"), ("ән", "ән"), ("өлеңдері", "өлең"),
        ("оқырмандар", "оқырман"), ("мектепте", "мектеп"),
    ])
    func test_endings_are_removed_layer_by_layer(word: String, stem: String) {
        #expect(KazakhStemmer.stem(word) == stem)
    }
}

@Suite struct SearchAnalyzerTests {
    @Test func test_inflected_forms_meet() {
        let a = SearchAnalyzer()
        #expect(a.terms("книгах") == a.terms("Книга"))
        #expect(a.terms("Абаем") == a.terms("АБАЙ"))
        #expect(a.terms("Ёлки") == a.terms("елка"))
        #expect(a.terms("кітаптарымызда") == ["кітап"])
        #expect(a.terms("Running dogs") == ["run", "dog"])
        #expect(SearchAnalyzer.words("Путь Абая: роман-эпопея, 2012") == ["путь", "абая", "роман", "эпопея", "2012"])
    }
}
