import Fluent
import Vapor

/// `/api/v1/readers`: the same registry, for programs.
struct ReadersAPIController {
    struct ChangeDTO: Content {
        var field: String
        var old_value: String?
        var new_value: String?
        var changed_at: Date
        var user_id: UUID?
        var user_name: String?
    }

    func register(_ routes: any RoutesBuilder) {
        let readers = routes.grouped("readers")
        readers.get(use: list)
        readers.post(use: create)
        readers.get(":id", use: show)
        readers.put(":id", use: update)
        readers.get(":id", "history", use: history)
    }

    func list(req: Request) async throws -> ReaderPage {
        let user = try req.currentUser()
        let query = try req.query.decode(ReaderQuery.self)
        let problems = query.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let (readers, total) = try await query.run(for: user, on: req.db)
        try await req.audit(.list, "reader")
        return ReaderPage(
            items: try await ConsentsInForce.records(readers, on: req.today, db: req.db), total: total, page: query.pageNumber,
            per_page: query.perPage)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let payload = try req.content.decode(ReaderPayload.self, using: JSONDecoder())
        let validator = ReaderValidator(user: user, today: req.today, db: req.db, readerID: nil)
        let (record, errors) = try await validator.validate(payload)
        guard let record, errors.isEmpty else { throw AppError.validation(errors) }
        let reader = try await ReaderStore.create(record, by: user, today: req.today, on: req.db)
        try await req.audit(.create, "reader", reader.id)
        guard let saved = try await ReaderStore.find(reader.id!, on: req.db) else { throw AppError.notFound }
        let response = Response(status: .created)
        try response.content.encode(try await ConsentsInForce.record(saved, on: req.today, db: req.db), as: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/readers/\(reader.id!.uuidString.lowercased())")
        return response
    }

    func show(req: Request) async throws -> ReaderRecord {
        let (reader, _) = try await req.loadReader()
        try await req.audit(.view, "reader", reader.id)
        return try await ConsentsInForce.record(reader, on: req.today, db: req.db)
    }

    func update(req: Request) async throws -> ReaderRecord {
        let (reader, user) = try await req.loadReader()
        try reader.requireNotRemoved()
        let payload = try req.content.decode(ReaderPayload.self, using: JSONDecoder())
        let validator = ReaderValidator(user: user, today: req.today, db: req.db, readerID: reader.id)
        let (record, errors) = try await validator.validate(payload)
        guard var record, errors.isEmpty else { throw AppError.validation(errors) }
        let old = ReaderStore.record(of: reader)
        record.created_at = old.created_at
        try await ReaderStore.update(reader, from: old, to: record, by: user, today: req.today, on: req.db)
        try await req.audit(.update, "reader", reader.id)
        guard let saved = try await ReaderStore.find(reader.id!, on: req.db) else { throw AppError.notFound }
        return try await ConsentsInForce.record(saved, on: req.today, db: req.db)
    }

    func history(req: Request) async throws -> [ChangeDTO] {
        let (reader, _) = try await req.loadReader()
        try await req.audit(.view, "reader", reader.id)
        let changes = try await ReaderChange.query(on: req.db).filter(\.$reader.$id == reader.id!).with(\.$user)
            .sort(\.$changedAt, .descending).sort(\.$field).all()
        return changes.map {
            ChangeDTO(
                field: $0.field, old_value: $0.oldValue, new_value: $0.newValue, changed_at: $0.changedAt, user_id: $0.$user.id,
                user_name: $0.user?.fullName)
        }
    }

}
