import Fluent
import SQLKit

/// "Is a copy of this record free at this branch?" is asked for every candidate title. Without
/// statistics SQLite answered it through the (branch, status) index, reading every copy of the
/// branch each time; this index answers it with one seek on both databases.
struct M028IndexCopyAvailability: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "copies_availability_idx").on(Copy.schema).column("bib_id").column("branch_id").column("status").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "copies_availability_idx").run()
    }
}
