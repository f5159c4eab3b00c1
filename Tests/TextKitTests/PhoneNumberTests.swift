import Testing
import TextKit

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+7 701 234 56 78", "+77012345678"), ("8 (701) 234-56-78", "+77012345678"), ("87012345678", "+77012345678"),
        ("7012345678", "+77012345678"), ("+7-722-252-33-44", "+77222523344"), ("8 722 2 52 33 44", "+77222523344"),
    ])
    func test_common_spellings_normalise(input: String, expected: String) {
        #expect(PhoneNumber(parsing: input)?.e164 == expected)
    }

    @Test(arguments: ["", "123", "+1 202 555 0101", "+7 701 234 56 7", "+7 701 234 56 789", "8701234567a", "+8 701 234 56 78", "+7 101 234 56 78"])
    func test_non_kazakhstan_numbers_are_rejected(input: String) {
        #expect(PhoneNumber(parsing: input) == nil)
    }

    @Test func test_display_groups_digits() {
        #expect(PhoneNumber(parsing: "87012345678")?.display == "+7 701 234 56 78")
        // A city's 4-digit area code stays together; Almaty's is 3 digits.
        #expect(PhoneNumber(parsing: "+77222523344")?.display == "+7 7222 52 33 44")
        #expect(PhoneNumber(parsing: "8 7172 55 66 77")?.display == "+7 7172 55 66 77")
        #expect(PhoneNumber(parsing: "+77272345678")?.display == "+7 727 234 56 78")
        #expect(PhoneNumber(parsing: "+77772345678")?.display == "+7 777 234 56 78")
    }
}

@Suite struct SearchFoldingTests {
    @Test func test_fold_lowercases_and_maps_yo() {
        #expect(SearchFolding.fold("  Ковалёв   ЁЛКИН ") == "ковалев елкин")
        #expect(SearchFolding.fold("ҚАСЕНОВА Әсел") == "қасенова әсел")
    }

    @Test func test_terms_drop_like_wildcards_and_control_characters() {
        #expect(SearchFolding.terms("50% _ Иван\u{0}ов") == ["50", "иванов"])
    }
}

@Suite struct PluralRulesTests {
    @Test(arguments: [
        (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"), (21, "one"), (22, "few"), (25, "many"), (111, "many"),
        (0, "many"),
    ])
    func test_russian_categories(count: Int, expected: String) {
        #expect(PluralRules.category(for: count, language: "ru").rawValue == expected)
    }

    @Test func test_kazakh_and_english_categories() {
        #expect(PluralRules.category(for: 1, language: "en") == .one)
        #expect(PluralRules.category(for: 5, language: "en") == .other)
        #expect(PluralRules.category(for: 2, language: "kk") == .other)
    }
}
