import Fluent
import Vapor

/// The coordinator's upload page: the file is stored, and a background job imports it.
struct ImportController {
    struct StatusDTO: Content {
        var status: String
        var status_label: String
        var percent: Int
        var imported: Int
        var updated: Int
        var skipped: Int
        var message: String?
    }

    static let maxUpload = 64 * 1024 * 1024

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.catalogImport.pattern, use: form)
        // The file streams to disk as it arrives (StreamedUpload): memory holds one chunk at a time.
        routes.on(.POST, SiteRoute.catalogImport.pattern, body: .stream, use: upload)
        routes.get(SiteRoute.catalogImportJob(SiteRoute.anyID).pattern, use: job)
        routes.get(SiteRoute.catalogImportJob(SiteRoute.anyID).pattern + ["status"], use: status)
        routes.post(SiteRoute.catalogImportCancel(SiteRoute.anyID).pattern, use: cancel)
        routes.get(SiteRoute.catalogSync(SiteRoute.anyID).pattern, use: sync)
    }

    func form(req: Request) async throws -> Response {
        let jobs = try await ImportJob.query(on: req.db).sort(\.$createdAt, .descending).limit(20).all()
        return ImportView.form(req.page, jobs: jobs, syncs: try await recentSyncs(req), errors: FieldErrors())
    }

    private func recentSyncs(_ req: Request) async throws -> [CatalogSync] {
        try await CatalogSync.query(on: req.db).sort(\.$startedAt, .descending).limit(10).all()
    }

    /// One `catalog sync` run's report.
    func sync(req: Request) async throws -> Response {
        guard let sync = try await CatalogSync.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return SyncView.page(req.page, sync: sync)
    }

    func upload(req: Request) async throws -> Response {
        let form = try await StreamedUpload.read(
            req, fileField: "file", maxFileBytes: Self.maxUpload, hardLimit: Self.maxUpload + 1024 * 1024,
            directory: ImportJobs.uploadDirectory(req.application))
        try req.checkStreamedCSRF(form)
        var (options, errors) = ImportOptions.parse(syntax: form.fields["syntax"], flavor: form.fields["flavor"], encoding: form.fields["encoding"])
        if form.fileTooLarge {
            errors.add("file", "import.too_large", ["max": String(Self.maxUpload / 1024 / 1024)])
        } else if form.fileSize == 0 {
            errors.add("file", "import.file_required")
        }
        guard errors.isEmpty, let path = form.filePath else {
            form.discard()
            return try await rerender(req, errors)
        }
        let fileName = form.fileName ?? ""
        if options.syntax == nil && fileName.lowercased().hasSuffix(".csv") { options.syntax = .csv }
        let job = try await ImportJobs.enqueue(
            fileAt: path, size: form.fileSize, fileName: FileNames.clean(fileName), options: options, userID: try req.currentUser().id, on: req
        )
        let id = job.id!
        return req.seeOther(.catalogImportJob(id), flash: "import.queued")
    }

    func job(req: Request) async throws -> Response {
        guard let job = try await ImportJob.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        // Records and copies apart: a thousand changed copies must not hide the skipped records.
        let records = try await ImportIssue.query(on: req.db).filter(\.$job.$id == job.id!).group(.or) {
            $0.filter(\.$kind == nil).filter(\.$kind != ImportIssue.copyKind)
        }.sort(\.$recordNumber).limit(1000).all()
        let copies = try await ImportIssue.query(on: req.db).filter(\.$job.$id == job.id!).filter(\.$kind == ImportIssue.copyKind).limit(1000).all()
        let issues = records + copies
        return ImportView.job(req.page, job: job, issues: issues)
    }

    /// The job page's "Cancel the import" button.
    func cancel(req: Request) async throws -> Response {
        guard let job = try await ImportJobs.cancel(req.idParameter(), on: req.db) else { throw AppError.notFound }
        let cancelled = job.status == ImportStatus.cancelled.rawValue
        return req.seeOther(.catalogImportJob(job.id!), flash: cancelled ? "import.cancelled_flash" : "import.already_finished")
    }

    /// The page's script polls this while the job runs; without script, reloading shows the same.
    func status(req: Request) async throws -> StatusDTO {
        guard let job = try await ImportJob.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return StatusDTO(
            status: job.status, status_label: req.t("import_status." + job.status), percent: ImportView.percent(job), imported: job.imported,
            updated: job.updated, skipped: job.skipped, message: job.messageText { req.t($0) }
        )
    }

    private func rerender(_ req: Request, _ errors: FieldErrors) async throws -> Response {
        let jobs = try await ImportJob.query(on: req.db).sort(\.$createdAt, .descending).limit(20).all()
        return ImportView.form(req.page, jobs: jobs, syncs: try await recentSyncs(req), errors: errors, status: .unprocessableEntity)
    }
}
