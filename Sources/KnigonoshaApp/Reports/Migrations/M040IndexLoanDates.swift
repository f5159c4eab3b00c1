import Fluent
import SQLKit

/// The statistics count loans by the day they went out and came back, and visits by outcome.
struct M040IndexLoanDates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // Covering: the counts by period read the index alone.
        try await sql.create(index: "loans_issued_idx").on(Loan.schema).column("issued_on").column("bib_id").column("reader_id").run()
        try await sql.create(index: "loans_returned_idx").on(Loan.schema).column("returned_on").column("due_on").column("issued_on").run()
        try await sql.create(index: "loans_reader_issued_idx").on(Loan.schema).column("reader_id").column("issued_on").run()
        try await sql.create(index: "visits_status_day_idx").on(Visit.schema).column("status").column("scheduled_on").column("branch_id")
            .column("reader_id").column("reason").run()
        try await sql.create(index: "visits_branch_status_day_idx").on(Visit.schema).column("branch_id").column("status").column("scheduled_on")
            .column("reader_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in ["loans_issued_idx", "loans_returned_idx", "loans_reader_issued_idx", "visits_status_day_idx", "visits_branch_status_day_idx"] {
            try await sql.drop(index: name).run()
        }
    }
}
