import Fluent
import SQLKit

/// Selection looks up which of a reader's older loans belong to a candidate's series, by series:
/// this index answers it without reading the records.
struct M031IndexSeries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "bib_records_series_idx").on(BibRecord.schema).column("series").column("series_number").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "bib_records_series_idx").run()
    }
}
