import Fluent
import MARCKit
import SQLKit
import Vapor

/// The catalogue pages: search, record, export.
struct CatalogController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.catalog.pattern, use: search)
        routes.get(SiteRoute.catalogRecord(0).pattern, use: record)
        routes.get(SiteRoute.catalogExport.pattern, use: export)
        routes.post(SiteRoute.catalogCopies(0).pattern, use: addCopy)
    }

    func search(req: Request) async throws -> Response {
        var (query, unreadable) = req.pageQuery(CatalogQuery.self, empty: CatalogQuery())
        // The words always stand; a filter that cannot be read is dropped, and the page says so.
        req.noteIgnored(fields: unreadable + query.problems().items.map(\.field), labels: CatalogQuery.labelKeys)
        query.dropProblems()
        let (records, total) = try await CatalogSearch.run(query, on: req.db)
        let available = try await CopyCounts.available(for: records.compactMap(\.id), on: req.db)
        let branches = try await Branch.query(on: req.db).sort(\.$code).all()
        return CatalogSearchView.render(req.page, query: query, records: records, total: total, available: available, branches: branches)
    }

    func record(req: Request) async throws -> Response {
        guard let bib = try await BibRecord.find(req.intParameter(), on: req.db) else { throw AppError.notFound }
        return try await renderRecord(req, bib, form: CopyPayload(), errors: FieldErrors())
    }

    func addCopy(req: Request) async throws -> Response {
        guard let bib = try await BibRecord.find(req.intParameter(), on: req.db) else { throw AppError.notFound }
        let payload = try req.content.decode(CopyPayload.self)
        let (copy, errors) = try await CopyService.add(payload, to: bib, user: try req.currentUser(), today: req.today, on: req.db)
        guard copy != nil else { return try await renderRecord(req, bib, form: payload, errors: errors, status: .unprocessableEntity) }
        return req.seeOther(SiteRoute.catalogRecord(bib.id!).path + "#copies", flash: "copy.added")
    }

    private func renderRecord(
        _ req: Request, _ bib: BibRecord, form: CopyPayload, errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let copies = try await Copy.query(on: req.db).filter(\.$bib.$id == bib.id!).with(\.$branch).sort(\.$inventoryNumber).all()
        let user = try req.currentUser()
        let branches = try await Branch.query(on: req.db).sort(\.$code).all().filter { user.canAccess(branchID: $0.id) }
        // Who had this title: readers of the account's own branches only.
        var loans = Loan.query(on: req.db).filter(\.$bib.$id == bib.id!).join(Reader.self, on: \Loan.$reader.$id == \Reader.$id)
            .with(\.$reader).with(\.$bib)
        if !user.isAdmin { loans = loans.filter(Reader.self, \.$branch.$id == (user.branchID ?? UUID())) }
        let readers = try await loans.sort(\.$issuedOn, .descending).limit(200).all()
        if !readers.isEmpty { try await req.audit(.list, "loan") }
        // The stored record gives what the columns do not keep: every series, and the 880
        // fields in the original script (issue 14, §2).
        var stored: Bibliographic?
        if case .record(_, let record, _)? = ISO2709Reader(bytes: Array(bib.marc), encoding: .utf8).next() {
            stored = BibliographicMapping.map(record)
        }
        return CatalogRecordView.render(
            req.page, bib: bib, copies: copies, branches: branches, form: form, errors: errors, status: status, readers: readers,
            stored: stored)
    }

    /// MARC 21 (ISO 2709, UTF-8) or MARCXML for a search result, or for chosen ids (`ids=1,2,3`).
    func export(req: Request) async throws -> Response {
        let format = req.query[String.self, at: "format"] ?? "marc21"
        guard format == "marc21" || format == "marcxml" else { throw AppError.badRequest(Message("error.bad_request")) }
        let records = try await Self.exportRecords(req)
        let response = Response(status: .ok)
        if format == "marcxml" {
            var text = MARCXML.header
            for bib in records {
                if let r = ISO2709Reader(bytes: Array(bib.marc)).compactMap({ if case .record(_, let r, _) = $0 { r } else { nil } }).first {
                    text += MARCXML.record(r)
                }
            }
            text += MARCXML.footer
            response.body = .init(string: text)
            response.headers.contentType = HTTPMediaType(type: "application", subType: "marcxml+xml", parameters: ["charset": "utf-8"])
            response.headers.contentDisposition = .init(.attachment, filename: "catalog.xml")
        } else {
            var bytes: [UInt8] = []
            for bib in records { bytes += bib.marc }
            response.body = .init(data: Data(bytes))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "marc")
            response.headers.contentDisposition = .init(.attachment, filename: "catalog.mrc")
        }
        return response
    }

    static let exportLimit = 10_000

    static func exportRecords(_ req: Request) async throws -> [BibRecord] {
        if let raw = req.query[String.self, at: "ids"] {
            let ids = raw.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.prefix(exportLimit)
            let found = try await BibRecord.query(on: req.db).filter(\.$id ~~ Array(ids)).all()
            let byID = Dictionary(found.map { ($0.id!, $0) }) { a, _ in a }
            return ids.compactMap { byID[$0] }
        }
        var query = req.pageQuery(CatalogQuery.self, empty: CatalogQuery()).query
        query.dropProblems()
        var all: [BibRecord] = []
        query.per_page = CatalogQuery.maxPerPage
        query.page = 1
        while all.count < exportLimit {
            let (records, total) = try await CatalogSearch.run(query, on: req.db)
            all += records
            if records.isEmpty || all.count >= total { break }
            query.page = query.pageNumber + 1
        }
        return all
    }
}

/// Available copies per record, in one grouped query.
enum CopyCounts {
    static func available(for ids: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !ids.isEmpty else { return [:] }
        let sql = try db.sql
        let rows = try await sql.select().column("bib_id").column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(Copy.schema).where(SQLIdentifier("bib_id"), .in, SQLBind.group(ids)).where("status", .equal, CopyStatus.available.rawValue)
            .groupBy("bib_id").all()
        var out: [Int: Int] = [:]
        for row in rows { out[try row.decode(column: "bib_id", as: Int.self)] = try row.decode(column: "n", as: Int.self) }
        return out
    }
}
