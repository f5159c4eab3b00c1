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

    try DatabaseSetup.use(config.database, schema: postgresSchema, on: app)
    Migrations.register(on: app)

    app.middleware = Middlewares()
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(LocaleMiddleware())
    app.middleware.use(BodyLimitMiddleware())

    try AppRoutes.register(app)
    app.lifecycle.use(ImportJobRunner())
}

/// Every migration, in order. Files are never edited once landed; changes come as new ones.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(M001CreateBranches())
        app.migrations.add(M002CreateUsers())
        app.migrations.add(M003CreateUserSessions())
        app.migrations.add(M004CreateAPITokens())
        app.migrations.add(M005CreateLoginAttempts())
        app.migrations.add(M006CreateReaders())
        app.migrations.add(M007CreateReaderPhones())
        app.migrations.add(M008CreateReaderTags())
        app.migrations.add(M009CreateReaderChanges())
        app.migrations.add(M010CreateAuditLog())
        app.migrations.add(M011IndexReaders())
        app.migrations.add(M012CreateBibRecords())
        app.migrations.add(M013CreateCopies())
        app.migrations.add(M014CreateImportJobs())
        app.migrations.add(M015CreateImportIssues())
        app.migrations.add(M016CreateCatalogSearchIndex())
        app.migrations.add(M017CreateVisits())
        app.migrations.add(M018CreateVisitItems())
        app.migrations.add(M019CreateLoans())
        app.migrations.add(M020CreateVisitEvents())
        app.migrations.add(M021CreateHolidays())
        app.migrations.add(M022CreateCarrierHours())
        app.migrations.add(M023CreateOutcomeKeys())
        app.migrations.add(M024CreateCalendarFeeds())
        app.migrations.add(M025CreateLibrarySettings())
        app.migrations.add(M026AddReaderNextVisit())
        app.migrations.add(M027IndexVisits())
        app.migrations.add(M028IndexCopyAvailability())
        app.migrations.add(M029AddHoldingsToSearchIndex())
        app.migrations.add(M030CreateEvents())
        app.migrations.add(M031IndexSeries())
        app.migrations.add(M032CreateEventAttachments())
        app.migrations.add(M033CreateProjects())
        app.migrations.add(M034CreateProjectAuthors())
        app.migrations.add(M035CreateProjectPresentations())
        app.migrations.add(M036CreateProjectAwards())
        app.migrations.add(M037CreateProjectIndicators())
        app.migrations.add(M038AddEventProject())
        app.migrations.add(M039CreateLibraryTotals())
        app.migrations.add(M040IndexLoanDates())
        app.migrations.add(M041SearchIndexHashSize())
        app.migrations.add(M042AddOutcomeKeyAnswer())
        app.migrations.add(M050AddTokenExpiry())
        app.migrations.add(M060OneOpenLoanPerCopy())
    }

    /// Runs pending migrations and the per-database settings.
    static func run(on app: Application) async throws {
        try await DatabaseSetup.prepare(app)
        try await app.autoMigrate()
    }
}
