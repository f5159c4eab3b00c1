import Fluent
import Vapor

/// The project registry's pages: the list, the project's page with its progress, and the forms.
struct ProjectsController {
    /// The web form. Authors are staff accounts ticked in a list and other people typed one per
    /// line.
    struct Form: Content {
        var name: String?
        var name_kk: String?
        var status: String?
        var starts_on: String?
        var ends_on: String?
        var branch_id: String?
        var organisation: String?
        var organisation_kk: String?
        var target_groups: [String]?
        var goal: String?
        var goal_kk: String?
        var description: String?
        var description_kk: String?
        var author_ids: [String]?
        var other_authors: String?

        init() {}

        init(_ r: ProjectRecord) {
            let p = r.project
            name = p.name
            name_kk = p.nameKk
            status = p.status
            starts_on = p.startsOn
            ends_on = p.endsOn
            branch_id = p.$branch.id?.uuidString.lowercased()
            organisation = p.organisation
            organisation_kk = p.organisationKk
            target_groups = p.groups.map(\.rawValue)
            goal = p.goal
            goal_kk = p.goalKk
            description = p.description
            description_kk = p.descriptionKk
            author_ids = r.authors.compactMap { $0.$user.id?.uuidString.lowercased() }
            other_authors = r.authors.filter { $0.$user.id == nil }.map(\.name).joined(separator: "\n")
        }

        func payload() -> (ProjectPayload, FieldErrors) {
            var e = FieldErrors()
            let branch = e.optionalID(branch_id, "branch_id")
            var authors: [ProjectPayload.Author] = []
            for raw in author_ids ?? [] {
                guard let id = UUID(uuidString: raw) else {
                    e.add("author_ids", "validation.choice")
                    continue
                }
                authors.append(.init(user_id: id))
            }
            for line in (other_authors ?? "").split(whereSeparator: \.isNewline) {
                let name = line.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { continue }
                guard name.count <= 200 else {
                    e.add("other_authors", "validation.item_too_long", ["max": "200"])
                    continue
                }
                authors.append(.init(name: name))
            }
            let p = ProjectPayload(
                name: name, name_kk: name_kk, branch_id: branch, organisation: organisation, organisation_kk: organisation_kk,
                target_groups: target_groups, goal: goal, goal_kk: goal_kk, description: description, description_kk: description_kk,
                starts_on: starts_on, ends_on: ends_on, status: status, authors: authors)
            return (p, e)
        }
    }

    /// Reading is for everyone who reads the reports (management too); changing for staff.
    func register(read: any RoutesBuilder, write routes: any RoutesBuilder) {
        read.get(SiteRoute.projects.pattern, use: list)
        routes.get(SiteRoute.projectNew.pattern, use: newForm)
        routes.post(SiteRoute.projectNew.pattern, use: create)
        read.get(SiteRoute.project(SiteRoute.anyID).pattern, use: show)
        routes.get(SiteRoute.projectEdit(SiteRoute.anyID).pattern, use: editForm)
        routes.post(SiteRoute.projectEdit(SiteRoute.anyID).pattern, use: update)
        routes.post(SiteRoute.projectDelete(SiteRoute.anyID).pattern, use: delete)
        ProjectPartsController().register(routes)
    }

    func list(req: Request) async throws -> Response {
        let projects = try await Project.query(on: req.db).with(\.$branch).sort(\.$startsOn, .descending).sort(\.$name).all()
        try await req.audit(.list, "project")
        return ProjectsView.list(req.page, projects: projects)
    }

    func newForm(req: Request) async throws -> Response {
        var form = Form()
        form.starts_on = req.today.iso
        form.status = ProjectStatus.active.rawValue
        let user = try req.currentUser()
        form.branch_id = user.branchID?.uuidString.lowercased()
        form.author_ids = [user.id.uuidString.lowercased()]
        return try await page(req, project: nil, form: form, errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        try await save(req, project: Project())
    }

    func show(req: Request) async throws -> Response {
        let project = try await Self.find(req)
        try await req.audit(.view, "project", project.id)
        let record = try await ProjectRecord.load(project, today: req.today, on: req.db)
        return ProjectCardView.page(
            req.page, record, branchName: try await project.$branch.get(on: req.db)?.name(req.lang), canEdit: try Self.canEdit(record, req),
            library: try await LibraryName.load(on: req.db).name(req.page))
    }

    func editForm(req: Request) async throws -> Response {
        let project = try await Self.find(req)
        let record = try await ProjectRecord.load(project, today: req.today, on: req.db, actuals: false)
        guard try Self.canEdit(record, req) else { throw AppError.forbidden }
        return try await page(req, project: project, form: Form(record), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let project = try await Self.find(req)
        try await Self.requireEditable(project, req)
        return try await save(req, project: project)
    }

    /// Removes the project; its events stay, unlinked.
    func delete(req: Request) async throws -> Response {
        let project = try await Self.find(req)
        try await Self.requireEditable(project, req)
        if let ask = ConfirmStep.ask(
            req, question: req.t("confirm.remove_question", ["what": Bilingual.pick(req.page, ru: project.name, kk: project.nameKk)]),
            detail: req.t("project.delete_detail"),
            confirm: req.t("common.remove"), back: SiteRoute.project(project.id!).path)
        {
            return ask
        }
        try await ProjectService.delete(project, on: req.db)
        try await req.audit(.update, "project", project.id)
        return req.seeOther(.projects, flash: "project.deleted")
    }

    private func save(_ req: Request, project: Project) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var (payload, errors) = form.payload()
        var parts = ProjectService.Parts()
        if errors.isEmpty {
            (errors, parts) = try await ProjectService.apply(payload, to: project, by: try req.currentUser(), on: req.db)
            errors = Self.authorsAtForm(errors)
        }
        guard errors.isEmpty else {
            return try await page(req, project: project.id == nil ? nil : project, form: form, errors: errors, status: .unprocessableEntity)
        }
        let isNew = project.id == nil
        try await ProjectService.save(project, parts, on: req.db)
        try await req.audit(isNew ? .create : .update, "project", project.id)
        return req.seeOther(.project(project.id!), flash: "project.saved")
    }

    /// On the page the authors are two controls; the error goes to the list of staff.
    static func authorsAtForm(_ errors: FieldErrors) -> FieldErrors {
        var out = FieldErrors()
        for item in errors.items { out.add(item.field.hasPrefix("authors") ? "author_ids" : item.field, item.message.key, item.message.args) }
        return out
    }

    private func page(_ req: Request, project: Project?, form: Form, errors: FieldErrors, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.currentUser()
        let all = try await Branch.query(on: req.db).sort(\.$code).all()
        let staff = try await User.query(on: req.db).filter(\.$role != .carrier).filter(\.$isActive == true).sort(\.$fullName).all()
        return ProjectsView.form(
            req.page, project: project, form: form, errors: errors, branches: user.isAdmin ? all : all.filter { $0.id == user.branchID },
            staff: staff, status: status)
    }

    static func find(_ req: Request) async throws -> Project {
        guard let project = try await Project.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return project
    }

    /// Administrators change any project; coordinators their branch's and those they author.
    static func canEdit(_ r: ProjectRecord, _ req: Request) throws -> Bool {
        try canEdit(r.project, authors: r.authors, req)
    }

    static func canEdit(_ project: Project, authors: [ProjectAuthor], _ req: Request) throws -> Bool {
        let user = try req.currentUser()
        guard user.isStaff else { return false }
        if user.isAdmin { return true }
        if let branch = project.$branch.id, branch == user.branchID { return true }
        return authors.contains { $0.$user.id == user.id }
    }

    /// Refuses a change by someone who may not make it; reads only the authors.
    static func requireEditable(_ project: Project, _ req: Request) async throws {
        let authors = try await ProjectAuthor.query(on: req.db).filter(\.$project.$id == project.requireID()).all()
        guard try canEdit(project, authors: authors, req) else { throw AppError.forbidden }
    }
}
