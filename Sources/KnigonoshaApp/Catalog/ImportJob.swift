import Fluent
import Vapor

/// A catalogue import that runs in the background; its progress lives in the database so any
/// app instance can show it.
final class ImportJob: Model, @unchecked Sendable {
    static let schema = "import_jobs"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalParent(key: "created_by") var createdBy: User?
    @Field(key: "file_name") var fileName: String
    @Field(key: "stored_path") var storedPath: String
    /// «marc» or «csv».
    @Field(key: "kind") var kind: String
    /// Overrides: syntax, flavour and encoding, as «key=value» pairs separated by «;».
    @Field(key: "options") var options: String
    @Field(key: "status") var status: String
    @Field(key: "total_bytes") var totalBytes: Int
    @Field(key: "processed_bytes") var processedBytes: Int
    @Field(key: "imported") var imported: Int
    @Field(key: "updated") var updated: Int
    @Field(key: "skipped") var skipped: Int
    @OptionalField(key: "message") var message: String?
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?
    /// Renewed while the job runs; a running job whose heartbeat is older than the lease is free.
    @OptionalField(key: "heartbeat_at") var heartbeatAt: Date?
    /// How many times a runner has taken the job up.
    @Field(key: "attempts") var attempts: Int

    /// The job's message in the reader's language: our own are catalog keys; a file's own
    /// complaint (an unreadable MARCXML, say) is technical detail and shown as it is.
    func messageText(_ t: (String) -> String) -> String? {
        guard let message else { return nil }
        // "import.unreadable: <the reader's own words>": ours translated, the detail as it is.
        if message.hasPrefix("import.unreadable: ") { return t("import.unreadable") + " (" + message.dropFirst(19) + ")" }
        return message.hasPrefix("import.") ? t(message) : message
    }

    init() {}
}

/// A record an import skipped, with its number in the file and the reason.
final class ImportIssue: Model, @unchecked Sendable {
    static let schema = "import_issues"

    @ID(key: .id) var id: UUID?
    @Parent(key: "job_id") var job: ImportJob
    @Field(key: "record_number") var recordNumber: Int
    @Field(key: "reason") var reason: String
    /// MARCError code of a skipped record, or MARCWarning kinds (comma-separated) of a repaired one.
    @OptionalField(key: "code") var code: String?
    /// "skipped" (nil in rows from before M051), "repaired" or "copy".
    @OptionalField(key: "kind") var kind: String?

    init() {}

    init(jobID: UUID, recordNumber: Int, reason: String, code: String? = nil, kind: String = "skipped") {
        self.$job.id = jobID
        self.recordNumber = recordNumber
        self.reason = reason
        self.code = code
        self.kind = kind
    }

    var isRepair: Bool { kind == "repaired" }
    /// A copy the import changed or found in conflict (issue 14, §3): `reason` holds its inventory
    /// number and `code` «kind|from|to» of a `SyncReport.Entry`.
    static let copyKind = "copy"
    var isCopy: Bool { kind == Self.copyKind }
}

enum ImportStatus: String, LabeledCode {
    case queued, running, done, failed, cancelled
    /// A job in one of these states will not run again.
    var isFinal: Bool { self == .done || self == .failed || self == .cancelled }
    static let labelPrefix = "import_status"
}
