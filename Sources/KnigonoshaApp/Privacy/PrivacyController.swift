import Fluent
import Vapor

/// A reader's rights over their data: the subject-access export (page, JSON and API), and
/// anonymisation or erasure with a two-step confirmation (administrators only). Every export and
/// removal is audited.
struct PrivacyController {
    func register(staff: any RoutesBuilder, admin: any RoutesBuilder, apiStaff: any RoutesBuilder, apiAdmin: any RoutesBuilder) {
        staff.get(SiteRoute.readerExport(SiteRoute.anyID).pattern, use: exportPage)
        staff.get(SiteRoute.readerExportJSON(SiteRoute.anyID).pattern, use: exportJSON)
        admin.get(SiteRoute.readerRemove(SiteRoute.anyID).pattern, use: removeForm)
        admin.post(SiteRoute.readerRemove(SiteRoute.anyID).pattern, use: removeReview)
        admin.post(SiteRoute.readerRemoveConfirm(SiteRoute.anyID).pattern, use: removeConfirm)
        apiStaff.get("readers", ":id", "export", use: exportAPI)
        apiAdmin.post("readers", ":id", "anonymise", use: anonymiseAPI)
        apiAdmin.delete("readers", ":id", use: eraseAPI)
    }

    /// What the removal forms send; the confirmation step also sends `confirm`, the card number.
    struct RemovalForm: Content {
        var kind: String?
        var reason: String?
        var confirm: String?
    }

    // MARK: export

    func exportPage(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let export = try await ReaderExport.build(reader, today: req.today, on: req.db)
        try await req.audit(.export, "reader", reader.id)
        let asked = req.query[String.self, at: "in"].flatMap(Lang.init(rawValue:))
        let lang = asked ?? ReaderExport.language(of: export.reader)
        let names = try await HistoryValue.names(lang, on: req.db)
        return ReaderExportView.page(
            req.page, export, reader: reader, lang: lang, genres: try await GenreList.load(on: req.db), branchNames: names)
    }

    func exportJSON(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let response = try await Self.json(ReaderExport.build(reader, today: req.today, on: req.db))
        try await req.audit(.export, "reader", reader.id)
        // A file to keep or hand over, named by id: the name of a download must not carry the person's.
        response.headers.contentDisposition = .init(.attachment, filename: "reader-\(reader.id!.uuidString.lowercased()).json")
        return response
    }

    func exportAPI(req: Request) async throws -> ReaderExport {
        let (reader, _) = try await req.loadReader()
        let export = try await ReaderExport.build(reader, today: req.today, on: req.db)
        try await req.audit(.export, "reader", reader.id)
        return export
    }

    static func json(_ export: ReaderExport) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(export)))
        response.headers.contentType = .json
        return response
    }

    // MARK: removal, on the web: choose, review, confirm

    func removeForm(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let blockers = reader.removedAs != nil ? FieldErrors() : try await ReaderRemoval.blockers(reader, on: req.db)
        return ReaderRemovalView.choose(req.page, reader: reader, form: RemovalForm(), errors: blockers)
    }

    /// Step one: the choice is checked, and the consequences are shown with the second button.
    func removeReview(req: Request) async throws -> Response {
        let (reader, _) = try await req.loadReader()
        let form: RemovalForm
        do {
            form = try Self.decodeOnce(req)
        } catch AppError.validation(let errors) {
            return ReaderRemovalView.choose(req.page, reader: reader, form: RemovalForm(), errors: errors, status: .unprocessableEntity)
        }
        do {
            let (kind, reason) = try await ReaderRemoval.check(reader, kind: form.kind, reason: form.reason, on: req.db)
            return ReaderRemovalView.review(req.page, reader: reader, kind: kind, reason: reason, errors: FieldErrors())
        } catch AppError.validation(let errors) {
            return ReaderRemovalView.choose(req.page, reader: reader, form: form, errors: errors, status: .unprocessableEntity)
        }
    }

    /// Step two: the card number typed again, then the removal.
    func removeConfirm(req: Request) async throws -> Response {
        let (reader, user) = try await req.loadReader()
        let form: RemovalForm
        do {
            form = try Self.decodeOnce(req)
        } catch AppError.validation(let errors) {
            return ReaderRemovalView.choose(req.page, reader: reader, form: RemovalForm(), errors: errors, status: .unprocessableEntity)
        }
        let kind: RemovalKind
        let reason: RemovalReason
        do {
            (kind, reason) = try await ReaderRemoval.check(reader, kind: form.kind, reason: form.reason, on: req.db)
        } catch AppError.validation(let errors) {
            return ReaderRemovalView.choose(req.page, reader: reader, form: form, errors: errors, status: .unprocessableEntity)
        }
        let typed = (form.confirm ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // Card numbers are typed in either case on the printed card; the comparison forgives that.
        guard typed.lowercased() == reader.cardNumber.lowercased() else {
            var errors = FieldErrors()
            errors.add("confirm", typed.isEmpty ? "validation.required" : "removal.confirm_mismatch")
            return ReaderRemovalView.review(req.page, reader: reader, kind: kind, reason: reason, errors: errors, status: .unprocessableEntity)
        }
        do {
            try await Self.remove(req, reader, kind, reason, user: user)
        } catch AppError.validation(let errors) {
            return ReaderRemovalView.choose(req.page, reader: reader, form: form, errors: errors, status: .unprocessableEntity)
        }
        return req.seeOther(.reader(reader.id!), flash: kind == .anonymise ? "removal.done_anonymise" : "removal.done_erase")
    }

    static func remove(_ req: Request, _ reader: Reader, _ kind: RemovalKind, _ reason: RemovalReason, user: CurrentUser) async throws {
        let entry = AuditEntry(
            kind == .anonymise ? .anonymise : .erase, "reader", reader.id, userID: user.id, channel: req.auditChannel, route: req.auditRoute)
        let scans = try await ReaderRemoval.apply(reader, kind: kind, reason: reason, today: req.today, audit: entry, on: req.db)
        ConsentScan.removeFiles(scans, app: req.application)
    }

    /// The form with each of its fields sent once: a field sent twice (`kind=anonymise&kind=erase`)
    /// would be read as its last value, which is not what the page being confirmed said.
    static func decodeOnce(_ req: Request) throws -> RemovalForm {
        var seen: [String: Int] = [:]
        for pair in (req.body.string ?? "").split(separator: "&") {
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            seen[name.removingPercentEncoding ?? name, default: 0] += 1
        }
        var errors = FieldErrors()
        for field in ["kind", "reason", "confirm"] where (seen[field] ?? 0) > 1 { errors.add(field, "validation.choice") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return try req.content.decode(RemovalForm.self)
    }

    // MARK: removal, through the API

    struct RemovalPayload: Content {
        var reason: String?
    }

    /// What the API answers after a removal: the row's id and what became of it.
    struct RemovalResult: Content {
        var id: UUID
        var removed_as: String
        var removed_on: String
        var removal_reason: String
    }

    func anonymiseAPI(req: Request) async throws -> RemovalResult {
        try await apiRemove(req, .anonymise)
    }

    func eraseAPI(req: Request) async throws -> RemovalResult {
        try await apiRemove(req, .erase)
    }

    /// The reason comes in the JSON body, or for DELETE (whose body some clients drop) in the query.
    private func apiRemove(_ req: Request, _ kind: RemovalKind) async throws -> RemovalResult {
        let (reader, user) = try await req.loadReader()
        let body = req.body.data.map { $0.readableBytes > 0 } ?? false
        let payload = body ? try req.content.decode(RemovalPayload.self, using: JSONDecoder()) : RemovalPayload()
        let reason = payload.reason ?? req.query[String.self, at: "reason"]
        let (_, checked) = try await ReaderRemoval.check(reader, kind: kind.rawValue, reason: reason, on: req.db)
        try await Self.remove(req, reader, kind, checked, user: user)
        return RemovalResult(id: reader.id!, removed_as: kind.stored, removed_on: req.today.iso, removal_reason: checked.rawValue)
    }
}
