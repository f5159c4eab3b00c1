import FluentKit
import SQLKit

/// The PostgreSQL half of a catalogue batch (issue 17, §1). The batch is staged in a temporary
/// table with one `COPY`; then one `UPDATE … FROM` rewrites the records already here and one
/// `INSERT … SELECT` adds the others, computing the weighted search vector inside PostgreSQL. Before,
/// each record already here was an UPDATE of its own, and new ones went in statements of 58,000
/// binds: 7,900 records/s, a third of SQLite's rate.
enum PostgresBibBulk {
    static let stage = "kn_bib_stage"
    /// The stored columns without the two timestamps, which PostgreSQL's `now()` fills.
    static let stored = Array(BatchWriter.columns.dropFirst(2))
    static let indexColumns = ["i_title", "i_authors", "i_subjects", "i_series", "i_summary"]

    /// Writes `records` (already split: `existing` maps the match keys of those already stored to
    /// their ids) and returns the ids of the new ones by match key.
    static func write(_ records: [PreparedRecord], existing: [String: Int], on db: any Database) async throws -> [String: Int] {
        let sql = try db.sql
        let create = sql.create(table: stage).temporary().column("n", type: .int).column("fresh", type: .int)
        for column in stored { create.column(column, type: column == "year" ? .int : column == "marc" ? .blob : .text) }
        for column in indexColumns { create.column(column, type: .text) }
        try await create.run()
        try await PostgresCopy.copy(rows(records, existing: existing), into: stage, columns: ["n", "fresh"] + stored + indexColumns, on: db)
        if !existing.isEmpty {
            var update = SQLUpdateFrom(table: BibRecord.schema, source: stage, key: "match_key", columns: stored.filter { $0 != "match_key" })
            update.computed = [("updated_at", SQLFunction("now")), ("search_vector", vector)]
            try await sql.execute(sql: update) { _ in }
        }
        var ids: [String: Int] = [:]
        if existing.count < records.count {
            let rows = try await sql.insert(into: BibRecord.schema).columns(BatchWriter.columns + ["search_vector"])
                .select {
                    $0.columns([SQLFunction("now"), SQLFunction("now")] + stored.map { SQLColumn($0) } + [vector])
                        .from(stage).where("fresh", .equal, 1).orderBy("n")
                }
                .returning("id", "match_key").all()
            for row in rows { ids[try row.decode(column: "match_key", as: String.self)] = try row.decode(column: "id", as: Int.self) }
        }
        try await sql.drop(table: stage).run()
        return ids
    }

    private static func rows(_ records: [PreparedRecord], existing: [String: Int]) -> CopyRows {
        var rows = CopyRows(capacity: records.reduce(0) { $0 + $1.marc.count * 2 + 1024 })
        for (n, r) in records.enumerated() {
            let b = r.bib
            rows.add(n)
            rows.add(existing[r.matchKey] == nil ? 1 : 0)
            rows.add(r.matchKey)
            rows.add(b.flavor.rawValue)
            rows.add(b.title)
            rows.add(b.subtitle)
            rows.add(PreparedRecord.contributorsText(b))
            rows.add(b.edition)
            rows.add(b.year)
            rows.add(b.publisher)
            rows.add(b.place)
            rows.add(b.isbns.joined(separator: " "))
            rows.add(b.issns.joined(separator: " "))
            rows.add(PreparedRecord.languagesText(b))
            rows.add(b.subjects.joined(separator: "\n"))
            rows.add(b.genres.joined(separator: "\n"))
            rows.add(b.series)
            rows.add(b.seriesNumber)
            rows.add(b.physical)
            rows.add(b.summary)
            rows.add(b.audience)
            rows.add(b.form.rawValue)
            rows.add(bytes: r.marc)
            for text in [r.index.title, r.index.authors, r.index.subjects, r.index.series, r.index.summary] { rows.add(text) }
            rows.endRow()
        }
        return rows
    }

    /// Title and authors weigh most, then subjects and series, then the summary (the ranking in
    /// `CatalogSearch` reads these weights).
    private static let vector: any SQLExpression = {
        let parts = zip(indexColumns, ["A", "A", "B", "B", "C"]).map { column, weight -> any SQLExpression in
            SQLFunction(
                "setweight", args: SQLFunction("to_tsvector", args: SQLLiteral.string("simple"), SQLColumn(column, table: stage)),
                SQLLiteral.string(weight))
        }
        // SQLKit leaves `||` unimplemented for its dialects; the operator is a fixed token.
        return parts.dropFirst().reduce(parts[0]) { SQLBinaryExpression(left: $0, op: SQLRaw("||"), right: $1) }
    }()
}
