import Fluent
import Vapor

/// Photos and slides of an event: upload (with a size limit and only JPEG, PNG, PDF, PPTX or ODP,
/// told by the file's first bytes), download and removal. A refused file comes back as an error
/// at the file field on the event's card, and nothing is kept.
struct EventAttachmentsController {
    struct UploadForm: Content {
        var file: File?
    }

    func register(read: any RoutesBuilder, write routes: any RoutesBuilder, maxBytes: Int) {
        // Twice the limit gets collected, so that a file just over it is told so at its field.
        routes.on(
            .POST, SiteRoute.eventAttachments(SiteRoute.anyID).pattern, body: .collect(maxSize: ByteCount(value: maxBytes * 2 + 65536)),
            use: upload)
        read.get(SiteRoute.eventAttachment(SiteRoute.anyID, SiteRoute.anyID).pattern, use: download)
        routes.post(SiteRoute.eventAttachmentDelete(SiteRoute.anyID, SiteRoute.anyID).pattern, use: delete)
    }

    func upload(req: Request) async throws -> Response {
        let event = try await EventsController.find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        let form = try req.content.decode(UploadForm.self)
        let (_, e) = try await Self.store(form.file?.data, fileName: form.file?.filename ?? "", event: event, req: req)
        guard e.isEmpty else { return try await EventsController.card(req, event, errors: e) }
        try await req.audit(.update, "event", event.id)
        return req.seeOther(SiteRoute.event(event.id!).path + "#attachments-h", flash: "attachment.saved")
    }

    func download(req: Request) async throws -> Response {
        let (event, a) = try await find(req)
        try await req.audit(.view, "event", event.id)
        let response = try await req.fileio.asyncStreamFile(at: req.application.config.attachmentDirectory + "/" + a.storedName)
        response.headers.replaceOrAdd(name: .contentType, value: a.contentType)
        let ascii = a.fileName.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0.value >= 0x20 } ? a.fileName : "attachment"
        let encoded = a.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    func delete(req: Request) async throws -> Response {
        let (event, a) = try await find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        try await a.delete(on: req.db)
        try? FileManager.default.removeItem(atPath: req.application.config.attachmentDirectory + "/" + a.storedName)
        try await req.audit(.update, "event", event.id)
        return req.seeOther(SiteRoute.event(event.id!).path + "#attachments-h", flash: "attachment.deleted")
    }

    /// Checks a file (its size, and its type by its first bytes) and keeps it with the event.
    /// A refused file is an error at `file`; nothing is kept, neither file nor row.
    static func store(_ data: ByteBuffer?, fileName rawName: String, event: Event, req: Request) async throws -> (EventAttachment?, FieldErrors) {
        var e = FieldErrors()
        let fileName = FileNames.clean(rawName)
        let max = req.application.config.attachmentMaxBytes
        var detected: (kind: AttachmentKind, contentType: String)?
        if let data, data.readableBytes > 0 {
            if data.readableBytes > max {
                e.add("file", "attachment.too_large", ["max": String(max / 1024 / 1024)])
            } else {
                detected = AttachmentKind.detect(Array(data.readableBytesView.prefix(8)), fileName: fileName)
                if detected == nil { e.add("file", "attachment.forbidden_type") }
            }
        } else {
            e.add("file", "attachment.required")
        }
        guard e.isEmpty, let data, let detected else { return (nil, e) }
        let dir = req.application.config.attachmentDirectory
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let stored = UUID().uuidString.lowercased() + AttachmentKind.fileExtension(contentType: detected.contentType)
        let path = dir + "/" + stored
        try await req.fileio.writeFile(data, at: path)
        let a = EventAttachment()
        a.$event.id = event.id!
        a.fileName = fileName
        a.contentType = detected.contentType
        a.size = data.readableBytes
        a.storedName = stored
        do {
            try await a.create(on: req.db)
        } catch {
            // Nothing half-kept: the file goes if its row could not be written.
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return (a, e)
    }

    private func find(_ req: Request) async throws -> (Event, EventAttachment) {
        let event = try await EventsController.find(req)
        guard let raw = req.parameters.get("id2"), let id = UUID(uuidString: raw),
            let a = try await EventAttachment.query(on: req.db).filter(\.$id == id).filter(\.$event.$id == event.id!).first()
        else { throw AppError.notFound }
        return (event, a)
    }
}
