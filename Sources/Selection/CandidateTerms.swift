import Stemming

/// A candidate's words, analysed: each author, subject and genre as a set of stemmed terms, the
/// title's terms. Ranking compares sets of terms
/// for every candidate against every interest, so analysing a title once and keeping the result
/// (a batch meets the same titles again and again) saves most of the ranking time.
public struct CandidateTerms: Sendable {
    public let authors: [Set<String>]
    public let subjects: [Set<String>]
    public let genres: [Set<String>]
    public let title: Set<String>
    public init(_ c: Candidate, analyzer: SearchAnalyzer) {
        authors = c.authors.map { Set(analyzer.terms($0)) }
        subjects = c.subjects.map { Set(analyzer.terms($0)) }
        genres = c.genres.map { Set(analyzer.terms($0)) }
        title = Set(analyzer.terms(c.title))
    }
}

extension Candidate {
    /// The candidate with its terms analysed, ready to be ranked many times.
    public func analysed(by analyzer: SearchAnalyzer) -> Candidate {
        var c = self
        if c.terms == nil { c.terms = CandidateTerms(self, analyzer: analyzer) }
        return c
    }

    func terms(by analyzer: SearchAnalyzer) -> CandidateTerms { terms ?? CandidateTerms(self, analyzer: analyzer) }
}
