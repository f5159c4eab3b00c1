import Fluent
import SQLKit

struct M027IndexVisits: AsyncMigration {
    static let indexes: [(String, String, [String])] = [
        ("visits_day_branch_idx", Visit.schema, ["scheduled_on", "branch_id"]),
        ("visits_reader_idx", Visit.schema, ["reader_id", "scheduled_on"]),
        ("visits_carrier_idx", Visit.schema, ["carrier_id", "scheduled_on"]),
        ("visit_items_visit_idx", VisitItem.schema, ["visit_id"]),
        ("visit_items_bib_idx", VisitItem.schema, ["bib_id"]),
        ("loans_reader_idx", Loan.schema, ["reader_id", "status"]),
        ("loans_bib_idx", Loan.schema, ["bib_id"]),
        ("loans_due_idx", Loan.schema, ["status", "due_on"]),
        ("visit_events_visit_idx", VisitEvent.schema, ["visit_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (name, table, columns) in Self.indexes {
            var index = sql.create(index: name).on(table)
            for c in columns { index = index.column(c) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (name, _, _) in Self.indexes { try await sql.drop(index: name).run() }
    }
}
