import Fluent
import Vapor

/// The administrator's account management: create, edit, deactivate and reset passwords.
struct AdminUsersController {
    struct CreateForm: Content {
        var full_name: String?
        var email: String?
        var role: String?
        var branch_id: String?
        var password: String?
    }

    struct EditForm: Content {
        var full_name: String?
        var role: String?
        var branch_id: String?
        var is_active: String?
    }

    struct ResetForm: Content {
        var password: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.adminUsers.pattern, use: list)
        routes.get(SiteRoute.adminUserNew.pattern, use: newForm)
        routes.post(SiteRoute.adminUserNew.pattern, use: create)
        routes.get(SiteRoute.adminUser(SiteRoute.anyID).pattern, use: edit)
        routes.post(SiteRoute.adminUser(SiteRoute.anyID).pattern, use: update)
        routes.post(SiteRoute.adminUserPassword(SiteRoute.anyID).pattern, use: resetPassword)
        routes.post(SiteRoute.adminUserAnonymise(SiteRoute.anyID).pattern, use: anonymise)
    }

    struct AnonymiseForm: Content {
        var confirm: String?
    }

    /// Replaces a deactivated account's name and e-mail by a pseudonym, once the e-mail is typed
    /// again.
    func anonymise(req: Request) async throws -> Response {
        let user = try await find(req)
        let form = try req.content.decode(AnonymiseForm.self)
        var errors = AccountRemoval.blockers(user)
        let typed = User.normalize(email: form.confirm ?? "")
        if errors.isEmpty, typed != user.email { errors.add("confirm", typed.isEmpty ? "validation.required" : "account.confirm_mismatch") }
        if errors.isEmpty {
            let entry = AuditEntry(
                .accountAnonymise, "user", user.id, userID: try req.currentUser().id, channel: req.auditChannel, route: req.auditRoute)
            do {
                try await AccountRemoval.apply(user, today: req.today, audit: entry, on: req.db)
                return req.seeOther(.adminUsers, flash: "account.anonymised")
            } catch AppError.validation(let late) {
                errors = late
            }
        }
        return try await renderEdit(req, user, errors: errors, status: .unprocessableEntity)
    }

    /// The account's page with its stored values.
    private func renderEdit(_ req: Request, _ user: User, errors: FieldErrors, status: HTTPResponseStatus) async throws -> Response {
        let form = EditForm(
            full_name: user.fullName, role: user.role.rawValue, branch_id: user.$branch.id?.uuidString ?? "", is_active: user.isActive ? "on" : nil)
        return AdminUsersView.edit(req.page, user: user, form: form, branches: try await branches(req), errors: errors, status: status)
    }

    func list(req: Request) async throws -> Response {
        let users = try await User.query(on: req.db).with(\.$branch).sort(\.$fullName).all()
        return AdminUsersView.list(req.page, users: users)
    }

    func newForm(req: Request) async throws -> Response {
        AdminUsersView.create(req.page, form: CreateForm(role: Role.coordinator.rawValue), branches: try await branches(req), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(CreateForm.self)
        let input = AccountService.NewAccount(
            email: form.email ?? "", fullName: form.full_name ?? "", role: form.role ?? "", branchID: form.branch_id ?? "",
            password: form.password ?? ""
        )
        let errors = try await AccountService.validate(input, on: req.db)
        guard errors.isEmpty else {
            return AdminUsersView.create(req.page, form: form, branches: try await branches(req), errors: errors, status: .unprocessableEntity)
        }
        let user = try await AccountService.create(input, hasher: req.password.async, on: req.db)
        try await req.audit(.accountCreate, "user", user.id)
        return req.seeOther(.adminUsers, flash: "user.created")
    }

    func edit(req: Request) async throws -> Response {
        try await renderEdit(req, try await find(req), errors: FieldErrors(), status: .ok)
    }

    func update(req: Request) async throws -> Response {
        let user = try await find(req)
        guard user.anonymisedOn == nil else { throw AppError.conflict(Message("account.already_anonymised")) }
        let form = try req.content.decode(EditForm.self)
        let me = try req.currentUser()
        var errors = FieldErrors()
        let name = errors.text(form.full_name, "full_name", required: true, max: 200) ?? ""
        errors.merge(try await AccountService.validateRoleAndBranch(role: form.role ?? "", branchID: form.branch_id ?? "", on: req.db))
        let active = form.is_active != nil
        // An administrator cannot lock themselves out.
        if user.id == me.id && (!active || form.role != Role.admin.rawValue) { errors.add("role", "user.cannot_demote_self") }
        guard errors.isEmpty else {
            return AdminUsersView.edit(
                req.page, user: user, form: form, branches: try await branches(req), errors: errors, status: .unprocessableEntity
            )
        }
        let wasActive = user.isActive
        user.fullName = name
        user.role = Role(rawValue: form.role ?? "") ?? user.role
        user.$branch.id = UUID(uuidString: form.branch_id ?? "")
        user.isActive = active
        if wasActive && !active { (user.sessionEpoch, user.deactivatedOn) = (user.sessionEpoch + 1, req.today.iso) }
        if active { user.deactivatedOn = nil }
        let today = req.today
        let unassigned = try await req.db.transaction { db -> Int in
            try await user.save(on: db)
            guard !active else { return 0 }
            try await UserSession.query(on: db).filter(\.$user.$id == user.id!).delete()
            try await Credentials.revokeAll(userID: user.id!, on: db)
            return wasActive ? try await Self.unassignPlanned(user, from: today, by: me, on: db) : 0
        }
        try await req.audit(.accountUpdate, "user", user.id)
        var said: [(key: String, counts: [(String, Int)])] = [("user.saved", [])]
        if unassigned > 0 { said.append(("user.visits_unassigned", [("count", unassigned)])) }
        req.flash(said)
        return req.seeOther(.adminUsers)
    }

    /// A carrier who leaves leaves their planned visits to nobody's run: from today on they are
    /// unassigned (with a history entry each), for the coordinator to give to someone else.
    static func unassignPlanned(_ user: User, from today: LocalDate, by me: CurrentUser, on db: any Database) async throws -> Int {
        let visits = try await Visit.query(on: db).filter(\.$carrier.$id == user.id!).filter(\.$status == VisitStatus.planned.rawValue)
            .filter(\.$scheduledOn >= today.iso).all()
        for visit in visits {
            visit.$carrier.id = nil
            try await visit.save(on: db)
            try await VisitEvent(visitID: visit.id!, user: me, kind: "assigned", from: user.fullName, to: nil).create(on: db)
        }
        return visits.count
    }

    func resetPassword(req: Request) async throws -> Response {
        let user = try await find(req)
        guard user.anonymisedOn == nil else { throw AppError.conflict(Message("account.already_anonymised")) }
        let form = try req.content.decode(ResetForm.self)
        var errors = FieldErrors()
        if let problem = PasswordPolicy.problem(form.password ?? "") { errors.add("password", problem) }
        guard errors.isEmpty else { return try await renderEdit(req, user, errors: errors, status: .unprocessableEntity) }
        user.passwordHash = try await req.password.async.hash(form.password ?? "")
        user.sessionEpoch += 1
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == user.id!).delete()
            try await Credentials.revokeAll(userID: user.id!, on: db)
            try await LoginAttempt.query(on: db).filter(\.$email == user.email).delete()
        }
        try await req.audit(.passwordReset, "user", user.id)
        return req.seeOther(.adminUser(user.id!), flash: "user.password_reset")
    }

    private func find(_ req: Request) async throws -> User {
        guard let user = try await User.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$branch).first() else {
            throw AppError.notFound
        }
        return user
    }

    private func branches(_ req: Request) async throws -> [Branch] {
        try await Branch.query(on: req.db).sort(\.$nameRu).all()
    }
}
