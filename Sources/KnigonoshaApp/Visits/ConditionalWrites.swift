import Fluent
import SQLKit
import Vapor

// Status changes that must find a row in the state it was read in. Each is one conditional
// `UPDATE … WHERE status = … RETURNING id`, never a read and then a save: on PostgreSQL (read
// committed) two staff can both read the old state, but the second UPDATE waits for the first,
// then finds the row changed and updates nothing. Of two writers exactly one moves the row; the
// other gets a conflict and its transaction rolls back. Reservations work the same way
// (`SelectionService.take`).

extension Database {
    /// Both our drivers speak SQL; the conditional writes below need it.
    func sqlDatabase() throws -> any SQLDatabase {
        let sql = try self.sql
        return sql
    }
}

/// Copy status changes that must find the copy in the expected state.
enum CopyState {
    static func move(_ copyID: UUID, from: CopyStatus, to: CopyStatus, on db: any Database) async throws {
        let moved = try await db.sqlDatabase().update(Copy.schema).set("status", to: to.rawValue).set("updated_at", to: Date())
            .where("id", .equal, copyID).where("status", .equal, from.rawValue).returning("id").all()
        guard moved.isEmpty else { return }
        guard try await Copy.find(copyID, on: db) != nil else { throw AppError.notFound }
        throw AppError.conflict(Message("copy.wrong_state"))
    }
}

/// Visit status changes that must find the visit still open.
enum VisitState {
    static let open = [VisitStatus.planned.rawValue, VisitStatus.inProgress.rawValue]

    /// Moves the visit from `from` to `to`; false when its status is no longer `from`.
    static func move(_ visitID: UUID, from: VisitStatus, to: VisitStatus, on db: any Database) async throws -> Bool {
        let moved = try await db.sqlDatabase().update(Visit.schema).set("status", to: to.rawValue).set("updated_at", to: Date())
            .where("id", .equal, visitID).where("status", .equal, from.rawValue).returning("id").all()
        return !moved.isEmpty
    }

    /// Gives an open visit its outcome status and returns the status it had. A visit closed by
    /// another request first is a conflict; one only started meanwhile (planned to in progress)
    /// is still open, so the move is tried again from there.
    static func close(_ visit: Visit, to: VisitStatus, on db: any Database) async throws -> VisitStatus {
        var current = visit.visitStatus
        for _ in 0..<3 {
            guard current.isOpen else { throw AppError.conflict(Message(current == .cancelled ? "visit.is_cancelled" : "visit.already_recorded")) }
            if try await move(visit.id!, from: current, to: to, on: db) { return current }
            guard let now = try await Visit.find(visit.id, on: db) else { throw AppError.notFound }
            current = now.visitStatus
        }
        throw AppError.conflict(Message("visit.already_recorded"))
    }

    /// The visits of `ids` that are still open, each held until the transaction ends: a write
    /// that changes nothing takes the row lock on PostgreSQL (the write lock on SQLite), so an
    /// outcome recorded meanwhile waits for this transaction instead of closing the visit under
    /// it, and one recorded first is seen here.
    static func holdOpen(_ ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        let sql = try db.sqlDatabase()
        var held = Set<UUID>()
        for chunk in ids.chunked(1000) {
            for row in try await sql.update(Visit.schema).set(SQLColumn("status"), to: SQLColumn("status"))
                .where("id", .in, Array(chunk)).where("status", .in, open).returning("id").all()
            {
                held.insert(try row.decode(column: "id", as: UUID.self))
            }
        }
        return held
    }

    /// Throws the conflict a closed visit gets unless `visitID` is open and now held.
    static func holdOpen(_ visitID: UUID, on db: any Database) async throws {
        guard try await holdOpen([visitID], on: db).contains(visitID) else {
            guard try await Visit.find(visitID, on: db) != nil else { throw AppError.notFound }
            throw AppError.conflict(Message("visit.not_open"))
        }
    }
}

/// Loan changes that must find the loan as it was read.
enum LoanState {
    /// Issues a loan. The index of M060 allows one open loan per copy; a second one is refused
    /// by the database whatever the code before it checked.
    static func create(_ loan: Loan, on db: any Database) async throws {
        do {
            try await loan.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError.conflict(Message("copy.already_on_loan"))
        }
    }

    /// Renews the loan if it is still on loan with the renewals and due date it was read with.
    static func renew(_ loan: Loan, to due: String, on db: any Database) async throws -> Bool {
        let won = try await db.sqlDatabase().update(Loan.schema).set("due_on", to: due).set("renewals", to: loan.renewals + 1)
            .where("id", .equal, loan.id!).where("status", .equal, LoanStatus.onLoan.rawValue)
            .where("renewals", .equal, loan.renewals).where("due_on", .equal, loan.dueOn).returning("id").all()
        return !won.isEmpty
    }

    /// Ends an open loan as returned (with what the reader said) or lost; false when it is no
    /// longer on loan.
    static func end(
        _ loanID: UUID, as status: LoanStatus, returnedOn: String? = nil, visitID: UUID? = nil, rating: Int? = nil, comment: String? = nil,
        on db: any Database
    ) async throws -> Bool {
        let update = try db.sqlDatabase().update(Loan.schema).set("status", to: status.rawValue)
        if status == .returned {
            update.set("returned_on", to: SQLBind(returnedOn)).set("return_visit_id", to: SQLBind(visitID)).set("rating", to: SQLBind(rating))
                .set("comment", to: SQLBind(comment))
        }
        let won = try await update.where("id", .equal, loanID).where("status", .equal, LoanStatus.onLoan.rawValue).returning("id").all()
        return !won.isEmpty
    }
}
