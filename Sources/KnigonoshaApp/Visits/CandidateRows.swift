import Fluent
import SQLKit
import Selection
import Vapor

/// Loads only the columns the ranker reads, straight from rows: decoding whole `BibRecord` models
/// (with the original MARC record in each) was most of the time of a reader's suggestions.
enum CandidateRows {
    static let columns = "b.id, b.title, b.contributors, b.subjects, b.genres, b.series, b.series_number, b.languages, b.form"

    static func candidates(ids: [Int], on db: any Database) async throws -> [Candidate] {
        guard let sql = db as? any SQLDatabase else { return [] }
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

    /// Everything the reader had, with the issue date and the rating given on return. Only a
    /// rated title (for the reader's tastes) or one of a series (to follow it in order) needs its
    /// words; the others come with their id and series alone, which saves most of the reading.
    static func history(readerID: UUID, on db: any Database) async throws -> [PastLoan] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw(
            """
            SELECT b.id, b.series, b.series_number, b.languages, b.form, l.issued_on, l.rating, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.title END AS title, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.contributors END AS contributors, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.subjects END AS subjects, \
            CASE WHEN l.rating IS NULL THEN '' ELSE b.genres END AS genres \
            FROM loans l JOIN bib_records b ON b.id = l.bib_id WHERE l.reader_id = \(bind: readerID)
            """
        ).all()
        return try rows.map { row in
            PastLoan(
                candidate: try candidate(row),
                issuedOrdinal: LocalDate(try row.decode(column: "issued_on", as: String.self))?.schedulingDay.ordinal ?? 0,
                rating: try row.decode(column: "rating", as: Int?.self))
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
