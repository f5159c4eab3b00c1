import Fluent
import Vapor

/// The administrator's branch pages.
struct BranchesController {
    struct Form: Content {
        var code: String?
        var name_ru: String?
        var name_kk: String?
        var address: String?
        var phone: String?
        var latitude: String?
        var longitude: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.branches.pattern, use: list)
        routes.get(SiteRoute.branchNew.pattern, use: newForm)
        routes.post(SiteRoute.branchNew.pattern, use: create)
        routes.get(SiteRoute.branch(SiteRoute.anyID).pattern, use: edit)
        routes.post(SiteRoute.branch(SiteRoute.anyID).pattern, use: update)
    }

    func list(req: Request) async throws -> Response {
        BranchesView.list(req.page, branches: try await Branch.query(on: req.db).sort(\.$code).all())
    }

    func newForm(req: Request) async throws -> Response {
        BranchesView.form(req.page, action: .branchNew, title: req.t("branch.new"), form: Form(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        try await save(req, branch: Branch(), action: .branchNew, title: req.t("branch.new"))
    }

    func edit(req: Request) async throws -> Response {
        let branch = try await find(req)
        let form = Form(
            code: branch.code, name_ru: branch.nameRu, name_kk: branch.nameKk, address: branch.address, phone: branch.phone,
            latitude: branch.latitude.map { String($0) }, longitude: branch.longitude.map { String($0) }
        )
        return BranchesView.form(req.page, action: .branch(branch.id!), title: branch.name(req.lang), form: form, errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let branch = try await find(req)
        return try await save(req, branch: branch, action: .branch(branch.id!), title: branch.name(req.lang))
    }

    private func save(_ req: Request, branch: Branch, action: SiteRoute, title: String) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var errors = FieldErrors()
        let lat = Coordinates.parse(form.latitude, field: "latitude", into: &errors)
        let lon = Coordinates.parse(form.longitude, field: "longitude", into: &errors)
        let payload = BranchPayload(
            code: form.code, name_ru: form.name_ru, name_kk: form.name_kk, address: form.address, phone: form.phone,
            latitude: lat, longitude: lon
        )
        if errors.isEmpty { errors.merge(try await BranchService.apply(payload, to: branch, on: req.db)) }
        guard errors.isEmpty else {
            return BranchesView.form(req.page, action: action, title: title, form: form, errors: errors, status: .unprocessableEntity)
        }
        try await branch.save(on: req.db)
        return req.seeOther(.branches, flash: "branch.saved")
    }

    private func find(_ req: Request) async throws -> Branch {
        guard let branch = try await Branch.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return branch
    }
}
