import Fluent
import Vapor

/// `/api/v1/projects`: the project registry with its lists and computed indicators.
struct ProjectsAPIController {
    func register(read: any RoutesBuilder, write: any RoutesBuilder) {
        read.get("projects", use: list)
        write.post("projects", use: create)
        read.get("projects", ":id", use: show)
        write.put("projects", ":id", use: update)
        write.delete("projects", ":id", use: delete)
    }

    func list(req: Request) async throws -> [ProjectDTO] {
        let projects = try await Project.query(on: req.db).sort(\.$startsOn, .descending).sort(\.$name).all()
        try await req.audit(.list, "project")
        var out: [ProjectDTO] = []
        for p in projects { out.append(ProjectDTO(try await ProjectRecord.load(p, today: req.today, on: req.db))) }
        return out
    }

    func show(req: Request) async throws -> ProjectDTO {
        let project = try await find(req)
        try await req.audit(.view, "project", project.id)
        return ProjectDTO(try await ProjectRecord.load(project, today: req.today, on: req.db))
    }

    func create(req: Request) async throws -> Response {
        let payload = try decode(req)
        let project = Project()
        let (errors, parts) = try await ProjectService.apply(payload, to: project, by: try req.currentUser(), on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await ProjectService.save(project, parts, on: req.db)
        try await req.audit(.create, "project", project.id)
        let response = Response(status: .created)
        try response.content.encode(ProjectDTO(try await ProjectRecord.load(project, today: req.today, on: req.db)), as: .json)
        return response
    }

    func update(req: Request) async throws -> ProjectDTO {
        let project = try await find(req)
        try await ProjectsController.requireEditable(project, req)
        let (errors, parts) = try await ProjectService.apply(try decode(req), to: project, by: try req.currentUser(), on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await ProjectService.save(project, parts, on: req.db)
        try await req.audit(.update, "project", project.id)
        return ProjectDTO(try await ProjectRecord.load(project, today: req.today, on: req.db))
    }

    func delete(req: Request) async throws -> Response {
        let project = try await find(req)
        try await ProjectsController.requireEditable(project, req)
        try await ProjectService.delete(project, on: req.db)
        try await req.audit(.update, "project", project.id)
        return Response(status: .noContent)
    }

    private func decode(_ req: Request) throws -> ProjectPayload {
        let p = try req.content.decode(ProjectPayload.self, using: JSONDecoder())
        var dates: [(String, String?)] = [("starts_on", p.starts_on), ("ends_on", p.ends_on), ("status", p.status)]
        for (i, x) in (p.presentations ?? []).enumerated() {
            dates += [("presentations[\(i)].presented_on", x.presented_on), ("presentations[\(i)].venue_kind", x.venue_kind)]
        }
        for (i, x) in (p.awards ?? []).enumerated() { dates.append(("awards[\(i)].awarded_on", x.awarded_on)) }
        try EventsAPIController.rejectEmpty(dates)
        return p
    }

    private func find(_ req: Request) async throws -> Project {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        guard let project = try await Project.find(id, on: req.db) else { throw AppError.notFound }
        return project
    }
}
