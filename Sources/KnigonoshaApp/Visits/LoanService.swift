import Fluent
import Scheduling
import Vapor

/// Renewals, lost copies and the overdue list.
enum LoanService {
    /// A loan may be renewed this many times before the title has to come back.
    static let maxRenewals = 3

    /// The loan named by `:id`, if the account may work with its reader's branch.
    static func find(_ req: Request) async throws -> Loan {
        let user = try req.currentUser()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        guard let loan = try await Loan.query(on: req.db).filter(\.$id == id).with(\.$reader).with(\.$bib).first() else { throw AppError.notFound }
        guard user.canAccess(branchID: loan.reader.$branch.id) else { throw AppError.forbidden }
        return loan
    }

    /// Moves the due date on by the reader's rhythm (a month for readers served on request).
    /// The write names the renewals and due date it was computed from: of two staff renewing at
    /// once, one renews and the other gets a conflict, never two renewals for one click each.
    static func renew(_ loan: Loan, on db: any Database) async throws {
        guard loan.loanStatus == .onLoan else { throw AppError.conflict(Message("loan.not_on_loan")) }
        guard loan.renewals < maxRenewals else { throw AppError.conflict(Message("loan.renewals_used")) }
        guard let due = Day(iso: loan.dueOn) else { throw AppError.conflict(Message("loan.not_on_loan")) }
        let next = (Rhythm(rawValue: loan.reader.frequency) ?? .monthly).next(after: due).iso
        guard try await BusyRetry.run({ try await LoanState.renew(loan, to: next, on: db) }) else {
            throw try await changed(loan.id!, on: db)
        }
        loan.dueOn = next
        loan.renewals += 1
    }

    /// The copy did not come back: the loan ends as lost and so does the copy, both or neither.
    static func markLost(_ loan: Loan, on db: any Database) async throws {
        guard loan.loanStatus == .onLoan else { throw AppError.conflict(Message("loan.not_on_loan")) }
        let loanID = try loan.requireID()
        let copyID = loan.$copy.id
        try await BusyRetry.run {
            try await db.transaction { tx in
                guard try await LoanState.end(loanID, as: .lost, on: tx) else { throw try await changed(loanID, on: tx) }
                try await CopyState.move(copyID, from: .onLoan, to: .lost, on: tx)
            }
        }
        loan.status = LoanStatus.lost.rawValue
    }

    /// Why a conditional write to a loan found it changed: as the loan is now.
    private static func changed(_ loanID: UUID, on db: any Database) async throws -> AppError {
        guard let now = try await Loan.find(loanID, on: db) else { return AppError.notFound }
        if now.loanStatus != .onLoan { return AppError.conflict(Message("loan.not_on_loan")) }
        if now.renewals >= maxRenewals { return AppError.conflict(Message("loan.renewals_used")) }
        return AppError.conflict(Message("loan.changed"))
    }

    /// Loans of the account's branches, on loan (or only overdue ones), oldest due first.
    static func list(for user: CurrentUser, overdueOnly: Bool, today: LocalDate, on db: any Database) async throws -> [Loan] {
        var query = Loan.query(on: db).filter(\.$status == LoanStatus.onLoan.rawValue).join(Reader.self, on: \Loan.$reader.$id == \Reader.$id)
            .with(\.$reader).with(\.$bib)
        if overdueOnly { query = query.filter(\.$dueOn < today.iso) }
        if !user.isAdmin { query = query.filter(Reader.self, \.$branch.$id == (user.branchID ?? UUID())) }
        return try await query.sort(\.$dueOn).limit(1000).all()
    }
}

/// `/loans` for coordinators, and the same under `/api/v1/loans`.
struct LoansController {
    struct LoanDTO: Content {
        var id: UUID
        var reader_id: UUID
        var bib_id: Int
        var title: String
        var copy_id: UUID
        var issued_on: String
        var due_on: String
        var status: String
        var renewals: Int
        var returned_on: String?
        var rating: Int?

        init(_ l: Loan) {
            id = l.id!
            reader_id = l.$reader.id
            bib_id = l.$bib.id
            title = l.bib.title
            copy_id = l.$copy.id
            issued_on = l.issuedOn
            due_on = l.dueOn
            status = l.status
            renewals = l.renewals
            returned_on = l.returnedOn
            rating = l.rating
        }
    }

    struct LoanList: Content {
        var items: [LoanDTO]
    }

    func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteRoute.loans.pattern, use: page)
        web.post(SiteRoute.loanRenew(SiteRoute.anyID).pattern) { req async throws -> Response in
            try await LoanService.renew(try await LoanService.find(req), on: req.db)
            return req.seeOther(SiteRoute.loans.path, flash: "loans.renewed")
        }
        web.post(SiteRoute.loanLost(SiteRoute.anyID).pattern) { req async throws -> Response in
            let loan = try await LoanService.find(req)
            // Sent again after it was done (back, then resend): said so, not asked again.
            guard loan.loanStatus == .onLoan else { return req.seeOther(SiteRoute.loans.path, flash: "loans.already_closed") }
            if let ask = ConfirmStep.ask(
                req, question: req.t("loans.lost_question", ["title": loan.bib.title]), detail: req.t("loans.lost_detail"),
                confirm: req.t("loans.lost"), back: SiteRoute.loans.path)
            {
                return ask
            }
            try await LoanService.markLost(loan, on: req.db)
            return req.seeOther(SiteRoute.loans.path, flash: "loans.marked_lost")
        }
        let loans = api.grouped("loans")
        loans.get(use: list)
        loans.post(":id", "renew") { req async throws -> LoanDTO in
            let loan = try await LoanService.find(req)
            try await LoanService.renew(loan, on: req.db)
            return LoanDTO(loan)
        }
        loans.post(":id", "lost") { req async throws -> LoanDTO in
            let loan = try await LoanService.find(req)
            try await LoanService.markLost(loan, on: req.db)
            return LoanDTO(loan)
        }
    }

    func page(req: Request) async throws -> Response {
        // «overdue» is the one filter; anything else is named as not read, and all loans shown.
        let overdue = req.queryValue("status", labelKey: "visits.status") { $0 == "overdue" ? true : nil } ?? false
        let loans = try await LoanService.list(for: try req.currentUser(), overdueOnly: overdue, today: req.today, on: req.db)
        try await req.audit(.list, "loan")
        return LoansView.page(req.page, loans: loans, overdueOnly: overdue, today: req.today)
    }

    func list(req: Request) async throws -> LoanList {
        let status = req.query[String.self, at: "status"]
        guard status == nil || status == "overdue" || status == "on_loan" else {
            var e = FieldErrors()
            e.add("status", "validation.choice")
            throw AppError.validation(e)
        }
        let loans = try await LoanService.list(for: try req.currentUser(), overdueOnly: status == "overdue", today: req.today, on: req.db)
        try await req.audit(.list, "loan")
        return LoanList(items: loans.map(LoanDTO.init))
    }
}
