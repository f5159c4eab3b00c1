import Fluent
import SQLKit
import Selection
import Vapor

/// Loads only the columns the ranker reads, straight from rows: decoding whole `BibRecord` models
/// (with the original MARC record in each) was most of the time of a reader's suggestions.
enum CandidateRows {
    static let columns = "b.id, b.title, b.contributors, b.subjects, b.genres, b.series, b.series_number, b.languages, b.form"

    static func candidates(ids: [Int], on db: any Database) async throws -> [Candidate] {
        let sql = try db.sql
        var out: [Candidate] = []
        out.reserveCapacity(ids.count)
        for chunk in ids.chunked(500) {
            var q: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM bib_records b WHERE b.id IN ("
            for (i, id) in chunk.enumerated() {
                if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
                q.appendInterpolation(bind: id)
            }
            q.appendInterpolation(unsafeRaw: ")")
            for row in try await sql.raw(q).all() { out.append(try candidate(row)) }
        }
        return out
    }

    /// How far back the reader's ratings and words count: tastes move, and reading three years of
    /// loans with their records was a quarter of a batch's time.
    static let tasteDays = 365

    /// Everything the reader had, with the issue date and the rating given on return. Loans of
    /// the last `tasteDays` come with the title's words when rated (for the reader's tastes) and
    /// its series; older ones with their id and date only (enough never to send them again), their
    /// series being looked up only for the series among the candidates (`olderSeries`).
    static func history(readerID: UUID, today: LocalDate, on db: any Database) async throws -> [PastLoan] {
        let sql = try db.sql
        let since = today.adding(days: -tasteDays).iso
        let older = try await sql.raw(
            "SELECT l.bib_id, l.issued_on FROM loans l WHERE l.reader_id = \(bind: readerID) AND l.issued_on < \(bind: since)"
        ).all()
        // What the library system says the reader read before this service (issue 14, §3):
        // never re-sent, like an old loan here.
        let before = try await sql.select().column("bib_id").column(SQLIdentifier("read_on"), as: "issued_on").from(ReadingHistory.schema)
            .where("reader_id", .equal, readerID).all()
        let rows = try await sql.raw(
            """
            SELECT b.id, b.series, b.series_number, b.languages, b.form, l.issued_on, l.rating, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.title END AS title, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.contributors END AS contributors, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.subjects END AS subjects, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.genres END AS genres \
            FROM loans l JOIN bib_records b ON b.id = l.bib_id WHERE l.reader_id = \(bind: readerID) AND l.issued_on >= \(bind: since)
            """
        ).all()
        func day(_ row: any SQLRow) throws -> Int { LocalDate(try row.decode(column: "issued_on", as: String.self))?.schedulingDay.ordinal ?? 0 }
        return try rows.map { row in
            PastLoan(candidate: try candidate(row), issuedOrdinal: try day(row), rating: try row.decode(column: "rating", as: Int?.self))
        }
            + (older + before).map { row in
                PastLoan(
                    candidate: Candidate(id: try row.decode(column: "bib_id", as: Int.self), title: ""), issuedOrdinal: try day(row), rating: nil)
            }
    }

    /// Fills in the series of older loans that belong to one of `series`.
    static func olderSeries(_ history: [PastLoan], series: Set<String>, on db: any Database) async throws -> [PastLoan] {
        let bare = history.filter { $0.candidate.title.isEmpty && $0.candidate.series == nil }.map(\.candidate.id)
        guard !series.isEmpty, !bare.isEmpty else { return history }
        let sql = try db.sql
        var found: [Int: (String, String?)] = [:]
        for chunk in bare.chunked(500) {
            let rows = try await sql.select().columns("id", "series", "series_number").from(BibRecord.schema)
                .where("series", .in, Array(series)).where("id", .in, Array(chunk)).all()
            for row in rows {
                found[try row.decode(column: "id", as: Int.self)] = (
                    try row.decode(column: "series", as: String.self), try row.decode(column: "series_number", as: String?.self)
                )
            }
        }
        guard !found.isEmpty else { return history }
        return history.map { loan in
            guard let (s, n) = found[loan.candidate.id] else { return loan }
            var l = loan
            l.candidate.series = s
            l.candidate.seriesNumber = n.flatMap { Int($0.prefix { $0.isNumber }) }
            return l
        }
    }

    static func candidate(_ row: any SQLRow) throws -> Candidate {
        let contributors = try row.decode(column: "contributors", as: String.self)
        let number = try row.decode(column: "series_number", as: String?.self)
        return Candidate(
            id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
            authors: contributors.split(separator: "\n").map { String($0.split(separator: "|", maxSplits: 1).first ?? "") },
            subjects: try row.decode(column: "subjects", as: String.self).split(separator: "\n").map(String.init),
            genres: try row.decode(column: "genres", as: String.self).split(separator: "\n").map(String.init),
            series: try row.decode(column: "series", as: String?.self), seriesNumber: number.flatMap { Int($0.prefix { $0.isNumber }) },
            languages: try row.decode(column: "languages", as: String.self).split(separator: " ").map(String.init),
            form: try row.decode(column: "form", as: String.self))
    }
}
