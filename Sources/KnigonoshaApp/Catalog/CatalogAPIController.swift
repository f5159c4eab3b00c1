import Fluent
import Vapor

/// `/api/v1/catalog`: search, records, export and imports.
struct CatalogAPIController {
    struct CopyDTO: Content {
        var id: UUID
        var inventory_number: String
        var barcode: String?
        var branch_id: UUID?
        var shelf_mark: String?
        var status: String
    }

    struct ContributorDTO: Content {
        var name: String
        var role: String
    }

    struct BibDTO: Content {
        var id: Int
        var title: String
        var subtitle: String?
        var contributors: [ContributorDTO]
        var edition: String?
        var year: Int?
        var publisher: String?
        var place: String?
        var isbns: [String]
        var issns: [String]
        var languages: [String]
        var subjects: [String]
        var genres: [String]
        var series: String?
        var series_number: String?
        var physical: String?
        var summary: String?
        var audience: String?
        var format: String
        var copies: [CopyDTO]?

        init(_ b: BibRecord, copies: [Copy]? = nil) {
            id = b.id!
            title = b.title
            subtitle = b.subtitle
            contributors = b.contributorList.map { ContributorDTO(name: $0.name, role: $0.role) }
            edition = b.edition
            year = b.year
            publisher = b.publisher
            place = b.place
            isbns = b.isbns.split(separator: " ").map(String.init)
            issns = b.issns.split(separator: " ").map(String.init)
            languages = b.languageCodes
            subjects = b.subjectList
            genres = b.genreList
            series = b.series
            series_number = b.seriesNumber
            physical = b.physical
            summary = b.summary
            audience = b.audience
            format = b.form
            self.copies = copies?.map {
                CopyDTO(
                    id: $0.id!, inventory_number: $0.inventoryNumber, barcode: $0.barcode, branch_id: $0.$branch.id, shelf_mark: $0.shelfMark,
                    status: $0.status)
            }
        }
    }

    struct BibPage: Content {
        var items: [BibDTO]
        var total: Int
        var page: Int
        var per_page: Int
    }

    struct JobDTO: Content {
        var id: UUID
        var file_name: String
        var status: String
        var total_bytes: Int
        var processed_bytes: Int
        var imported: Int
        var updated: Int
        var skipped: Int
        var message: String?
        var issues: [IssueDTO]?
        var repairs: [RepairDTO]?
    }

    /// A skipped record: `code` names the reason (MARCError) where the reader gave one.
    struct IssueDTO: Content {
        var record_number: Int
        var reason: String
        var code: String?
    }

    /// A record imported after repairs, with what was repaired (MARCWarning kinds).
    struct RepairDTO: Content {
        var record_number: Int
        var kinds: [String]
    }

    func register(_ routes: any RoutesBuilder) {
        let catalog = routes.grouped("catalog")
        catalog.get(use: search)
        catalog.get("export", use: export)
        catalog.get(":id", use: record)
        catalog.post(":id", "copies", use: addCopy)
        catalog.on(.POST, "imports", body: .stream, use: startImport)
        catalog.get("imports", ":id", use: job)
        catalog.post("imports", ":id", "cancel", use: cancel)
        CatalogSyncAPI().register(catalog)
    }

    func search(req: Request) async throws -> BibPage {
        let query = try req.query.decode(CatalogQuery.self)
        let problems = query.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let (records, total) = try await CatalogSearch.run(query, on: req.db)
        return BibPage(items: records.map { BibDTO($0) }, total: total, page: query.pageNumber, per_page: query.perPage)
    }

    func record(req: Request) async throws -> BibDTO {
        guard let bib = try await BibRecord.find(req.intParameter(), on: req.db) else { throw AppError.notFound }
        let copies = try await Copy.query(on: req.db).filter(\.$bib.$id == bib.id!).sort(\.$inventoryNumber).all()
        return BibDTO(bib, copies: copies)
    }

    func addCopy(req: Request) async throws -> Response {
        guard let bib = try await BibRecord.find(req.intParameter(), on: req.db) else { throw AppError.notFound }
        let payload = try req.content.decode(CopyPayload.self, using: JSONDecoder())
        let (copy, errors) = try await CopyService.add(payload, to: bib, user: try req.currentUser(), today: req.today, on: req.db)
        guard let copy else { throw AppError.validation(errors) }
        let response = Response(status: .created)
        try response.content.encode(
            CopyDTO(
                id: copy.id!, inventory_number: copy.inventoryNumber, barcode: copy.barcode, branch_id: copy.$branch.id,
                shelf_mark: copy.shelfMark, status: copy.status
            ),
            as: .json
        )
        return response
    }

    func export(req: Request) async throws -> Response {
        let format = req.query[String.self, at: "format"] ?? "marc21"
        var errors = try req.query.decode(CatalogQuery.self).problems()
        if format != "marc21" && format != "marcxml" { errors.add("format", "validation.choice") }
        if let ids = req.query[String.self, at: "ids"],
            ids.isEmpty || !ids.split(separator: ",", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
        {
            errors.add("ids", "validation.choice")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return try await CatalogController().export(req: req)
    }

    /// The file is the request body; `syntax`, `flavor` and `encoding` may be given in the query.
    func startImport(req: Request) async throws -> Response {
        var (options, errors) = ImportOptions.parse(
            syntax: req.query[String.self, at: "syntax"], flavor: req.query[String.self, at: "flavor"],
            encoding: req.query[String.self, at: "encoding"], emptyMeansDetect: false
        )
        let name = req.query[String.self, at: "name"] ?? "api-upload"
        if name.unicodeScalars.count > 200 || name.isEmpty {  // code points, as JSON Schema counts maxLength
            errors.add("name", "validation.too_long", ["max": "200"])
        } else if name.unicodeScalars.contains(where: FileNames.refused) || name.contains(where: { $0 == "/" || $0 == "\\" }) {
            errors.add("name", "validation.control_chars")
        }
        // The body is the file itself. A form or JSON would be stored as if it were the catalogue
        // and then fail record by record; it is refused at once instead.
        // Media types are case-insensitive. A urlencoded type is let through: it is what curl's
        // --data-binary sends by default, with the file's bytes as they are.
        if let type = req.headers.contentType,
            type.type.lowercased() == "multipart" || type.subType.lowercased() == "json" || type.subType.lowercased().hasSuffix("+json")
        {
            errors.add("body", "import.raw_body_expected")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        // The body streams to disk; past the limit the request is refused with 413.
        let upload = try await StreamedUpload.readRaw(
            req, maxBytes: ImportController.maxUpload, hardLimit: ImportController.maxUpload,
            directory: ImportJobs.uploadDirectory(req.application))
        guard upload.fileSize > 0, let path = upload.filePath else {
            upload.discard()
            errors.add("body", "import.file_required")
            throw AppError.validation(errors)
        }
        if options.syntax == nil && name.lowercased().hasSuffix(".csv") { options.syntax = .csv }
        let job = try await ImportJobs.enqueue(
            fileAt: path, size: upload.fileSize, fileName: name, options: options, userID: try req.currentUser().id, on: req)
        let response = Response(status: .accepted)
        try response.content.encode(Self.dto(job, issues: nil), as: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/catalog/imports/\(job.id!.uuidString.lowercased())")
        return response
    }

    func job(req: Request) async throws -> JobDTO {
        guard let job = try await ImportJob.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        let issues = try await ImportIssue.query(on: req.db).filter(\.$job.$id == job.id!).sort(\.$recordNumber).all()
        return Self.dto(job, issues: issues) { req.t($0) }
    }

    func cancel(req: Request) async throws -> JobDTO {
        guard let job = try await ImportJobs.cancel(req.idParameter(), on: req.db) else { throw AppError.notFound }
        guard job.status == ImportStatus.cancelled.rawValue else { throw AppError.conflict(Message("import.already_finished")) }
        return Self.dto(job, issues: nil) { req.t($0) }
    }

    static func dto(_ job: ImportJob, issues: [ImportIssue]?, t: (String) -> String = { $0 }) -> JobDTO {
        JobDTO(
            id: job.id!, file_name: job.fileName, status: job.status, total_bytes: job.totalBytes, processed_bytes: job.processedBytes,
            imported: job.imported, updated: job.updated, skipped: job.skipped, message: job.messageText(t),
            issues: issues?.filter { !$0.isRepair }.map { IssueDTO(record_number: $0.recordNumber, reason: $0.reason, code: $0.code) },
            repairs: issues?.filter(\.isRepair).map {
                RepairDTO(record_number: $0.recordNumber, kinds: ($0.code ?? "").split(separator: ",").map(String.init))
            }
        )
    }
}
