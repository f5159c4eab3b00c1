import Selection
import Testing

@Suite struct RankerTests {
    let today = 20_000
    func ranker(resend: Int? = nil) -> Ranker { Ranker(resendAfterMonths: resend, todayOrdinal: today) }

    let books = [
        Candidate(id: 1, title: "Путь Абая", authors: ["Ауэзов, Мухтар"], subjects: ["Казахская литература"], languages: ["rus"]),
        Candidate(id: 2, title: "Убийство в Восточном экспрессе", authors: ["Кристи, Агата"], genres: ["Детективы"], languages: ["rus"]),
        Candidate(id: 3, title: "Murder on the Orient Express", authors: ["Christie, Agatha"], genres: ["Detective fiction"], languages: ["eng"]),
        Candidate(id: 4, title: "Десять негритят", authors: ["Кристи, Агата"], genres: ["Детективы"], languages: ["rus"], form: "large_print"),
        Candidate(id: 5, title: "Сага, том 2", authors: ["Голсуорси"], series: "Сага о Форсайтах", seriesNumber: 2, languages: ["rus"]),
        Candidate(id: 6, title: "Сага, том 1", authors: ["Голсуорси"], series: "Сага о Форсайтах", seriesNumber: 1, languages: ["rus"]),
        Candidate(id: 7, title: "Сага, том 3", authors: ["Голсуорси"], series: "Сага о Форсайтах", seriesNumber: 3, languages: ["rus"]),
        Candidate(id: 8, title: "Военные мемуары", authors: ["Жуков"], subjects: ["Война"], genres: ["Детективы"], languages: ["rus"]),
    ]

    @Test func matchesInterestsInTheReadersFormsAndLanguages() {
        let p = Profile(genres: ["Детективы"], forms: ["print", "large_print"], languages: ["rus"])
        let ids = ranker().rank(books, for: p, limit: 10).map(\.id)
        #expect(ids == [2, 8, 4])  // print first at equal score; English and non-matching left out
        let largeOnly = Profile(genres: ["детективы"], forms: ["large_print"], languages: ["rus"])
        #expect(ranker().rank(books, for: largeOnly, limit: 10).map(\.id) == [4])
    }

    @Test func exclusionsAndPastLoansAreLeftOut() {
        let history = [PastLoan(candidate: books[1], issuedOrdinal: today - 100, rating: 5)]
        let p = Profile(genres: ["детективы"], excludedTopics: ["война"], languages: ["rus"], history: history)
        #expect(ranker().rank(books, for: p, limit: 10).map(\.id) == [4])
        // The library allows re-sending after three months: the title had 100 days ago may return.
        #expect(ranker(resend: 3).rank(books, for: p, limit: 10).map(\.id).contains(2))
        let noChristie = Profile(genres: ["детективы"], excludedAuthors: ["Кристи"], languages: ["rus"])
        #expect(ranker().rank(books, for: noChristie, limit: 10).map(\.id) == [8])
    }

    @Test func seriesFollowInOrder() {
        let p = Profile(series: ["Сага о Форсайтах"])
        #expect(ranker().rank(books, for: p, limit: 5).map(\.id) == [6])
        let had = Profile(series: ["сага о форсайтах"], history: [PastLoan(candidate: books[5], issuedOrdinal: today - 20, rating: 4)])
        #expect(ranker().rank(books, for: had, limit: 5).map(\.id) == [5])
    }

    @Test func ratingsShiftTheRanking() {
        // Both Christie and Zhukov match «детективы»; the reader rated a Christie 5, so Christie first,
        // and a reader who rated her 1 gets Zhukov first.
        let liked = PastLoan(candidate: books[1], issuedOrdinal: today - 10, rating: 5)
        let disliked = PastLoan(candidate: books[1], issuedOrdinal: today - 10, rating: 1)
        let up = ranker().rank(books, for: Profile(genres: ["детективы"], forms: ["print", "large_print"], history: [liked]), limit: 5)
        #expect(up.map(\.id) == [4, 8])
        #expect(up[0].reasons.contains("rating"))
        let down = ranker().rank(books, for: Profile(genres: ["детективы"], forms: ["print", "large_print"], history: [disliked]), limit: 5)
        #expect(down.map(\.id) == [8, 4])
    }

    @Test func fillersComeAfterEveryMatchAndKeepTheHardRules() {
        let p = Profile(genres: ["Детективы"], excludedTopics: ["война"], forms: ["print", "large_print"], languages: ["rus"])
        let ranked = ranker().rank(books, for: p, limit: 10, fill: true)
        #expect(ranked.prefix(2).map(\.id) == [2, 4])
        #expect(ranked.dropFirst(2).allSatisfy { $0.reasons == ["fit"] && $0.score < 0 })
        // Nothing in English, nothing about war, one book of the saga, in a form the reader uses.
        #expect(Set(ranked.map(\.id)) == [2, 4, 1, 6])
    }

    @Test func manyInterestsWork() {
        // Polaris fails at 50 preferences; a reader here can have hundreds.
        let interests = (0..<500).map { "тема\($0)" } + ["детективы"]
        let p = Profile(subjects: interests, genres: interests, authors: interests)
        #expect(ranker().rank(books, for: p, limit: 3).map(\.id) == [2, 4, 8])
    }
}
