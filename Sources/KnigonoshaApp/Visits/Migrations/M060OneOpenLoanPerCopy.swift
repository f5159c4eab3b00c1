import Fluent
import SQLKit

/// One open loan per copy (issue 13, §3). The code checks a copy's status before it issues a
/// loan; this partial unique index makes the database refuse a second open loan of a copy
/// whatever got past the checks. Returned and lost loans stay out of it: a copy is lent many
/// times over the years.
struct M060OneOpenLoanPerCopy: AsyncMigration {
    static let index = "loans_one_open_per_copy_idx"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let onLoan = SQLBinaryExpression(left: SQLColumn("status"), op: SQLBinaryOperator.equal, right: SQLLiteral.string(LoanStatus.onLoan.rawValue))
        // A database that already holds such pairs cannot take the index: say so, and change
        // nothing, rather than choose which loan to end.
        let twice = try await sql.select().column("copy_id").from(Loan.schema).where(onLoan).groupBy("copy_id")
            .having(SQLFunction("COUNT", args: SQLLiteral.all), .greaterThan, SQLLiteral.numeric("1")).all()
        guard twice.isEmpty else { throw MigrationRefusal(copies: twice.count) }
        // Index predicates cannot take bound parameters on PostgreSQL; the one value in it is the
        // code's own constant, written as an escaped literal.
        let create = sql.create(index: Self.index).unique().on(Loan.schema).column("copy_id")
        create.createIndex.predicate = onLoan
        try await create.run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: Self.index).run()
    }

    struct MigrationRefusal: Error, CustomStringConvertible {
        let copies: Int
        var description: String {
            "\(copies) copies have more than one loan on loan; end the extra loans (status returned or lost), then migrate again"
        }
    }
}
