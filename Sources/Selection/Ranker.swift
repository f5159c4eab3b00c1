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
    /// Remembers stems; one analyzer reused across rankings (a batch) stems each word once.
    private let analyzer: SearchAnalyzer

    public init(resendAfterMonths: Int?, todayOrdinal: Int, analyzer: SearchAnalyzer = SearchAnalyzer()) {
        self.resendAfterMonths = resendAfterMonths
        self.todayOrdinal = todayOrdinal
        self.analyzer = analyzer
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
        let t = c.terms(by: analyzer)
        let authorTerms = t.authors
        let subjectTerms = t.subjects
        let genreTerms = t.genres
        let titleTerms = t.title
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
        // Only the interests that share a term with the title can match; the index finds them.
        var hits = Set<Int>()
        for set in authorTerms + subjectTerms + genreTerms + [titleTerms] {
            for term in set { if let list = p.byTerm[term] { hits.formUnion(list) } }
        }
        for i in hits.sorted() {
            let interest = p.interests[i]
            let matched: Bool
            switch interest.kind {
            case .author: matched = authorTerms.contains { interest.terms.isSubset(of: $0) }
            case .subject: matched = subjectTerms.contains { interest.terms.isSubset(of: $0) } || interest.terms.isSubset(of: titleTerms)
            case .genre: matched = (genreTerms + subjectTerms).contains { interest.terms.isSubset(of: $0) }
            }
            guard matched else { continue }
            score += interest.kind == .author ? 3 : 2
            reasons.append(interest.reason)
        }
        let affinity = p.affinity(t)
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
