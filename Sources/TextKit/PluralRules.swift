/// CLDR plural categories used by the localisation catalogs.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other
}

/// Plural rules for the languages Knigonosha speaks.
///
/// Russian needs three forms for integers («1 книга, 2 книги, 5 книг»); Kazakh nouns stay
/// singular after a numeral, and English has «one» and «other».
public enum PluralRules {
    /// The category of `count` in the language with the given ISO 639-1 code.
    public static func category(for count: Int, language: String) -> PluralCategory {
        let n = abs(count)
        switch language {
        case "ru", "uk", "be":
            let mod10 = n % 10
            let mod100 = n % 100
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "en", "kk":
            return n == 1 ? .one : .other
        default:
            return .other
        }
    }
}
