import Fluent
import Vapor

/// An attachment as the API lists it.
struct AttachmentDTO: Content {
    var id: UUID
    var file_name: String
    var content_type: String
    var size: Int
    var created_at: Date?

    init(_ a: EventAttachment) {
        id = a.id!
        file_name = a.fileName
        content_type = a.contentType
        size = a.size
        created_at = a.createdAt
    }
}

/// `/api/v1/events/{id}/attachments`: the event's photos and slides. A file is sent as the raw
/// request body with its name in `file_name`; the same checks as on the page apply.
struct EventAttachmentsAPIController {
    func register(read: any RoutesBuilder, write: any RoutesBuilder, maxBytes: Int) {
        read.get("events", ":id", "attachments", use: list)
        write.on(.POST, "events", ":id", "attachments", body: .stream, use: upload)
        read.get("events", ":id", "attachments", ":id2", use: download)
        write.delete("events", ":id", "attachments", ":id2", use: delete)
    }

    func list(req: Request) async throws -> [AttachmentDTO] {
        let event = try await EventsController.find(req)
        try await req.audit(.view, "event", event.id)
        return try await EventAttachment.query(on: req.db).filter(\.$event.$id == event.id!).sort(\.$createdAt).all().map(AttachmentDTO.init)
    }

    func upload(req: Request) async throws -> Response {
        let event = try await EventsController.find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        let name = try Self.fileName(req)
        let upload = try await EventAttachmentsController.receiveRaw(req)
        let (stored, errors) = try await EventAttachmentsController.store(upload, fileName: name, event: event, req: req)
        guard errors.isEmpty, let stored else { throw AppError.validation(errors) }
        try await req.audit(.update, "event", event.id)
        let response = Response(status: .created)
        try response.content.encode(AttachmentDTO(stored), as: .json)
        return response
    }

    func download(req: Request) async throws -> Response {
        try await EventAttachmentsController().download(req: req)
    }

    func delete(req: Request) async throws -> Response {
        let event = try await EventsController.find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        guard let id = req.parameters.get("id2").flatMap(UUID.init(uuidString:)),
            let a = try await EventAttachment.query(on: req.db).filter(\.$id == id).filter(\.$event.$id == event.id!).first()
        else { throw AppError.notFound }
        try await a.delete(on: req.db)
        try? FileManager.default.removeItem(atPath: req.application.config.attachmentDirectory + "/" + a.storedName)
        try await req.audit(.update, "event", event.id)
        return Response(status: .noContent)
    }

    /// The `file_name` query parameter of a raw upload: required, one line, no path or control
    /// characters.
    static func fileName(_ req: Request) throws -> String {
        let name = (req.query[String.self, at: "file_name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var e = FieldErrors()
        if name.isEmpty || name.unicodeScalars.count > 200 || name.contains(where: { $0.isNewline || $0 == "/" || $0 == "\\" }) {
            e.add("file_name", name.isEmpty ? "validation.required" : "validation.choice")
        } else if TextRules.hasControlCharacters(name) || name.unicodeScalars.contains(where: FileNames.refused) {
            e.add("file_name", "validation.control_chars")
        }
        guard e.isEmpty else { throw AppError.validation(e) }
        return name
    }
}
