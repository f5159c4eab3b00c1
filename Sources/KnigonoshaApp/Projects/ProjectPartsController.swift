import Fluent
import Vapor

/// Adds a presentation, an award or an indicator to a project, one at a time, and removes one.
struct ProjectPartsController {
    /// One form for the three kinds; each uses its own fields.
    struct Form: Content {
        var venue: String?
        var venue_kk: String?
        var venue_kind: String?
        var presented_on: String?
        var material: String?
        var link: String?
        var notes: String?
        var name: String?
        var name_kk: String?
        var awarded_by: String?
        var awarded_by_kk: String?
        var awarded_on: String?
        var recipient: String?
        var metric: String?
        var target: String?
        var manual_value: String?
        var source: String?
    }

    func register(_ routes: any RoutesBuilder) {
        for part in ProjectPart.allCases {
            routes.get(SiteRoute.projectPartNew(SiteRoute.anyID, part).pattern) { req in try await self.newForm(req, part) }
            routes.post(SiteRoute.projectPartNew(SiteRoute.anyID, part).pattern) { req in try await self.create(req, part) }
            routes.post(SiteRoute.projectPartDelete(SiteRoute.anyID, part, SiteRoute.anyID).pattern) { req in try await self.delete(req, part) }
        }
    }

    private func editable(_ req: Request) async throws -> ProjectRecord {
        let project = try await ProjectsController.find(req)
        let record = try await ProjectRecord.load(project, today: req.today, on: req.db, actuals: false)
        guard try ProjectsController.canEdit(record, req) else { throw AppError.forbidden }
        return record
    }

    func newForm(_ req: Request, _ part: ProjectPart) async throws -> Response {
        let record = try await editable(req)
        var form = Form()
        form.presented_on = req.today.iso
        form.awarded_on = req.today.iso
        return ProjectPartView.page(req.page, record.project, part: part, form: form, errors: FieldErrors())
    }

    func create(_ req: Request, _ part: ProjectPart) async throws -> Response {
        let record = try await editable(req)
        let id = try record.project.requireID()
        let f = try req.content.decode(Form.self)
        var e = FieldErrors()
        var model: (any Model)?
        switch part {
        case .presentations:
            let p = ProjectService.presentation(
                .init(
                    venue: f.venue, venue_kk: f.venue_kk, venue_kind: f.venue_kind, presented_on: f.presented_on, material: f.material, link: f.link,
                    notes: f.notes),
                prefix: "", into: &e)
            p?.$project.id = id
            model = p
        case .awards:
            let a = ProjectService.award(
                .init(
                    name: f.name, name_kk: f.name_kk, awarded_by: f.awarded_by, awarded_by_kk: f.awarded_by_kk, awarded_on: f.awarded_on,
                    recipient: f.recipient), prefix: "", into: &e)
            a?.$project.id = id
            model = a
        case .indicators:
            let target = e.wholeNumber(f.target, "target")
            let value = e.wholeNumber(f.manual_value, "manual_value")
            if e.isEmpty {
                let i = ProjectService.indicator(
                    .init(name: f.name, name_kk: f.name_kk, metric: f.metric, target: target, manual_value: value, source: f.source), prefix: "",
                    position: record.indicators.count, into: &e)
                i?.$project.id = id
                model = i
            }
        }
        guard e.isEmpty, let model else {
            return ProjectPartView.page(req.page, record.project, part: part, form: f, errors: e, status: .unprocessableEntity)
        }
        try await model.create(on: req.db)
        try await req.audit(.update, "project", id)
        return req.seeOther(.project(id), flash: "project.saved")
    }

    func delete(_ req: Request, _ part: ProjectPart) async throws -> Response {
        let record = try await editable(req)
        let id = try record.project.requireID()
        guard let item = req.parameters.get("id2").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        // The row, and the words it is listed by, for the question before it goes.
        let found: (row: any Model, name: String)? =
            switch part {
            case .presentations: record.presentations.first { $0.id == item }.map { ($0, Bilingual.pick(req.page, ru: $0.venue, kk: $0.venueKk)) }
            case .awards: record.awards.first { $0.id == item }.map { ($0, Bilingual.pick(req.page, ru: $0.name, kk: $0.nameKk)) }
            case .indicators: record.indicators.first { $0.id == item }.map { ($0, Bilingual.pick(req.page, ru: $0.name, kk: $0.nameKk)) }
            }
        guard let found else { throw AppError.notFound }
        if let ask = ConfirmStep.ask(
            req, question: req.t("confirm.remove_question", ["what": found.name]), detail: req.t("confirm.cannot_undo"),
            confirm: req.t("common.remove"), back: SiteRoute.project(id).path)
        {
            return ask
        }
        try await found.row.delete(on: req.db)
        try await req.audit(.update, "project", id)
        return req.seeOther(.project(id), flash: "project.part_removed")
    }
}
