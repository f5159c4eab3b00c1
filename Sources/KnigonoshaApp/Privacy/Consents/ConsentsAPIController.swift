import Fluent
import Vapor

/// A consent as the API gives it; `state` is where it stands today.
struct ConsentDTO: Content {
    struct Scan: Content {
        var file_name: String
        var content_type: String
        var size: Int
    }
    var id: UUID
    var scope: String
    var given_on: String
    var way: String
    var representative: String?
    var until: String?
    var withdrawn_on: String?
    var state: String
    var scan: Scan?
    var created_at: Date?

    init(_ c: ReaderConsent, today: LocalDate) {
        id = c.id!
        scope = c.scope
        given_on = c.givenOn
        way = c.way
        representative = c.representative
        until = c.until
        withdrawn_on = c.withdrawnOn
        state = c.state(on: today).rawValue
        scan = c.scanName.map { Scan(file_name: $0, content_type: c.scanType ?? "", size: c.scanSize ?? 0) }
        created_at = c.createdAt
    }
}

/// `/api/v1/readers/{id}/consents`: list, record, withdraw, and the scan of each (sent as the raw
/// body with its name in `file_name`, checked as on the page).
struct ConsentsAPIController {
    func register(_ staff: any RoutesBuilder) {
        staff.get("readers", ":id", "consents", use: list)
        staff.post("readers", ":id", "consents", use: add)
        staff.post("readers", ":id", "consents", ":id2", "withdraw", use: withdraw)
        staff.on(.PUT, "readers", ":id", "consents", ":id2", "scan", body: .stream, use: putScan)
        staff.get("readers", ":id", "consents", ":id2", "scan", use: scan)
    }

    func list(req: Request) async throws -> [ConsentDTO] {
        let (reader, _) = try await req.loadReader()
        try await req.audit(.view, "reader", reader.id)
        let rows = try await ReaderConsent.query(on: req.db).filter(\.$reader.$id == reader.id!).sort(\.$givenOn).sort(\.$createdAt).all()
        return rows.map { ConsentDTO($0, today: req.today) }
    }

    func add(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        try reader.requireNotRemoved()
        let input = try req.content.decode(Consents.Input.self, using: JSONDecoder())
        let (checked, errors) = Consents.check(input, today: req.today)
        guard let checked else { throw AppError.validation(errors) }
        let row = try await Consents.record(checked, scan: nil, reader: reader, on: req.db)
        try await req.audit(.update, "reader", reader.id)
        let response = Response(status: .created)
        try response.content.encode(ConsentDTO(row, today: req.today), as: .json)
        return response
    }

    func withdraw(req: Request) async throws -> ConsentDTO {
        let (reader, _) = try await req.loadReader()
        try reader.requireNotRemoved()
        let row = try await ConsentsController.find(req, reader)
        let body =
            req.body.data == nil
            ? ConsentsController.WithdrawForm() : try req.content.decode(ConsentsController.WithdrawForm.self, using: JSONDecoder())
        try await Consents.withdraw(row, on: body.withdrawn_on, reader: reader, today: req.today, db: req.db)
        try await req.audit(.update, "reader", reader.id)
        return ConsentDTO(row, today: req.today)
    }

    func putScan(req: Request) async throws -> ConsentDTO {
        let (reader, _) = try await req.loadReader()
        let row = try await ConsentsController.find(req, reader)
        try reader.requireNotRemoved()
        let name = try EventAttachmentsAPIController.fileName(req)
        let upload = try await EventAttachmentsController.receiveRaw(req)
        var (kept, errors) = ConsentScan.keep(upload, fileName: name, app: req.application)
        if kept == nil, errors.isEmpty { errors.add("file", "attachment.required") }
        guard errors.isEmpty, let kept else { throw AppError.validation(errors) }
        try await ConsentsController.attachScan(to: row, kept, app: req.application, db: req.db)
        try await req.audit(.update, "reader", reader.id)
        return ConsentDTO(row, today: req.today)
    }

    func scan(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let row = try await ConsentsController.find(req, reader)
        try await req.audit(.view, "reader", reader.id)
        return try await ConsentScan.download(row, req: req)
    }
}
