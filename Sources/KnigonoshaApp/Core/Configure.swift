import Fluent
import Vapor

/// Builds the whole app. The executable and the tests both call this, so tests run the real thing.
public func configure(_ app: Application, config: AppConfig, postgresSchema: String? = nil) async throws {
    app.config = config
    app.l10n = try Localizer.bundled()
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    try app.usePasswordGate(cost: config.bcryptCost)
    app.routes.defaultMaxBodySize = "1mb"
    app.http.server.configuration.serverName = nil

    try DatabaseSetup.use(
        config.database, schema: postgresSchema, sqliteQueryLogLevel: config.sqliteQueryLogLevel,
        poolSize: config.databasePoolSize, on: app)
    MigrationLock.remember(schema: postgresSchema, on: app)
    Migrations.register(on: app)

    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(metrics: app.metrics))
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(LocaleMiddleware())
    app.middleware.use(BodyLimitMiddleware())

    try AppRoutes.register(app)
}

/// Every migration, in order. Files are never edited once landed; changes come as new ones.
enum Migrations {
    /// Every migration, in the order it runs.
    static var all: [any Migration] {
        [
            M001CreateBranches(),
            M002CreateUsers(),
            M003CreateUserSessions(),
            M004CreateAPITokens(),
            M005CreateLoginAttempts(),
            M006CreateReaders(),
            M007CreateReaderPhones(),
            M008CreateReaderTags(),
            M009CreateReaderChanges(),
            M010CreateAuditLog(),
            M011IndexReaders(),
            M012CreateBibRecords(),
            M013CreateCopies(),
            M014CreateImportJobs(),
            M015CreateImportIssues(),
            M016CreateCatalogSearchIndex(),
            M017CreateVisits(),
            M018CreateVisitItems(),
            M019CreateLoans(),
            M020CreateVisitEvents(),
            M021CreateHolidays(),
            M022CreateCarrierHours(),
            M023CreateOutcomeKeys(),
            M024CreateCalendarFeeds(),
            M025CreateLibrarySettings(),
            M026AddReaderNextVisit(),
            M027IndexVisits(),
            M028IndexCopyAvailability(),
            M029AddHoldingsToSearchIndex(),
            M030CreateEvents(),
            M031IndexSeries(),
            M032CreateEventAttachments(),
            M033CreateProjects(),
            M034CreateProjectAuthors(),
            M035CreateProjectPresentations(),
            M036CreateProjectAwards(),
            M037CreateProjectIndicators(),
            M038AddEventProject(),
            M039CreateLibraryTotals(),
            M040IndexLoanDates(),
            M041SearchIndexHashSize(),
            M042AddOutcomeKeyAnswer(),
            M050AddTokenExpiry(),
            M051AddImportIssueCodes(),
            M060OneOpenLoanPerCopy(),
            M061AddImportJobLease(),
            M062CreateSelectionRejections(),
            M063CreateGenres(),
            M064AddKazakhNames(),
            M065AddCopyILSStatus(),
            M066CreateCatalogSyncs(),
            M067CreateReadingHistory(),
            M068AuditRoute(),
            M069ReaderRemoval(),
            M070CreateReaderConsents(),
            M071ReaderConsentWithdrawn(),
            M072AccountDeactivation(),
            M073CreateCarrierAbsences(),
            M074AddReaderCarrier(),
            M075CreateVisitCalls(),
            M076AddCarrierDetails(),
            M077AddVisitPins(),
            M078AddVisitMinutesAndBag(),
        ]
    }

    static func register(on app: Application) {
        for migration in all { app.migrations.add(migration) }
    }

    /// Runs pending migrations and the per-database settings. Each migration is logged at debug; the one line a newcomer sees at `serve --demo` is the
    /// summary, so that the banner with the address and the logins is not scrolled away.
    static func run(on app: Application) async throws {
        try await StartupChecks.reachable(app, app.config.database)
        try await StartupChecks.schemaNotNewer(app)
        try await DatabaseSetup.prepare(app)
        app.fluent.migrationLogLevel = .debug
        let (before, after) = try await MigrationLock.run(app) {
            let before = (try? await MigrationLog.query(on: app.db).count()) ?? 0
            try await app.autoMigrate()
            return (before, try await MigrationLog.query(on: app.db).count())
        }
        app.logger.info("Database ready: \(after - before) migrations applied, \(after) in all")
    }
}
