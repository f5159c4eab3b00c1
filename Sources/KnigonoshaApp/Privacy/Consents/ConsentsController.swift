import Fluent
import SQLKit
import Vapor

/// A reader's consents on the web: the list with each one's state and scan, a form to record one
/// (with the scan of the signed form), withdrawal, and the scan's download. Coordinators and
/// administrators of the reader's branch; views and changes are audited.
struct ConsentsController {
    func register(_ staff: any RoutesBuilder) {
        staff.get(SiteRoute.readerConsentRecords(SiteRoute.anyID).pattern, use: page)
        // The scan streams to disk, so that a file over the limit is told so at its field.
        staff.on(.POST, SiteRoute.readerConsentRecords(SiteRoute.anyID).pattern, body: .stream, use: add)
        staff.post(SiteRoute.readerConsentWithdraw(SiteRoute.anyID, SiteRoute.anyID).pattern, use: withdraw)
        staff.get(SiteRoute.readerConsentScan(SiteRoute.anyID, SiteRoute.anyID).pattern, use: scan)
        staff.on(.POST, SiteRoute.readerConsentScan(SiteRoute.anyID, SiteRoute.anyID).pattern, body: .stream, use: attachScan)
    }

    func page(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        try await req.audit(.view, "reader", reader.id)
        return try await Self.render(req, reader)
    }

    func add(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let form = try await EventAttachmentsController.receiveForm(req)
        guard reader.removedAs == nil else {
            form.discard()
            throw AppError.conflict(Message("removal.no_edit"))
        }
        let f = form.fields
        let input = Consents.Input(scope: f["scope"], given_on: f["given_on"], way: f["way"], until: f["until"], representative: f["representative"])
        var (checked, errors) = Consents.check(input, today: req.today)
        let (kept, scanErrors) = errors.isEmpty ? ConsentScan.keep(form, fileName: form.fileName ?? "", app: req.application) : (nil, FieldErrors())
        if !errors.isEmpty { form.discard() }
        errors.merge(scanErrors)
        guard errors.isEmpty, let checked else {
            ConsentScan.drop(kept, app: req.application)
            return try await Self.render(req, reader, input: input, errors: errors, status: .unprocessableEntity)
        }
        do {
            _ = try await Consents.record(checked, scan: kept, reader: reader, on: req.db)
        } catch {
            ConsentScan.drop(kept, app: req.application)
            throw error
        }
        try await req.audit(.update, "reader", reader.id)
        return req.seeOther(SiteRoute.readerConsentRecords(reader.id!).path + "#consents-h", flash: "consent.saved")
    }

    struct WithdrawForm: Content {
        var withdrawn_on: String?
    }

    func withdraw(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        try reader.requireNotRemoved()
        let row = try await Self.find(req, reader)
        let form = try req.content.decode(WithdrawForm.self)
        do {
            try await Consents.withdraw(row, on: form.withdrawn_on, reader: reader, today: req.today, db: req.db)
        } catch AppError.validation(let errors) {
            return try await Self.render(req, reader, withdrawErrors: (row.id!, errors, form.withdrawn_on ?? ""), status: .unprocessableEntity)
        } catch AppError.conflict(let message) {
            // Withdrawn meanwhile (a second tab, a double tap): the page again, saying so.
            var errors = FieldErrors()
            errors.add("withdrawn_on", message.key)
            return try await Self.render(req, reader, withdrawErrors: (row.id!, errors, form.withdrawn_on ?? ""), status: .conflict)
        }
        try await req.audit(.update, "reader", reader.id)
        var said: [(key: String, counts: [(String, Int)])] = [("consent.withdrawn", [])]
        if row.scope == ConsentScope.service.rawValue, let day = row.withdrawnOn {
            let left = try await Visit.query(on: req.db).filter(\.$reader.$id == reader.id!)
                .filter(\.$status == VisitStatus.planned.rawValue).filter(\.$scheduledOn >= day).count()
            if left > 0 { said.append(("consent.withdrawn_visits", [("count", left)])) }
        }
        req.flash(said)
        return req.seeOther(SiteRoute.readerConsentRecords(reader.id!).path + "#consents-h")
    }

    func scan(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let row = try await Self.find(req, reader)
        try await req.audit(.view, "reader", reader.id)
        return try await ConsentScan.download(row, req: req)
    }

    /// A scan brought in after the consent was recorded (the signed paper came back later).
    func attachScan(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let row = try await Self.find(req, reader)
        let form = try await EventAttachmentsController.receiveForm(req)
        guard reader.removedAs == nil else {
            form.discard()
            throw AppError.conflict(Message("removal.no_edit"))
        }
        var (kept, errors) = ConsentScan.keep(form, fileName: form.fileName ?? "", app: req.application)
        if kept == nil, errors.isEmpty { errors.add("file", "attachment.required") }
        guard errors.isEmpty, let kept else {
            return try await Self.render(req, reader, scanErrors: (row.id!, errors), status: .unprocessableEntity)
        }
        do {
            try await Self.attachScan(to: row, kept, app: req.application, db: req.db)
        } catch AppError.conflict(let message) {
            var errors = FieldErrors()
            errors.add("file", message.key)
            return try await Self.render(req, reader, scanErrors: (row.id!, errors), status: .conflict)
        }
        try await req.audit(.update, "reader", reader.id)
        return req.seeOther(SiteRoute.readerConsentRecords(reader.id!).path + "#consents-h", flash: "consent.scan_saved")
    }

    /// Attaches the scan to a consent that has none. A consent's scan is its evidence and is never
    /// replaced: a wrong one means recording the consent again. The write is conditional, so that
    /// of two at once one attaches and the other is told.
    static func attachScan(to row: ReaderConsent, _ kept: ConsentScan.Kept, app: Application, db: any Database) async throws {
        do {
            let claimed = try await db.sqlDatabase().update(ReaderConsent.schema).set("scan_name", to: kept.fileName)
                .set("scan_type", to: kept.contentType).set("scan_size", to: kept.size).set("scan_stored", to: kept.storedName)
                .where("id", .equal, row.id!).where("scan_stored", .is, SQLLiteral.null).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(Message("consent.scan_exists")) }
        } catch {
            ConsentScan.drop(kept, app: app)
            throw error
        }
        kept.attach(to: row)
    }

    static func find(_ req: Request, _ reader: Reader) async throws -> ReaderConsent {
        guard let raw = req.parameters.get("id2"), let id = UUID(uuidString: raw),
            let row = try await ReaderConsent.query(on: req.db).filter(\.$id == id).filter(\.$reader.$id == reader.id!).first()
        else { throw AppError.notFound }
        return row
    }

    static func render(
        _ req: Request, _ reader: Reader, input: Consents.Input = .init(), errors: FieldErrors = .init(),
        withdrawErrors: (UUID, FieldErrors, String)? = nil, scanErrors: (UUID, FieldErrors)? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let rows = try await ReaderConsent.query(on: req.db).filter(\.$reader.$id == reader.id!).sort(\.$givenOn, .descending)
            .sort(\.$createdAt, .descending).all()
        return ConsentsView.page(
            req.page,
            .init(
                reader: reader, rows: rows, today: req.today, input: input, errors: errors, withdrawErrors: withdrawErrors, scanErrors: scanErrors,
                maxMB: req.application.config.attachmentMaxBytes / 1024 / 1024),
            status: status)
    }
}
