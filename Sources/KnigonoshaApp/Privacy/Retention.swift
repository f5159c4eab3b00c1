import Fluent
import SQLKit
import ServiceLifecycle
import Vapor

/// How long a reader's data is kept after their service ends (law 94-V: data are destroyed once
/// their purpose is reached). Off until an administrator sets a number of months.
struct RetentionSettings: Sendable, Equatable {
    static let key = "retention_months"
    static let staffKey = "staff_retention_months"
    static let lastRunKey = "retention_last_run"
    static let maxMonths = 120

    /// nil: keep until someone anonymises by hand.
    var months: Int?
    /// Months after an account's deactivation that its holder's name and e-mail are kept (issue
    /// 16, §6); nil: until an administrator anonymises it.
    var staffMonths: Int?

    static func load(on db: any Database) async throws -> RetentionSettings {
        func months(_ key: String) async throws -> Int? {
            let raw = try await LibrarySetting.find(key, on: db)?.value
            return raw.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        }
        return RetentionSettings(months: try await months(key), staffMonths: try await months(staffKey))
    }

    func save(on db: any Database) async throws {
        try await LibrarySetting.put(Self.key, String(months ?? 0), on: db)
        try await LibrarySetting.put(Self.staffKey, String(staffMonths ?? 0), on: db)
    }
}

/// The daily retention pass: readers whose service ended `months` ago are anonymised, each with
/// its audit entry; one with a book still out or a visit still open waits and is listed.
enum Retention {
    struct Due: Sendable {
        let reader: Reader
        let dueOn: LocalDate
        let blockers: FieldErrors
    }

    /// The same day `months` later (or earlier), the last of the month when it has fewer days.
    static func shift(_ d: LocalDate, months: Int) -> LocalDate {
        let total = d.year * 12 + (d.month - 1) + months
        let (year, month) = (total / 12, total % 12 + 1)
        return LocalDate(year: year, month: month, day: min(d.day, LocalDate.daysIn(month: month, year: year)))
    }

    /// Ended readers not yet anonymised whose day comes by `through`, with what stands in the way.
    static func due(months: Int, through day: LocalDate, branch: UUID? = nil, on db: any Database) async throws -> [Due] {
        let query = Reader.query(on: db).filter(\.$status == ReaderStatus.ended.rawValue).filter(\.$removedAs == nil)
            .filter(\.$endedOn != nil).filter(\.$endedOn <= shift(day, months: -months).iso).sort(\.$endedOn)
        if let branch { query.filter(\.$branch.$id == branch) }
        var out: [Due] = []
        for reader in try await query.all() {
            guard let ended = reader.endedOn.flatMap(LocalDate.init) else { continue }
            out.append(Due(reader: reader, dueOn: shift(ended, months: months), blockers: try await ReaderRemoval.blockers(reader, on: db)))
        }
        return out
    }

    /// Anonymises every reader due today that nothing holds back; returns how many were, and how
    /// many wait. Only counts reach the log.
    @discardableResult
    /// `scans` is the folder of consent scans, whose files go with the anonymisation.
    static func run(today: LocalDate, scans: String? = nil, on db: any Database, logger: Logger) async throws -> (anonymised: Int, waiting: Int) {
        let settings = try await RetentionSettings.load(on: db)
        if let staff = settings.staffMonths { try await runForStaff(months: staff, today: today, on: db, logger: logger) }
        guard let months = settings.months else { return (0, 0) }
        var (done, waiting) = (0, 0)
        for due in try await due(months: months, through: today, on: db) {
            guard due.blockers.isEmpty else {
                waiting += 1
                continue
            }
            let entry = AuditEntry(.anonymise, "reader", due.reader.id, userID: nil, channel: "job", route: "retention")
            do {
                let files = try await ReaderRemoval.apply(due.reader, kind: .anonymise, reason: .retention, today: today, audit: entry, on: db)
                if let scans { ConsentScan.removeFiles(files, directory: scans) }
                done += 1
            } catch AppError.validation {
                waiting += 1  // a loan issued since the list was read
            }
        }
        logger.notice("retention pass", metadata: ["anonymised": "\(done)", "waiting": "\(waiting)", "months": "\(months)"])
        return (done, waiting)
    }

    /// Anonymises the accounts deactivated `months` ago; returns how many.
    @discardableResult
    static func runForStaff(months: Int, today: LocalDate, on db: any Database, logger: Logger) async throws -> Int {
        var done = 0
        for (user, _) in try await AccountRemoval.due(months: months, through: today, on: db) {
            let entry = AuditEntry(.accountAnonymise, "user", user.id, userID: nil, channel: "job", route: "retention")
            do {
                try await AccountRemoval.apply(user, today: today, audit: entry, on: db)
                done += 1
            } catch AppError.validation {
                continue  // reactivated or anonymised since the list was read
            }
        }
        logger.notice("staff retention pass", metadata: ["anonymised": "\(done)", "months": "\(months)"])
        return done
    }

    /// Runs the pass once a day across all instances: the day is claimed with a conditional
    /// UPDATE of one settings row, so of several instances exactly one runs it.
    static func runIfDue(today: LocalDate, scans: String? = nil, on db: any Database, logger: Logger) async throws -> Bool {
        if try await LibrarySetting.find(RetentionSettings.lastRunKey, on: db) == nil {
            // Two instances may both insert the first time; the loser's key clash is harmless.
            try? await LibrarySetting(key: RetentionSettings.lastRunKey, value: "").create(on: db)
        }
        let claimed = try await db.sqlDatabase().update(LibrarySetting.schema).set("value", to: today.iso)
            .where("key", .equal, RetentionSettings.lastRunKey).where("value", .lessThan, today.iso).returning("key").all()
        guard !claimed.isEmpty else { return false }
        try await run(today: today, scans: scans, on: db, logger: logger)
        return true
    }
}

/// Checks hourly whether today's retention pass has run, as a swift-service-lifecycle `Service`
/// beside the import runner.
struct RetentionService: Service {
    let app: Application
    var every: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await Retention.runIfDue(
                    today: LocalDate.today(in: app.config.timeZone), scans: app.config.attachmentDirectory, on: app.db, logger: app.logger)
            } catch {
                app.logger.error("retention pass failed", metadata: ["type": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
        }
    }
}
