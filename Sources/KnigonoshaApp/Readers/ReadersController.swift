import Fluent
import Vapor

/// The reader registry's pages: list, record, create and edit.
struct ReadersController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.readers.pattern, use: list)
        routes.post(SiteRoute.readers.pattern, use: create)
        routes.get(SiteRoute.readerNew.pattern, use: newForm)
        routes.get(SiteRoute.reader(SiteRoute.anyID).pattern, use: show)
        routes.get(SiteRoute.readerEdit(SiteRoute.anyID).pattern, use: editForm)
        routes.post(SiteRoute.readerEdit(SiteRoute.anyID).pattern, use: update)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.currentUser()
        var query = (try? req.query.decode(ReaderQuery.self)) ?? ReaderQuery()
        // The page forgives bad filter values by dropping them; the API reports them.
        for item in query.problems().items {
            switch item.field {
            case "branch": query.branch = nil
            case "status": query.status = nil
            case "disability": query.disability = nil
            case "format": query.format = nil
            case "language": query.language = nil
            case "sort": query.sort = nil
            case "page": query.page = nil
            default: query.per_page = nil
            }
        }
        let (readers, total) = try await query.run(for: user, on: req.db)
        try await req.audit(.list, "reader")
        let branches = try await visibleBranches(req, user)
        return ReaderListView.render(req.page, query: query, readers: readers, total: total, branches: branches)
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = ReaderForm(defaultsFor: user, today: today(req))
        return ReaderFormView.render(req.page, reader: nil, form: form, branches: try await visibleBranches(req, user), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(ReaderForm.self)
        let (payload, parseErrors) = form.payload()
        let validator = ReaderValidator(user: user, today: today(req), db: req.db, readerID: nil)
        var (record, errors) = try await validator.validate(payload)
        errors.merge(parseErrors)
        if let record, errors.isEmpty {
            do {
                let reader = try await ReaderStore.create(record, by: user, on: req.db)
                try await req.audit(.create, "reader", reader.id)
                return req.seeOther(.reader(reader.id!), flash: "reader.created")
            } catch AppError.validation(let saveErrors) {
                errors = saveErrors
            }
        }
        return ReaderFormView.render(
            req.page, reader: nil, form: form, branches: try await visibleBranches(req, user), errors: errors, status: .unprocessableEntity
        )
    }

    func show(req: Request) async throws -> Response {
        let (reader, _) = try await load(req)
        let changes = try await ReaderChange.query(on: req.db).filter(\.$reader.$id == reader.id!).with(\.$user)
            .sort(\.$changedAt, .descending).sort(\.$field).limit(500).all()
        try await req.audit(.view, "reader", reader.id)
        let branches = try await Branch.query(on: req.db).all()
        let names = Dictionary(branches.map { ($0.id!.uuidString, $0.name(req.lang)) }) { a, _ in a }
        return ReaderShowView.render(req.page, reader: reader, record: ReaderStore.record(of: reader), changes: changes, branchNames: names)
    }

    func editForm(req: Request) async throws -> Response {
        let (reader, user) = try await load(req)
        let form = ReaderForm(ReaderStore.record(of: reader))
        try await req.audit(.view, "reader", reader.id)
        return ReaderFormView.render(req.page, reader: reader, form: form, branches: try await visibleBranches(req, user), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let (reader, user) = try await load(req)
        let form = try req.content.decode(ReaderForm.self)
        let (payload, parseErrors) = form.payload()
        let validator = ReaderValidator(user: user, today: today(req), db: req.db, readerID: reader.id)
        var (record, errors) = try await validator.validate(payload)
        errors.merge(parseErrors)
        if var record, errors.isEmpty {
            let old = ReaderStore.record(of: reader)
            record.created_at = old.created_at
            do {
                try await ReaderStore.update(reader, from: old, to: record, by: user, on: req.db)
                try await req.audit(.update, "reader", reader.id)
                return req.seeOther(.reader(reader.id!), flash: "reader.saved")
            } catch AppError.validation(let saveErrors) {
                errors = saveErrors
            }
        }
        return ReaderFormView.render(
            req.page, reader: reader, form: form, branches: try await visibleBranches(req, user), errors: errors, status: .unprocessableEntity
        )
    }

    /// Loads the reader of the `:id` parameter, checking the branch on the server.
    private func load(_ req: Request) async throws -> (Reader, CurrentUser) {
        let user = try req.currentUser()
        guard let reader = try await ReaderStore.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        guard user.canAccess(branchID: reader.$branch.id) else { throw AppError.forbidden }
        return (reader, user)
    }

    private func visibleBranches(_ req: Request, _ user: CurrentUser) async throws -> [Branch] {
        let query = Branch.query(on: req.db).sort(\.$nameRu)
        if !user.isAdmin { query.filter(\.$id == (user.branchID ?? SiteRoute.anyID)) }
        return try await query.all()
    }

    private func today(_ req: Request) -> LocalDate { LocalDate.today(in: req.application.config.timeZone) }
}
