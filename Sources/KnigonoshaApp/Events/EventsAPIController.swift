import Fluent
import Vapor

/// `/api/v1/events`: the event register, with the page's filters and rules.
struct EventsAPIController {
    func register(read: any RoutesBuilder, write: any RoutesBuilder) {
        read.get("events", use: list)
        write.post("events", use: create)
        read.get("events", ":id", use: show)
        write.put("events", ":id", use: update)
        write.delete("events", ":id", use: delete)
    }

    func list(req: Request) async throws -> [EventDTO] {
        let filter = try req.query.decode(EventFilter.self)
        try Self.rejectEmpty([
            ("from", filter.from), ("to", filter.to), ("type", filter.type), ("group", filter.group), ("branch_id", filter.branch_id),
        ])
        let found = try await EventQuery.find(filter, today: req.today, on: req.db)
        guard found.errors.isEmpty else { throw AppError.validation(found.errors) }
        try await req.audit(.list, "event")
        return found.events.map(EventDTO.init)
    }

    func show(req: Request) async throws -> EventDTO {
        let event = try await find(req)
        try await req.audit(.view, "event", event.id)
        return EventDTO(event)
    }

    func create(req: Request) async throws -> Response {
        let payload = try Self.decode(req)
        let event = Event()
        let errors = try await EventService.apply(payload, to: event, by: try req.currentUser(), on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await event.create(on: req.db)
        try await req.audit(.create, "event", event.id)
        let response = Response(status: .created)
        try response.content.encode(EventDTO(event), as: .json)
        return response
    }

    func update(req: Request) async throws -> EventDTO {
        let event = try await find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        let payload = try Self.decode(req)
        let errors = try await EventService.apply(payload, to: event, by: try req.currentUser(), on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await event.save(on: req.db)
        try await req.audit(.update, "event", event.id)
        return EventDTO(event)
    }

    func delete(req: Request) async throws -> Response {
        let event = try await find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        try await EventDeletion.remove(event, req)
        return Response(status: .noContent)
    }

    /// In JSON an absent value is null or left out; an empty string is a bad date, time or code
    /// (the web form, where an empty field means "none", does not come through here).
    static func rejectEmpty(_ values: [(String, String?)]) throws {
        var e = FieldErrors()
        for (field, value) in values where value?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            e.add(
                field,
                field.hasPrefix("time")
                    ? "validation.time" : field == "from" || field == "to" || field.hasSuffix("_on") ? "validation.date" : "validation.choice")
        }
        guard e.isEmpty else { throw AppError.validation(e) }
    }

    static func decode(_ req: Request) throws -> EventPayload {
        let p = try req.content.decode(EventPayload.self, using: JSONDecoder())
        try rejectEmpty([("starts_on", p.starts_on), ("ends_on", p.ends_on), ("time_from", p.time_from), ("time_to", p.time_to), ("type", p.type)])
        return p
    }

    private func find(_ req: Request) async throws -> Event {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        guard let event = try await Event.find(id, on: req.db) else { throw AppError.notFound }
        return event
    }
}
