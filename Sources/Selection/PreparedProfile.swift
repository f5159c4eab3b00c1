import Stemming
import TextKit

/// A profile with its words analysed once, so that ranking thousands of candidates does not stem
/// the same interests again for each.
struct PreparedProfile {
    let excludedTopics: [Set<String>]
    let excludedAuthors: [Set<String>]
    let series: Set<String>
    let forms: Set<String>
    let formOrder: [String: Int]
    let languages: Set<String>
    /// The authors, subjects and genres in that order (the order of a suggestion's reasons).
    let interests: [Interest]
    /// Each interest's position in `interests`, under one of its terms: a title without that term
    /// cannot match it.
    let byTerm: [String: [Int]]
    /// Per analysed author (the set of its terms): the mean of (rating − 3) over the titles by it.
    let authorAffinity: [Set<String>: Double]
    /// The same per analysed subject or genre.
    let topicAffinity: [Set<String>: Double]

    var hasInterests: Bool { !interests.isEmpty || !series.isEmpty }

    init(_ p: Profile, analyzer: SearchAnalyzer) {
        func prepared(_ list: [String]) -> [(String, Set<String>)] {
            list.map { ($0, Set(analyzer.terms($0))) }.filter { !$0.1.isEmpty }
        }
        let subjects = prepared(p.subjects)
        let genres = prepared(p.genres)
        let authors = prepared(p.authors)
        let all =
            authors.map { Interest(kind: .author, terms: $0.1, reason: "author:\($0.0)") }
            + subjects.map { Interest(kind: .subject, terms: $0.1, reason: "subject:\($0.0)") }
            + genres.map { Interest(kind: .genre, terms: $0.1, reason: "genre:\($0.0)") }
        interests = all
        var index: [String: [Int]] = [:]
        for (i, interest) in all.enumerated() { index[interest.terms.min()!, default: []].append(i) }
        byTerm = index
        excludedTopics = prepared(p.excludedTopics).map(\.1)
        excludedAuthors = prepared(p.excludedAuthors).map(\.1)
        series = Set(p.series.map { SearchFolding.fold($0).trimmingCharacters(in: .whitespaces) })
        forms = Set(p.forms)
        formOrder = Dictionary(p.forms.enumerated().map { ($1, $0) }) { a, _ in a }
        languages = p.languages
        var authorSums: [Set<String>: (Double, Int)] = [:]
        var topicSums: [Set<String>: (Double, Int)] = [:]
        for loan in p.history {
            guard let r = loan.rating else { continue }
            // Authors are whole names; subjects are phrases: both become sets of analysed terms.
            // The title is not needed here, so a title not yet analysed is not analysed whole.
            let c = loan.candidate
            let authors = c.terms?.authors ?? c.authors.map { Set(analyzer.terms($0)) }
            let topics = c.terms.map { $0.subjects + $0.genres } ?? (c.subjects + c.genres).map { Set(analyzer.terms($0)) }
            for a in Set(authors) { authorSums[a, default: (0, 0)].0 += Double(r - 3); authorSums[a, default: (0, 0)].1 += 1 }
            for s in Set(topics) { topicSums[s, default: (0, 0)].0 += Double(r - 3); topicSums[s, default: (0, 0)].1 += 1 }
        }
        authorAffinity = authorSums.mapValues { $0.0 / Double($0.1) }
        topicAffinity = topicSums.mapValues { $0.0 / Double($0.1) }
    }

    /// How much the reader's past ratings favour these authors and topics: up to ±2 per author and
    /// ±1 per topic, so ratings adjust the ranking without drowning the stated interests.
    func affinity(_ terms: CandidateTerms) -> Double {
        var total = 0.0
        if !authorAffinity.isEmpty { for a in terms.authors { total += authorAffinity[a] ?? 0 } }
        if !topicAffinity.isEmpty { for t in terms.subjects + terms.genres { total += (topicAffinity[t] ?? 0) / 2 } }
        return total
    }
}

/// One stated interest, analysed.
struct Interest {
    enum Kind { case author, subject, genre }
    let kind: Kind
    let terms: Set<String>
    let reason: String
}
