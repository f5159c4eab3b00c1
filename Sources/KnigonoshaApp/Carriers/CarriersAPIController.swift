import Fluent
import Vapor

/// `/api/v1/carriers`: the same absences and hand-over as the pages, for staff (issue 15, §1).
struct CarriersAPIController {
    struct AbsenceDTO: Content {
        var id: UUID
        var carrier_id: UUID
        var starts_on: String
        var ends_on: String
        var kind: String
    }

    struct CarrierDTO: Content {
        var id: UUID
        var full_name: String
        var branch_id: UUID?
        var is_active: Bool
        /// Absences that have not ended yet.
        var absences: [AbsenceDTO]
        /// Checks, training and travel.
        var details: CarrierDetails.DTO
    }

    struct StrandedDTO: Content {
        var visits: [UUID]
    }

    struct ReassignDTO: Content {
        var moved: Int
        var unassigned: Int
    }

    func register(_ api: any RoutesBuilder) {
        let carriers = api.grouped("carriers")
        carriers.get(use: list)
        carriers.put(":id", "details", use: saveDetails)
        carriers.get(":id", "absences", use: absences)
        carriers.post(":id", "absences", use: add)
        carriers.delete(":id", "absences", ":id2", use: remove)
        carriers.get(":id", "stranded", use: stranded)
        carriers.post(":id", "reassign", use: reassign)
    }

    func list(req: Request) async throws -> [CarrierDTO] {
        let user = try req.currentUser()
        var query = User.query(on: req.db).filter(\.$role == .carrier).sort(\.$fullName)
        if !user.isAdmin { query = query.filter(\.$branch.$id == (user.branchID ?? UUID())) }
        let carriers = try await query.all()
        let ids = carriers.compactMap(\.id)
        let open = ids.isEmpty ? [] : try await CarrierAbsence.query(on: req.db).filter(\.$user.$id ~~ ids).filter(\.$endsOn >= req.today.iso).all()
        try await req.audit(.list, "carrier")
        return carriers.map { c in
            CarrierDTO(
                id: c.id!, full_name: c.fullName, branch_id: c.$branch.id, is_active: c.isActive,
                absences: open.filter { $0.$user.id == c.id }.sorted { $0.startsOn < $1.startsOn }.map(Self.dto), details: .init(c))
        }
    }

    /// Replaces the carrier's checks, training and travel; a field left out is cleared.
    func saveDetails(req: Request) async throws -> CarrierDetails.DTO {
        let carrier = try await CarriersController.find(req)
        let input = try req.content.decode(CarrierDetails.Input.self, using: JSONDecoder())
        let errors = CarrierDetails.apply(input, to: carrier, branch: carrier.branch?.point)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await carrier.save(on: req.db)
        try await req.audit(.update, "carrier", carrier.id)
        return CarrierDetails.DTO(carrier)
    }

    func absences(req: Request) async throws -> [AbsenceDTO] {
        let carrier = try await CarriersController.find(req)
        try await req.audit(.view, "carrier", carrier.id)
        return try await CarrierAbsence.query(on: req.db).filter(\.$user.$id == carrier.id!).sort(\.$startsOn, .descending).all().map(Self.dto)
    }

    func add(req: Request) async throws -> Response {
        let carrier = try await CarriersController.find(req)
        let input = try req.content.decode(CarrierAbsences.Input.self, using: JSONDecoder())
        let (absence, errors) = try await CarrierAbsences.add(input, carrierID: carrier.id!, today: req.today, on: req.db)
        guard let absence else { throw AppError.validation(errors) }
        try await req.audit(.create, "carrier_absence", absence.id)
        let response = Response(status: .created)
        try response.content.encode(Self.dto(absence), as: .json)
        return response
    }

    func remove(req: Request) async throws -> Response {
        let carrier = try await CarriersController.find(req)
        guard let id = req.parameters.get("id2").flatMap(UUID.init(uuidString:)),
            let absence = try await CarrierAbsence.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == carrier.id!).first()
        else { throw AppError.notFound }
        try await absence.delete(on: req.db)
        try await req.audit(.update, "carrier_absence", absence.id)
        return Response(status: .noContent)
    }

    func stranded(req: Request) async throws -> StrandedDTO {
        let carrier = try await CarriersController.find(req)
        return StrandedDTO(visits: try await CarrierAbsences.stranded(carrierID: carrier.id!, today: req.today, on: req.db).compactMap(\.id))
    }

    func reassign(req: Request) async throws -> ReassignDTO {
        let carrier = try await CarriersController.find(req)
        let (moved, unassigned) = try await CarrierAbsences.reassign(carrierID: carrier.id!, today: req.today, by: try req.currentUser(), on: req.db)
        try await req.audit(.update, "carrier", carrier.id)
        return ReassignDTO(moved: moved, unassigned: unassigned)
    }

    static func dto(_ a: CarrierAbsence) -> AbsenceDTO {
        AbsenceDTO(id: a.id!, carrier_id: a.$user.id, starts_on: a.startsOn, ends_on: a.endsOn, kind: a.kind)
    }
}
