import Stemming
import TextKit

/// Ranks candidate titles for one reader. Hard rules first: a form the reader can use, a language
/// the reader reads, nothing excluded, no title the reader already had (unless the library allows
/// re-sending after some months), and series only in order. Then a score: each matching author,
/// subject or genre, the next book of a followed series, and what the reader's past ratings say
/// about the authors and subjects.
public struct Ranker {
    /// Months after which a title the reader had may be sent again; nil never re-sends.
    public var resendAfterMonths: Int?
    /// Today, in days since 1970-01-01.
    public var todayOrdinal: Int
    private let analyzer = SearchAnalyzer()

    public init(resendAfterMonths: Int?, todayOrdinal: Int) {
        self.resendAfterMonths = resendAfterMonths
        self.todayOrdinal = todayOrdinal
    }

    /// The best `limit` candidates, best first; ties go to the lower id so results are stable.
    /// With `fill`, titles that match no stated interest but pass every hard rule (a form and a
    /// language the reader uses, nothing excluded or already had) fill the remaining places, after
    /// every match, so that a visit is never left empty because the catalogue is small.
    public func rank(_ candidates: [Candidate], for profile: Profile, limit: Int, fill: Bool = false) -> [Suggestion] {
        let p = PreparedProfile(profile, analyzer: analyzer)
        var blocked = Set<Int>()
        var seriesHad: [String: Int] = [:]
        for loan in profile.history {
            let within = resendAfterMonths.map { todayOrdinal - loan.issuedOrdinal < $0 * 30 } ?? true
            if within { blocked.insert(loan.candidate.id) }
            if let s = loan.candidate.series.map(key), let n = loan.candidate.seriesNumber { seriesHad[s] = max(seriesHad[s] ?? 0, n) }
        }
        var scored: [Suggestion] = []
        var seenSeries = Set<String>()
        for c in candidates where !blocked.contains(c.id) {
            guard let s = score(c, p, seriesHad: seriesHad, fill: fill) else { continue }
            scored.append(s)
        }
        scored.sort { $0.score == $1.score ? $0.id < $1.id : $0.score > $1.score }
        let seriesOf = Dictionary(candidates.compactMap { c in c.series.map { (c.id, key($0)) } }) { a, _ in a }
        var out: [Suggestion] = []
        for s in scored where out.count < limit {
            // One book of a series per visit: the next one.
            if let series = seriesOf[s.id] {
                if seenSeries.contains(series) { continue }
                seenSeries.insert(series)
            }
            out.append(s)
        }
        return out
    }

    func score(_ c: Candidate, _ p: PreparedProfile, seriesHad: [String: Int], fill: Bool) -> Suggestion? {
        if !p.forms.isEmpty && !p.forms.contains(c.form) { return nil }
        if !p.languages.isEmpty && !c.languages.isEmpty && p.languages.isDisjoint(with: c.languages) { return nil }
        let authorTerms = c.authors.map { Set(analyzer.terms($0)) }
        let subjectTerms = c.subjects.map { Set(analyzer.terms($0)) }
        let genreTerms = c.genres.map { Set(analyzer.terms($0)) }
        let titleTerms = Set(analyzer.terms(c.title))
        let topicTerms = subjectTerms + genreTerms + [titleTerms]
        if p.excludedAuthors.contains(where: { ex in authorTerms.contains { ex.isSubset(of: $0) } }) { return nil }
        if p.excludedTopics.contains(where: { ex in topicTerms.contains { ex.isSubset(of: $0) } }) { return nil }
        var score = 0.0
        var reasons: [String] = []
        if let series = c.series.map(key), p.series.contains(series) {
            let next = (seriesHad[series] ?? 0) + 1
            // Follow a series in order: only its next book, or the first if none is numbered.
            guard c.seriesNumber == nil || c.seriesNumber == next else { return nil }
            score += 4
            reasons.append("series:\(c.series!)")
        } else if let series = c.series.map(key), let had = seriesHad[series], let n = c.seriesNumber, n <= had {
            return nil
        }
        for (name, terms) in p.authors where authorTerms.contains(where: { terms.isSubset(of: $0) }) {
            score += 3
            reasons.append("author:\(name)")
        }
        let subjectOrTitle = subjectTerms + [titleTerms]
        let genreOrSubject = genreTerms + subjectTerms
        for (name, terms) in p.subjects where subjectOrTitle.contains(where: { terms.isSubset(of: $0) }) {
            score += 2
            reasons.append("subject:\(name)")
        }
        for (name, terms) in p.genres where genreOrSubject.contains(where: { terms.isSubset(of: $0) }) {
            score += 2
            reasons.append("genre:\(name)")
        }
        let affinity = p.affinity(authors: authorTerms, topics: subjectTerms + genreTerms)
        if affinity != 0 {
            score += affinity
            if affinity > 0 { reasons.append("rating") }
        }
        // Nothing matched and the reader told us what they like: not a suggestion, or a filler
        // ranked below every match.
        if reasons.isEmpty && p.hasInterests {
            guard fill else { return nil }
            // A filler from a numbered series is only ever the reader's next book of it.
            if let series = c.series.map(key), let n = c.seriesNumber, n != (seriesHad[series] ?? 0) + 1 { return nil }
            return Suggestion(id: c.id, score: -1 + (p.formOrder[c.form].map { 0.5 / Double($0 + 1) } ?? 0), reasons: ["fit"])
        }
        if affinity < 0 && reasons.allSatisfy({ $0 == "rating" }) { return nil }
        // The reader's first-choice form wins a tie.
        if let i = p.formOrder[c.form] { score += 0.5 / Double(i + 1) }
        return Suggestion(id: c.id, score: score, reasons: reasons)
    }

    func key(_ series: String) -> String { SearchFolding.fold(series).trimmingCharacters(in: .whitespaces) }
}
