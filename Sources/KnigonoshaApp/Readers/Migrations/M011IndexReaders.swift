import Fluent
import SQLKit

/// Indexes for the list filters and the tag joins.
struct M011IndexReaders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "readers_branch_status_idx").on(Reader.schema).column("branch_id").column("status").run()
        try await sql.create(index: "reader_tags_reader_idx").on(ReaderTag.schema).column("reader_id").run()
        try await sql.create(index: "reader_tags_kind_value_idx").on(ReaderTag.schema).column("kind").column("value").run()
        try await sql.create(index: "reader_phones_reader_idx").on(ReaderPhone.schema).column("reader_id").run()
        try await sql.create(index: "reader_changes_reader_idx").on(ReaderChange.schema).column("reader_id").run()
        try await sql.create(index: "user_sessions_user_idx").on(UserSession.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in [
            "readers_branch_status_idx", "reader_tags_reader_idx", "reader_tags_kind_value_idx",
            "reader_phones_reader_idx", "reader_changes_reader_idx", "user_sessions_user_idx",
        ] {
            try await sql.drop(index: name).run()
        }
    }
}
