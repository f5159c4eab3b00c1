import Fluent
import Selection
import Vapor

/// Builds the ranker's view of a reader and of catalogue records.
enum ReaderProfile {
    /// Reader format codes as catalogue forms.
    static let forms: [String: String] = [
        "print": "print", "large_print": "large_print", "audiobook": "audiobook", "daisy": "daisy", "braille": "braille",
        "periodicals": "periodical",
    ]
    /// Reader language codes as MARC language codes; «other» means any.
    static let languages: [String: String] = ["ru": "rus", "kk": "kaz", "en": "eng"]

    static func profile(_ reader: Reader, history: [PastLoan]) -> Profile {
        func values(_ kind: TagKind) -> [String] { reader.tags.filter { $0.kind == kind }.sorted { $0.position < $1.position }.map(\.value) }
        let langs = values(.language)
        return Profile(
            subjects: values(.subject), genres: values(.genre), authors: values(.author), excludedTopics: values(.excludedTopic),
            excludedAuthors: values(.excludedAuthor), series: values(.series), forms: values(.format).compactMap { forms[$0] },
            languages: langs.contains("other") ? [] : Set(langs.compactMap { languages[$0] }), history: history)
    }
}
