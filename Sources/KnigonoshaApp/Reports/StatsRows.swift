import Fluent
import SQLKit
import Vapor

/// The rows behind the delivery figures. The figures and their drill-down lists are built from
/// the same conditions here, so a list always has as many rows as its figure says.
enum StatsRows {
    /// The material forms counted, in the catalogue's order.
    static let formCodes = ["print", "large_print", "audiobook", "daisy", "braille", "ebook", "periodical"]

    enum LoanKind: String, CaseIterable, Sendable {
        case issued, returned, overdue
    }

    /// A reader served in the period: one with at least one visit done.
    struct ServedReader: Sendable {
        var id: UUID
        var name: String
        var cardNumber: String
        var disability: String
        var age: AgeBand
        var isNew: Bool
    }

    /// Visits scheduled in the scope's period, at its branch. Appends the conditions to `q`.
    static func visitsIn(_ scope: StatsScope, into q: inout SQLQueryString) {
        q.appendInterpolation(unsafeRaw: "v.scheduled_on >= ")
        q.appendInterpolation(bind: scope.from.iso)
        q.appendInterpolation(unsafeRaw: " AND v.scheduled_on <= ")
        q.appendInterpolation(bind: scope.to.iso)
        if let branch = scope.branchID {
            q.appendInterpolation(unsafeRaw: " AND v.branch_id = ")
            q.appendInterpolation(bind: branch)
        }
    }

    /// Loans of one kind in the scope, at the reader's branch: issued or returned in the period,
    /// or overdue on its last day (due before that day and not back by it, lost ones aside).
    /// Appends the WHERE clause. Overdue loans come in two halves, each with its own index (one
    /// condition with OR was read through the wrong one): `half` 0 is still out, 1 came back
    /// after the day. The branch is a list of its readers, so that loans are found through
    /// `(reader_id, issued_on)` rather than by joining every loan of the period.
    static func loansIn(_ scope: StatsScope, _ kind: LoanKind, today: LocalDate, half: Int = 0, into q: inout SQLQueryString) {
        switch kind {
        case .issued, .returned:
            let column = kind == .issued ? "l.issued_on" : "l.returned_on"
            q.appendInterpolation(unsafeRaw: " WHERE \(column) >= ")
            q.appendInterpolation(bind: scope.from.iso)
            q.appendInterpolation(unsafeRaw: " AND \(column) <= ")
            q.appendInterpolation(bind: scope.to.iso)
        case .overdue:
            let day = scope.asOf(today: today).iso
            if half == 0 {
                q.appendInterpolation(unsafeRaw: " WHERE l.status = ")
                q.appendInterpolation(bind: LoanStatus.onLoan.rawValue)
                q.appendInterpolation(unsafeRaw: " AND l.returned_on IS NULL")
            } else {
                q.appendInterpolation(unsafeRaw: " WHERE l.returned_on > ")
                q.appendInterpolation(bind: day)
            }
            q.appendInterpolation(unsafeRaw: " AND l.due_on < ")
            q.appendInterpolation(bind: day)
            q.appendInterpolation(unsafeRaw: " AND l.issued_on <= ")
            q.appendInterpolation(bind: day)
        }
        if let branch = scope.branchID {
            q.appendInterpolation(unsafeRaw: " AND l.reader_id IN (SELECT lr.id FROM readers lr WHERE lr.branch_id = ")
            q.appendInterpolation(bind: branch)
            q.appendInterpolation(unsafeRaw: ")")
        }
    }

    /// The halves a kind of loan is read in.
    static func halves(_ kind: LoanKind) -> [Int] { kind == .overdue ? [0, 1] : [0] }

    static func countLoans(_ scope: StatsScope, _ kind: LoanKind, today: LocalDate, on sql: any SQLDatabase) async throws -> Int {
        var total = 0
        for half in halves(kind) {
            var q: SQLQueryString = "SELECT COUNT(*) AS n FROM loans l"
            loansIn(scope, kind, today: today, half: half, into: &q)
            total += try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return total
    }

    /// Every reader with a visit done in the scope, by name.
    static func servedReaders(_ scope: StatsScope, on sql: any SQLDatabase) async throws -> [ServedReader] {
        var q: SQLQueryString = """
            SELECT r.id, r.family_name, r.given_name, r.card_number, r.birth_date, r.disability_group, r.registered_on \
            FROM readers r WHERE r.id IN (SELECT v.reader_id FROM visits v WHERE v.status = \(bind: VisitStatus.done.rawValue) AND 
            """
        visitsIn(scope, into: &q)
        q.appendInterpolation(unsafeRaw: ") ORDER BY r.family_name, r.given_name, r.card_number")
        return try await sql.raw(q).all().map { row in
            let registered = try row.decode(column: "registered_on", as: String.self)
            return ServedReader(
                id: try row.decode(column: "id", as: UUID.self),
                name: try row.decode(column: "family_name", as: String.self) + " " + row.decode(column: "given_name", as: String.self),
                cardNumber: try row.decode(column: "card_number", as: String.self),
                disability: try row.decode(column: "disability_group", as: String.self),
                age: AgeBand(birthDate: try row.decode(column: "birth_date", as: String?.self), on: scope.to),
                isNew: registered >= scope.from.iso && registered <= scope.to.iso)
        }
    }
}
