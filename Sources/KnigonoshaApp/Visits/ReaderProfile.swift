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

    static func candidate(_ b: BibRecord) -> Candidate {
        Candidate(
            id: b.id ?? 0, title: b.title,
            authors: b.contributors.split(separator: "\n").map { String($0.split(separator: "|", maxSplits: 1).first ?? "") },
            subjects: b.subjects.split(separator: "\n").map(String.init), genres: b.genres.split(separator: "\n").map(String.init),
            series: b.series, seriesNumber: b.seriesNumber.flatMap { Int($0.prefix { $0.isNumber }) },
            languages: b.languages.split(separator: " ").map(String.init), form: b.form)
    }

    /// Everything the reader had, with ratings, for the ranker's history rules.
    static func history(readerID: UUID, on db: any Database) async throws -> [PastLoan] {
        let loans = try await Loan.query(on: db).filter(\.$reader.$id == readerID).with(\.$bib).all()
        return loans.map { loan in
            PastLoan(
                candidate: candidate(loan.bib), issuedOrdinal: LocalDate(loan.issuedOn)?.schedulingDay.ordinal ?? 0, rating: loan.rating)
        }
    }
}
