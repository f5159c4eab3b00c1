import Fluent
import Foundation

/// A run of `knigonosha catalog sync`: the export it read, identified by the hash of its content
/// so that the same export is not applied twice, and what it changed.
final class CatalogSync: Model, @unchecked Sendable {
    static let schema = "catalog_syncs"

    @ID(key: .id) var id: UUID?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    /// The file's name only, never the directory: paths say nothing staff need.
    @Field(key: "file_name") var fileName: String
    @Field(key: "sha256") var sha256: String
    /// `done`, `held` (copies that left the export were not withdrawn, see the report) or `failed`.
    @Field(key: "outcome") var outcome: String
    /// The one-line summary the command prints (English, for the server's operators).
    @Field(key: "summary") var summary: String
    /// `SyncReport` as JSON: counts, and every change, conflict and skipped record.
    @Field(key: "report") var report: String

    init() {}
}
