import Fluent
import Vapor

/// Readers from the library system: the page under «Читатели», and `POST /api/v1/readers/import`
/// with the file as the body and the options in the query.
struct ReaderImportController {
    func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteRoute.readersImport.pattern, use: form)
        web.on(.POST, SiteRoute.readersImport.pattern, body: .stream, use: upload)
        api.on(.POST, "readers", "import", body: .stream, use: apiUpload)
    }

    /// What the page's form sent back, to show it again as it was.
    struct Choices {
        var branchID = ""
        var settlement = ""
        var updateExisting = false
    }

    func form(req: Request) async throws -> Response {
        let user = try req.currentUser()
        return ReaderImportView.page(
            req.page, branches: try await ReadersController.visibleBranches(req, user), choices: Choices(branchID: user.branchID?.uuidString ?? ""),
            outcome: nil,
            errors: FieldErrors())
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try await StreamedUpload.read(
            req, fileField: "file", maxFileBytes: UploadedTable.maxBytes, hardLimit: UploadedTable.maxBytes + 1024 * 1024,
            directory: ImportJobs.uploadDirectory(req.application))
        defer { form.discard() }
        try req.checkStreamedCSRF(form)
        let choices = Choices(
            branchID: form.fields["branch_id"] ?? "", settlement: form.fields["settlement"] ?? "",
            updateExisting: form.fields["update_existing"] == "on")
        var errors = FieldErrors()
        let options = self.options(branch: choices.branchID, settlement: choices.settlement, update: choices.updateExisting, user, &errors)
        if form.fileTooLarge {
            errors.add("file", "import.too_large", ["max": String(UploadedTable.maxBytes / 1024 / 1024)])
        } else if form.fileSize == 0 {
            errors.add("file", (form.fileName ?? "").isEmpty ? "import.file_required" : "reader_import_failure.empty")
        }
        let branches = try await ReadersController.visibleBranches(req, user)
        guard errors.isEmpty, let path = form.filePath else {
            return ReaderImportView.page(req.page, branches: branches, choices: choices, outcome: nil, errors: errors, status: .unprocessableEntity)
        }
        let outcome = try await run(req, path: path, options: options, user: user)
        if let failure = outcome.failure {
            errors.add("file", "reader_import_failure." + failure, ["max": String(ReaderImport.maxRows)])
        }
        let status: HTTPResponseStatus = outcome.stored ? .ok : .unprocessableEntity
        return ReaderImportView.page(
            req.page, branches: branches, choices: choices, outcome: outcome.failure == nil ? outcome : nil, errors: errors, status: status)
    }

    func apiUpload(req: Request) async throws -> ReaderImportDTO {
        let user = try req.currentUser()
        var errors = FieldErrors()
        let options = self.options(
            branch: req.query[String.self, at: "branch_id"] ?? "", settlement: req.query[String.self, at: "settlement"] ?? "",
            update: Self.flag(req.query[String.self, at: "update_existing"], "update_existing", &errors), user, &errors)
        let upload = try await StreamedUpload.readRaw(
            req, maxBytes: UploadedTable.maxBytes, hardLimit: UploadedTable.maxBytes, directory: ImportJobs.uploadDirectory(req.application))
        defer { upload.discard() }
        if upload.fileSize == 0 { errors.add("body", "import.file_required") }
        guard errors.isEmpty, let path = upload.filePath else { throw AppError.validation(errors) }
        let outcome = try await run(req, path: path, options: options, user: user)
        if let failure = outcome.failure {
            errors.add("body", "reader_import_failure." + failure, ["max": String(ReaderImport.maxRows)])
            throw AppError.validation(errors)
        }
        guard outcome.stored else {
            // One entry a failing cell, named as the row and the field: `rows[3].family_name`.
            for p in outcome.problems.prefix(1000) { errors.add("rows[\(p.row)].\(p.field)", p.message.key, p.message.args) }
            if outcome.problems.count > 1000 {
                errors.add("body", "reader_import.more_problems", ["count": String(outcome.problems.count - 1000)])
            }
            throw AppError.validation(errors)
        }
        return ReaderImportDTO(outcome)
    }

    /// `true`/`false` as the document says, and the spellings scripts use for them; anything else
    /// is a field error rather than a quiet «no».
    static func flag(_ raw: String?, _ field: String, _ e: inout FieldErrors) -> Bool {
        switch raw?.lowercased() {
        case nil, "", "false", "0", "no", "off": return false
        case "true", "1", "yes", "on": return true
        default:
            e.add(field, "validation.choice")
            return false
        }
    }

    private func options(branch: String, settlement: String, update: Bool, _ user: CurrentUser, _ e: inout FieldErrors) -> ReaderImport.Options {
        var options = ReaderImport.Options(updateExisting: update)
        let trimmed = branch.trimmingCharacters(in: .whitespaces)
        // A coordinator's readers are their branch's: the default when none is chosen.
        if trimmed.isEmpty && !user.isAdmin { options.branchID = user.branchID }
        if !trimmed.isEmpty {
            if let id = UUID(uuidString: trimmed), user.canAccess(branchID: id) {
                options.branchID = id
            } else {
                e.add("branch_id", "validation.choice")
            }
        }
        options.settlement = e.oneLine(settlement, "settlement", max: 200)
        return options
    }

    private func run(_ req: Request, path: String, options: ReaderImport.Options, user: CurrentUser) async throws -> ReaderImport.Outcome {
        let file = try await req.application.threadPool.runIfActive { ReaderFile(data: try Data(contentsOf: URL(fileURLWithPath: path))) }
        return try await ReaderImport.run(
            file, options: options, user: user, today: req.today, channel: req.auditChannel, route: req.auditRoute, on: req.db)
    }
}

/// The API's answer when the whole file was stored.
struct ReaderImportDTO: Content {
    struct Item: Content {
        var id: UUID?
        var card_number: String
        var result: String
    }
    var rows: Int
    var created: Int
    var updated: Int
    var unchanged: Int
    var readers: [Item]

    init(_ o: ReaderImport.Outcome) {
        rows = o.rows
        created = o.count(.created)
        updated = o.count(.updated)
        unchanged = o.count(.unchanged)
        readers = o.done.map { Item(id: $0.id, card_number: $0.card, result: $0.result.rawValue) }
    }
}
