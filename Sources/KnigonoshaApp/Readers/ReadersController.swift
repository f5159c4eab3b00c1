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
        var (query, unreadable) = req.pageQuery(ReaderQuery.self, empty: ReaderQuery())
        // The page drops bad filter values and says which (the API refuses them).
        req.noteIgnored(fields: unreadable + query.problems().items.map(\.field), labels: ReaderQuery.labelKeys)
        query.dropProblems()
        let (readers, total) = try await query.run(for: user, tags: false, on: req.db)
        try await req.audit(.list, "reader")
        let branches = try await Self.visibleBranches(req, user)
        return ReaderListView.render(req.page, query: query, readers: readers, total: total, branches: branches)
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = ReaderForm(defaultsFor: user, today: req.today)
        return ReaderFormView.render(
            req.page, reader: nil, form: form, branches: try await Self.visibleBranches(req, user), genres: try await GenreList.load(on: req.db),
            carriers: try await Self.visibleCarriers(req, user),
            errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(ReaderForm.self)
        let (payload, parseErrors) = form.payload()
        let validator = ReaderValidator(user: user, today: req.today, db: req.db, readerID: nil)
        var (record, errors) = try await validator.validate(payload)
        errors.merge(parseErrors)
        if let record, errors.isEmpty {
            do {
                let reader = try await ReaderStore.create(record, by: user, today: req.today, on: req.db)
                try await req.audit(.create, "reader", reader.id)
                return req.seeOther(.reader(reader.id!), flash: "reader.created")
            } catch AppError.validation(let saveErrors) {
                errors = saveErrors
            }
        }
        return ReaderFormView.render(
            req.page, reader: nil, form: form, branches: try await Self.visibleBranches(req, user), genres: try await GenreList.load(on: req.db),
            carriers: try await Self.visibleCarriers(req, user),
            errors: errors, status: .unprocessableEntity
        )
    }

    func show(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        return try await Self.page(req, reader)
    }

    /// The reader's page; after a refused next-visit date, with what was typed and its error.
    static func page(_ req: Request, _ reader: Reader, nextVisit: (value: String, errors: FieldErrors)? = nil) async throws -> Response {
        let changes = try await ReaderChange.query(on: req.db).filter(\.$reader.$id == reader.id!).with(\.$user)
            .sort(\.$changedAt, .descending).sort(\.$field).limit(500).all()
        try await req.audit(.view, "reader", reader.id)
        let names = try await HistoryValue.names(req.lang, on: req.db)
        let service = try await ReaderService.load(readerID: reader.id!, on: req.db)
        // Administrators see who opened the record (this view included): the right to know who saw one's data.
        let openedBy =
            try req.currentUser().isAdmin
            ? try await AuditEntry.query(on: req.db).filter(\.$entity == "reader").filter(\.$entityID == reader.id!).with(\.$user)
                .sort(\.$at, .descending).limit(20).all() : nil
        // The card says whether each consent holds today: one with an end lapses by itself, while
        // the stored flag only says it was not withdrawn (issue 16, §3).
        let record = try await ConsentsInForce.record(reader, on: req.today, db: req.db)
        return ReaderShowView.render(
            req.page, reader: reader, record: record, changes: changes, branchNames: names, serviceHistory: service,
            nextVisit: nextVisit, httpStatus: nextVisit == nil ? .ok : .unprocessableEntity, genres: try await GenreList.load(on: req.db),
            openedBy: openedBy, carrier: try await User.query(on: req.db).filter(\.$id == (reader.carrierID ?? SiteRoute.anyID)).first())
    }

    func editForm(req: Request) async throws -> Response {
        let (reader, user) = try await req.loadReader()
        try reader.requireNotRemoved()
        let form = ReaderForm(ReaderStore.record(of: reader))
        try await req.audit(.view, "reader", reader.id)
        return ReaderFormView.render(
            req.page, reader: reader, form: form, branches: try await Self.visibleBranches(req, user), genres: try await GenreList.load(on: req.db),
            carriers: try await Self.visibleCarriers(req, user, keep: reader.carrierID),
            errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let (reader, user) = try await req.loadReader()
        try reader.requireNotRemoved()
        let form = try req.content.decode(ReaderForm.self)
        let (payload, parseErrors) = form.payload()
        let validator = ReaderValidator(user: user, today: req.today, db: req.db, readerID: reader.id)
        var (record, errors) = try await validator.validate(payload)
        errors.merge(parseErrors)
        if var record, errors.isEmpty {
            let old = ReaderStore.record(of: reader)
            record.created_at = old.created_at
            do {
                try await ReaderStore.update(reader, from: old, to: record, by: user, today: req.today, on: req.db)
                try await req.audit(.update, "reader", reader.id)
                return req.seeOther(.reader(reader.id!), flash: "reader.saved")
            } catch AppError.validation(let saveErrors) {
                errors = saveErrors
            }
        }
        return ReaderFormView.render(
            req.page, reader: reader, form: form, branches: try await Self.visibleBranches(req, user), genres: try await GenreList.load(on: req.db),
            carriers: try await Self.visibleCarriers(req, user, keep: reader.carrierID),
            errors: errors, status: .unprocessableEntity
        )
    }

    /// The carriers a reader's carrier of record is chosen from: active carriers of the branches
    /// the user may put readers in (the check that it is the reader's own branch is the validator's).
    /// `keep` is the reader's carrier now, offered even when deactivated since, so that saving the
    /// card leaves it as it is.
    static func visibleCarriers(_ req: Request, _ user: CurrentUser, keep: UUID? = nil) async throws -> [User] {
        let query = User.query(on: req.db).filter(\.$role == .carrier).with(\.$branch).sort(\.$fullName)
        query.group(.or) { $0.filter(\.$isActive == true).filter(\.$id == (keep ?? SiteRoute.anyID)) }
        if !user.isAdmin { query.filter(\.$branch.$id == (user.branchID ?? SiteRoute.anyID)) }
        return try await query.all()
    }

    /// The branches a user may put readers in: all for an administrator, their own for a coordinator.
    static func visibleBranches(_ req: Request, _ user: CurrentUser) async throws -> [Branch] {
        let query = Branch.query(on: req.db).sort(\.$nameRu)
        if !user.isAdmin { query.filter(\.$id == (user.branchID ?? SiteRoute.anyID)) }
        return try await query.all()
    }

}
