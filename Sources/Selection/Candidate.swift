/// A title that could go to a reader, as the ranker sees it.
public struct Candidate: Sendable {
    public var id: Int
    public var title: String
    public var authors: [String]
    public var subjects: [String]
    public var genres: [String]
    public var series: String?
    public var seriesNumber: Int?
    /// MARC language codes («rus», «kaz», «eng»).
    public var languages: [String]
    /// The material form («print», «large_print», «audiobook»…).
    public var form: String
    /// The analysed words, when already known (see `analysed(by:)`).
    public var terms: CandidateTerms?

    public init(
        id: Int, title: String, authors: [String] = [], subjects: [String] = [], genres: [String] = [], series: String? = nil,
        seriesNumber: Int? = nil, languages: [String] = [], form: String = "print"
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.subjects = subjects
        self.genres = genres
        self.series = series
        self.seriesNumber = seriesNumber
        self.languages = languages
        self.form = form
    }
}

/// A title the reader had before, with the rating given on return.
public struct PastLoan: Sendable {
    public var candidate: Candidate
    /// Days since 1970-01-01 of the issue.
    public var issuedOrdinal: Int
    public var rating: Int?

    public init(candidate: Candidate, issuedOrdinal: Int, rating: Int?) {
        self.candidate = candidate
        self.issuedOrdinal = issuedOrdinal
        self.rating = rating
    }
}

/// What a reader likes and can use.
public struct Profile: Sendable {
    public var subjects: [String]
    public var genres: [String]
    public var authors: [String]
    public var excludedTopics: [String]
    public var excludedAuthors: [String]
    public var series: [String]
    /// Forms the reader can use, best first; empty means any.
    public var forms: [String]
    /// MARC language codes the reader reads; empty means any.
    public var languages: Set<String>
    public var history: [PastLoan]

    public init(
        subjects: [String] = [], genres: [String] = [], authors: [String] = [], excludedTopics: [String] = [],
        excludedAuthors: [String] = [], series: [String] = [], forms: [String] = [], languages: Set<String> = [],
        history: [PastLoan] = []
    ) {
        self.subjects = subjects
        self.genres = genres
        self.authors = authors
        self.excludedTopics = excludedTopics
        self.excludedAuthors = excludedAuthors
        self.series = series
        self.forms = forms
        self.languages = languages
        self.history = history
    }
}

/// One suggested title, with its score and why it was chosen.
public struct Suggestion: Sendable, Equatable {
    public var id: Int
    public var score: Double
    /// Reason codes for the coordinator: «subject:детектив», «author:Абай», «series:next», «rating».
    public var reasons: [String]
}
