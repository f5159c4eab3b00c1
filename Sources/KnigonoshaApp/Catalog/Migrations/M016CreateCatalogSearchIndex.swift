import Fluent
import SQLKit

/// The full-text index. The texts are analysed (folded and stemmed) in Swift, so both databases
/// index the same terms: SQLite keeps them in an FTS5 table whose row id is the record id;
/// PostgreSQL keeps a weighted `tsvector` column with a GIN index. The statements are fixed text
/// with no input in them.
struct M016CreateCatalogSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE bib_fts USING fts5(title, authors, subjects, series, summary, \
                tokenize = 'unicode61 remove_diacritics 0', prefix = '3', detail = column)
                """
            ).run()
        } else {
            try await sql.raw("ALTER TABLE bib_records ADD COLUMN search_vector tsvector").run()
            try await sql.raw("CREATE INDEX bib_records_search_idx ON bib_records USING GIN (search_vector)").run()
        }
        try await sql.create(index: "copies_bib_idx").on(Copy.schema).column("bib_id").run()
        try await sql.create(index: "copies_branch_status_idx").on(Copy.schema).column("branch_id").column("status").run()
        try await sql.create(index: "bib_records_title_idx").on(BibRecord.schema).column("title").run()
        try await sql.create(index: "import_issues_job_idx").on(ImportIssue.schema).column("job_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TABLE bib_fts").run()
        } else {
            try await sql.raw("DROP INDEX bib_records_search_idx").run()
            try await sql.raw("ALTER TABLE bib_records DROP COLUMN search_vector").run()
        }
        for name in ["copies_bib_idx", "copies_branch_status_idx", "bib_records_title_idx", "import_issues_job_idx"] {
            try await sql.drop(index: name).run()
        }
    }
}
