import Fluent
import Vapor

/// `/api/v1/branches`: everyone signed in may read them; only administrators change them.
struct BranchesAPIController {
    func register(_ routes: any RoutesBuilder) {
        let branches = routes.grouped("branches")
        branches.get(use: list)
        branches.get(":id", use: show)
        let admin = branches.grouped(RequireRole([.admin]))
        admin.post(use: create)
        admin.put(":id", use: update)
    }

    func list(req: Request) async throws -> [BranchDTO] {
        try await Branch.query(on: req.db).sort(\.$code).all().map(BranchDTO.init)
    }

    func show(req: Request) async throws -> BranchDTO {
        guard let branch = try await Branch.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return BranchDTO(branch)
    }

    func create(req: Request) async throws -> Response {
        let payload = try req.content.decode(BranchPayload.self, using: JSONDecoder())
        let branch = Branch()
        let errors = try await BranchService.apply(payload, to: branch, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await branch.create(on: req.db)
        let response = Response(status: .created)
        try response.content.encode(BranchDTO(branch), as: .json)
        return response
    }

    func update(req: Request) async throws -> BranchDTO {
        guard let branch = try await Branch.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        let payload = try req.content.decode(BranchPayload.self, using: JSONDecoder())
        let errors = try await BranchService.apply(payload, to: branch, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await branch.save(on: req.db)
        return BranchDTO(branch)
    }
}

/// `/api/v1/me`: who the token belongs to.
struct MeAPIController {
    struct MeDTO: Content {
        var id: UUID
        var email: String
        var full_name: String
        var role: String
        var branch_id: UUID?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("me", use: me)
    }

    func me(req: Request) async throws -> MeDTO {
        let user = try req.currentUser()
        return MeDTO(id: user.id, email: user.email, full_name: user.fullName, role: user.role.rawValue, branch_id: user.branchID)
    }
}
