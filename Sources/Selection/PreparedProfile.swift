import Stemming
import TextKit

/// A profile with its words analysed once, so that ranking thousands of candidates does not stem
/// the same interests again for each.
struct PreparedProfile {
    let subjects: [(String, Set<String>)]
    let genres: [(String, Set<String>)]
    let authors: [(String, Set<String>)]
    let excludedTopics: [Set<String>]
    let excludedAuthors: [Set<String>]
    let series: Set<String>
    let forms: Set<String>
    let formOrder: [String: Int]
    let languages: Set<String>
    /// Per analysed author or subject term: the mean of (rating − 3) over the titles that had it.
    let termAffinity: [String: Double]

    var hasInterests: Bool { !subjects.isEmpty || !genres.isEmpty || !authors.isEmpty || !series.isEmpty }

    init(_ p: Profile, analyzer: SearchAnalyzer) {
        func prepared(_ list: [String]) -> [(String, Set<String>)] {
            list.map { ($0, Set(analyzer.terms($0))) }.filter { !$0.1.isEmpty }
        }
        subjects = prepared(p.subjects)
        genres = prepared(p.genres)
        authors = prepared(p.authors)
        excludedTopics = prepared(p.excludedTopics).map(\.1)
        excludedAuthors = prepared(p.excludedAuthors).map(\.1)
        series = Set(p.series.map { SearchFolding.fold($0).trimmingCharacters(in: .whitespaces) })
        forms = Set(p.forms)
        formOrder = Dictionary(p.forms.enumerated().map { ($1, $0) }) { a, _ in a }
        languages = p.languages
        var sums: [String: (Double, Int)] = [:]
        for loan in p.history {
            guard let r = loan.rating else { continue }
            let c = loan.candidate
            // Authors are whole names; subjects are phrases: both become sets of analysed terms.
            let keys = Set(
                c.authors.map { "a:" + Set(analyzer.terms($0)).sorted().joined(separator: " ") }
                    + (c.subjects + c.genres).map { "s:" + Set(analyzer.terms($0)).sorted().joined(separator: " ") })
            for k in keys {
                let (s, n) = sums[k] ?? (0, 0)
                sums[k] = (s + Double(r - 3), n + 1)
            }
        }
        termAffinity = sums.mapValues { $0.0 / Double($0.1) }
    }

    /// How much the reader's past ratings favour these authors and topics: up to ±2 per author and
    /// ±1 per topic, so ratings adjust the ranking without drowning the stated interests.
    func affinity(authors: [Set<String>], topics: [Set<String>]) -> Double {
        guard !termAffinity.isEmpty else { return 0 }
        var total = 0.0
        for a in authors {
            if let v = termAffinity["a:" + a.sorted().joined(separator: " ")] { total += v }
        }
        for t in topics {
            if let v = termAffinity["s:" + t.sorted().joined(separator: " ")] { total += v / 2 }
        }
        return total
    }
}
