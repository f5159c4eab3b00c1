import Fluent
import Vapor

/// Photos and slides of an event: upload (with a size limit and only JPEG, PNG, PDF, PPTX or ODP,
/// told by the file's first bytes), download and removal. A refused file comes back as an error
/// at the file field on the event's card, and nothing is kept.
struct EventAttachmentsController {
    func register(read: any RoutesBuilder, write routes: any RoutesBuilder, maxBytes: Int) {
        // The file streams to disk (see `hardLimit`), so that a file over the limit is told so at
        // its field.
        routes.on(.POST, SiteRoute.eventAttachments(SiteRoute.anyID).pattern, body: .stream, use: upload)
        read.get(SiteRoute.eventAttachment(SiteRoute.anyID, SiteRoute.anyID).pattern, use: download)
        routes.post(SiteRoute.eventAttachmentDelete(SiteRoute.anyID, SiteRoute.anyID).pattern, use: delete)
    }

    func upload(req: Request) async throws -> Response {
        let event = try await EventsController.find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        let form = try await Self.receiveForm(req)
        let (_, e) = try await Self.store(form, fileName: form.fileName ?? "", event: event, req: req)
        guard e.isEmpty else { return try await EventsController.card(req, event, errors: e) }
        try await req.audit(.update, "event", event.id)
        return req.seeOther(SiteRoute.event(event.id!).path + "#attachments-h", flash: "attachment.saved")
    }

    func download(req: Request) async throws -> Response {
        let (event, a) = try await find(req)
        try await req.audit(.view, "event", event.id)
        return try await FileDownload.send(
            path: req.application.config.attachmentDirectory + "/" + a.storedName, contentType: a.contentType, fileName: a.fileName,
            fallback: "attachment", req: req)
    }

    func delete(req: Request) async throws -> Response {
        let (event, a) = try await find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        if let ask = ConfirmStep.ask(
            req, question: req.t("confirm.remove_question", ["what": a.fileName]), detail: req.t("confirm.cannot_undo"),
            confirm: req.t("attachment.delete"), back: SiteRoute.event(event.id!).path + "#attachments-h")
        {
            return ask
        }
        try await a.delete(on: req.db)
        try? FileManager.default.removeItem(atPath: req.application.config.attachmentDirectory + "/" + a.storedName)
        try await req.audit(.update, "event", event.id)
        return req.seeOther(SiteRoute.event(event.id!).path + "#attachments-h", flash: "attachment.deleted")
    }

    /// Where uploads wait while they stream in, beside the attachments so that keeping one is a
    /// rename.
    static func incoming(_ app: Application) -> String { app.config.attachmentDirectory + "/incoming" }

    /// How much of a too-large file is read (and dropped) so that the person gets the form back
    /// with the error at the file field rather than a bare 413 page: memory holds one chunk
    /// whatever the size; past this, the connection is refused.
    static func hardLimit(_ max: Int) -> Int { max * 10 }

    /// A page's multipart form with its `file`, streamed to disk, its CSRF token checked: event
    /// attachments and consent scans.
    static func receiveForm(_ req: Request) async throws -> StreamedForm {
        let max = req.application.config.attachmentMaxBytes
        let form = try await StreamedUpload.read(
            req, fileField: "file", maxFileBytes: max, hardLimit: hardLimit(max), directory: incoming(req.application))
        try req.checkStreamedCSRF(form)
        return form
    }

    /// The API's raw body, streamed like the page's.
    static func receiveRaw(_ req: Request) async throws -> StreamedForm {
        let max = req.application.config.attachmentMaxBytes
        return try await StreamedUpload.readRaw(req, maxBytes: max, hardLimit: hardLimit(max), directory: incoming(req.application))
    }

    /// Checks a streamed file (its size, and its type by its first bytes) and keeps it with the
    /// event. A refused file is an error at `file`; nothing is kept, neither file nor row.
    static func store(_ upload: StreamedForm, fileName rawName: String, event: Event, req: Request) async throws -> (EventAttachment?, FieldErrors) {
        var e = FieldErrors()
        let fileName = FileNames.clean(rawName)
        let max = req.application.config.attachmentMaxBytes
        var detected: (kind: AttachmentKind, contentType: String)?
        if upload.fileTooLarge || upload.fileSize > max {
            e.add("file", "attachment.too_large", ["max": String(max / 1024 / 1024)])
        } else if upload.fileSize > 0, let path = upload.filePath {
            detected = AttachmentKind.sniff(path, fileName: fileName)
            if detected == nil { e.add("file", "attachment.forbidden_type") }
        } else {
            e.add("file", "attachment.required")
        }
        guard e.isEmpty, let source = upload.filePath, let detected else {
            upload.discard()
            return (nil, e)
        }
        // The name a download is saved under ends as the file is: `report.html` holding a PDF
        // is kept as `report.pdf`, so that opening it never runs it as a page.
        let shownName = AttachmentKind.name(fileName, contentType: detected.contentType)
        let dir = req.application.config.attachmentDirectory
        let stored = UUID().uuidString.lowercased() + AttachmentKind.fileExtension(contentType: detected.contentType)
        let path = dir + "/" + stored
        try FileManager.default.moveItem(atPath: source, toPath: path)
        let a = EventAttachment()
        a.$event.id = event.id!
        a.fileName = shownName
        a.contentType = detected.contentType
        a.size = upload.fileSize
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
