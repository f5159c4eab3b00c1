import Fluent
import Vapor

/// The readers' loan history from the library system: the page under «Читатели», and
/// `POST /api/v1/readers/history` with the file as the body.
struct HistoryController {
    func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteRoute.readersHistory.pattern, use: form)
        web.on(.POST, SiteRoute.readersHistory.pattern, body: .stream, use: upload)
        api.on(.POST, "readers", "history", body: .stream, use: apiUpload)
    }

    struct OutcomeDTO: Content {
        struct Problem: Content {
            var row: Int
            var code: String
            var value: String
        }
        var rows: Int
        var stored: Int
        var already_stored: Int
        var readers: Int
        /// The first thousand rows not stored; `not_stored_total` counts them all.
        var not_stored: [Problem]
        var not_stored_total: Int
    }

    func form(req: Request) async throws -> Response {
        HistoryView.page(req.page, outcome: nil, errors: FieldErrors())
    }

    func upload(req: Request) async throws -> Response {
        let form = try await StreamedUpload.read(
            req, fileField: "file", maxFileBytes: UploadedTable.maxBytes, hardLimit: UploadedTable.maxBytes + 1024 * 1024,
            directory: ImportJobs.uploadDirectory(req.application))
        defer { form.discard() }
        try req.checkStreamedCSRF(form)
        var errors = FieldErrors()
        if form.fileTooLarge {
            errors.add("file", "import.too_large", ["max": String(UploadedTable.maxBytes / 1024 / 1024)])
        } else if form.fileSize == 0 {
            // A chosen file that is empty is not «choose a file».
            errors.add("file", (form.fileName ?? "").isEmpty ? "import.file_required" : "history_failure.empty")
        }
        guard errors.isEmpty, let path = form.filePath else {
            return HistoryView.page(req.page, outcome: nil, errors: errors, status: .unprocessableEntity)
        }
        let outcome = try await run(req, path: path)
        if let failure = outcome.failure {
            errors.add("file", "history_failure." + failure)
            return HistoryView.page(req.page, outcome: nil, errors: errors, status: .unprocessableEntity)
        }
        return HistoryView.page(req.page, outcome: outcome, errors: errors)
    }

    func apiUpload(req: Request) async throws -> OutcomeDTO {
        let upload = try await StreamedUpload.readRaw(
            req, maxBytes: UploadedTable.maxBytes, hardLimit: UploadedTable.maxBytes, directory: ImportJobs.uploadDirectory(req.application))
        defer { upload.discard() }
        var errors = FieldErrors()
        guard upload.fileSize > 0, let path = upload.filePath else {
            errors.add("body", "import.file_required")
            throw AppError.validation(errors)
        }
        let outcome = try await run(req, path: path)
        if let failure = outcome.failure {
            errors.add("body", "history_failure." + failure)
            throw AppError.validation(errors)
        }
        return OutcomeDTO(
            rows: outcome.read, stored: outcome.stored, already_stored: outcome.known, readers: outcome.readers,
            not_stored: outcome.problems.prefix(1000).map { .init(row: $0.row, code: $0.code, value: $0.value) },
            not_stored_total: outcome.problems.count)
    }

    private func run(_ req: Request, path: String) async throws -> HistoryImport.Outcome {
        let user = try req.currentUser()
        let today = req.today
        // Reading and parsing a file of hundreds of thousands of rows is CPU work: on the thread
        // pool, so that the event loop goes on serving everyone else.
        let file = try await req.application.threadPool.runIfActive {
            HistoryFile(data: try Data(contentsOf: URL(fileURLWithPath: path)), today: today)
        }
        // A coordinator adds history to the readers of their own branch only.
        let outcome = try await HistoryImport.run(file, branchID: user.isAdmin ? nil : (user.branchID ?? UUID()), on: req.db)
        if outcome.stored > 0 { try await req.audit(.update, "reading_history") }
        return outcome
    }
}
