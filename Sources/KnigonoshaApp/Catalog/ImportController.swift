import Fluent
import Vapor

/// The coordinator's upload page: the file is stored, and a background job imports it.
struct ImportController {
    struct UploadForm: Content {
        var file: File?
        var syntax: String?
        var flavor: String?
        var encoding: String?
    }

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
        routes.on(.POST, SiteRoute.catalogImport.pattern, body: .collect(maxSize: ByteCount(value: Self.maxUpload)), use: upload)
        routes.get(SiteRoute.catalogImportJob(SiteRoute.anyID).pattern, use: job)
        routes.get(SiteRoute.catalogImportJob(SiteRoute.anyID).pattern + ["status"], use: status)
    }

    func form(req: Request) async throws -> Response {
        let jobs = try await ImportJob.query(on: req.db).sort(\.$createdAt, .descending).limit(20).all()
        return ImportView.form(req.page, jobs: jobs, errors: FieldErrors())
    }

    func upload(req: Request) async throws -> Response {
        let form = try req.content.decode(UploadForm.self)
        var (options, errors) = ImportOptions.parse(syntax: form.syntax, flavor: form.flavor, encoding: form.encoding)
        guard let file = form.file, file.data.readableBytes > 0 else {
            errors.add("file", "import.file_required")
            return try await rerender(req, errors)
        }
        guard errors.isEmpty else { return try await rerender(req, errors) }
        if options.syntax == nil && file.filename.lowercased().hasSuffix(".csv") { options.syntax = .csv }
        let job = try await ImportJobs.enqueue(
            file.data, fileName: FileNames.clean(file.filename), options: options, userID: try req.currentUser().id, on: req
        )
        let id = job.id!
        return req.seeOther(.catalogImportJob(id), flash: "import.queued")
    }

    func job(req: Request) async throws -> Response {
        guard let job = try await ImportJob.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        let issues = try await ImportIssue.query(on: req.db).filter(\.$job.$id == job.id!).sort(\.$recordNumber).limit(1000).all()
        return ImportView.job(req.page, job: job, issues: issues)
    }

    /// The page's script polls this while the job runs; without script, reloading shows the same.
    func status(req: Request) async throws -> StatusDTO {
        guard let job = try await ImportJob.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return StatusDTO(
            status: job.status, status_label: req.t("import_status." + job.status), percent: ImportView.percent(job), imported: job.imported,
            updated: job.updated, skipped: job.skipped, message: job.message
        )
    }

    private func rerender(_ req: Request, _ errors: FieldErrors) async throws -> Response {
        let jobs = try await ImportJob.query(on: req.db).sort(\.$createdAt, .descending).limit(20).all()
        return ImportView.form(req.page, jobs: jobs, errors: errors, status: .unprocessableEntity)
    }
}
