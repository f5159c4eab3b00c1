import Fluent
import Vapor

/// `GET /api/v1/catalog/syncs` and `/catalog/syncs/{id}`: the nightly `catalog sync` runs and their
/// reports, for a script that watches them as the import page's table shows them to people.
struct CatalogSyncAPI {
    struct CountsDTO: Content {
        var records_new: Int
        var records_reread: Int
        var skipped: Int
        var copies_new: Int
        var changed: Int
        var withdrawn: Int
        var conflicts: Int
    }

    struct SyncDTO: Content {
        var id: UUID
        var started_at: Date
        var finished_at: Date?
        var file_name: String
        var sha256: String
        var outcome: String
        var summary: String
        var counts: CountsDTO?
        /// Why copies missing from the export were not withdrawn (`outcome` is `held`).
        var held: WithdrawalHeld?
        /// Every change, conflicts first; only on `/catalog/syncs/{id}`.
        var entries: [SyncReport.Entry]?
    }

    struct SyncList: Content {
        var items: [SyncDTO]
    }

    func register(_ catalog: any RoutesBuilder) {
        catalog.get("syncs", use: list)
        catalog.get("syncs", ":id", use: one)
    }

    func list(req: Request) async throws -> SyncList {
        let syncs = try await CatalogSync.query(on: req.db).sort(\.$startedAt, .descending).limit(50).all()
        return SyncList(items: syncs.map { Self.dto($0, entries: false) })
    }

    func one(req: Request) async throws -> SyncDTO {
        guard let sync = try await CatalogSync.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        return Self.dto(sync, entries: true)
    }

    static func dto(_ s: CatalogSync, entries: Bool) -> SyncDTO {
        // A report that cannot be read (a run that failed before writing one) is reported as none.
        let report = try? JSONDecoder().decode(SyncReport.self, from: Data(s.report.utf8))
        let c = report?.counts
        return SyncDTO(
            id: s.id!, started_at: s.startedAt, finished_at: s.finishedAt, file_name: s.fileName, sha256: s.sha256, outcome: s.outcome,
            summary: s.summary,
            counts: c.map {
                CountsDTO(
                    records_new: $0.recordsNew, records_reread: $0.recordsReread, skipped: $0.skipped, copies_new: $0.copiesNew,
                    changed: $0.changed, withdrawn: $0.withdrawn, conflicts: $0.conflicts)
            }, held: report?.held, entries: entries ? (report?.entries ?? []) : nil)
    }
}

/// The OpenAPI paths and schemas of `CatalogSyncAPI`.
enum CatalogSyncOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        [
            "/catalog/syncs": [
                "get": [
                    "operationId": "listCatalogSyncs",
                    "summary": "The last 50 `knigonosha catalog sync` runs, newest first, with their counts (no entries)",
                    "responses": D.responses(("200", D.ok(D.ref("CatalogSyncList"))), ["401", "403"]),
                ]
            ],
            "/catalog/syncs/{id}": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "getCatalogSync",
                    "summary": "One sync run with its report: counts, why withdrawal was held, and every change, conflicts first",
                    "responses": D.responses(("200", D.ok(D.ref("CatalogSync"))), ["401", "403", "404"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let count: JSONValue = ["type": "integer", "minimum": 0]
        let text: JSONValue = ["type": "string"]
        let entry: JSONValue = [
            "type": "object", "required": ["kind", "copy"],
            "properties": [
                "kind": ["type": "string", "enum": ["conflict", "moved", "changed", "withdrawn", "unknown", "unmatched", "skipped"]],
                "copy": text, "from": text, "to": text,
            ],
        ]
        return [
            "CatalogSync": [
                "type": "object", "required": ["id", "started_at", "file_name", "sha256", "outcome", "summary"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "started_at": ["type": "string", "format": "date-time"],
                    "finished_at": ["type": "string", "format": "date-time"], "file_name": text, "sha256": text,
                    "outcome": ["type": "string", "enum": ["done", "held", "failed"]], "summary": text,
                    "counts": [
                        "type": "object",
                        "required": ["records_new", "records_reread", "skipped", "copies_new", "changed", "withdrawn", "conflicts"],
                        "properties": [
                            "records_new": count, "records_reread": count, "skipped": count, "copies_new": count, "changed": count,
                            "withdrawn": count, "conflicts": count,
                        ],
                    ],
                    "held": [
                        "type": "object", "required": ["reason", "absent", "of"],
                        "properties": ["reason": ["type": "string", "enum": ["unreadable", "too_many"]], "absent": count, "of": count],
                    ],
                    "entries": ["type": "array", "items": entry],
                ],
            ],
            "CatalogSyncList": [
                "type": "object", "required": ["items"], "properties": ["items": ["type": "array", "items": D.ref("CatalogSync")]],
            ],
        ]
    }
}
