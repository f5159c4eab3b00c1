import Vapor

/// Registers every page and API route with the middleware each needs.
enum AppRoutes {
    static func register(_ app: Application) throws {
        ObservabilityController().register(app)
        // Web pages: cookie session, CSRF and flash notices.
        let web = app.grouped(FlashMiddleware(), SessionAuthMiddleware(), CSRFMiddleware())
        PreferencesController().register(web)
        LoginController().register(web)
        HomeController().register(web)

        let signedIn = web.grouped(RequireRole())
        ProfileController().register(signedIn)
        RunController().register(signedIn)
        RunController.registerAssets(app)
        CalendarFeedController().register(signedIn: signedIn, app: app)

        let staff = web.grouped(RequireRole(Role.readerStaff))
        ReadersController().register(staff)
        CatalogController().register(staff)
        ImportController().register(staff)
        VisitsController().register(staff)
        CarriersController().register(staff)
        CallsController().register(staff)
        WeekPlanController().register(staff)
        // The statistics, events and projects are also read by management, who see no reader.
        let reporting = web.grouped(RequireRole(Role.reportReaders))
        EventsController().register(read: reporting, write: staff)
        ReportsController().register(reporting)
        ProjectsController().register(read: reporting, write: staff)
        DeliveryReportController().register(reporting)
        EventAttachmentsController().register(read: reporting, write: staff, maxBytes: app.config.attachmentMaxBytes)

        let admin = web.grouped(RequireRole([.admin]))
        AdminUsersController().register(admin)
        BranchesController().register(admin)
        DeliverySettingsController().register(admin)

        // The JSON API: bearer tokens, and for two routes the run page's web session.
        let api = app.grouped("api", "v1")
        api.get("openapi.json", use: OpenAPIController().document)
        let apiAuthed = api.grouped(BearerAuthMiddleware(), RequireRole())
        MeAPIController().register(apiAuthed)
        BranchesAPIController().register(apiAuthed)
        ReadersAPIController().register(apiAuthed.grouped(RequireRole(Role.readerStaff)))
        CatalogAPIController().register(apiAuthed.grouped(RequireRole(Role.readerStaff)))
        // The run page's offline queue: the outcome route also takes the web session, with a CSRF
        // header (see SessionAPIAuthMiddleware); the token route takes only the web session.
        let apiBrowser = api.grouped(BearerAuthMiddleware(), SessionAPIAuthMiddleware(), RequireRole())
        SessionAPIController().register(api.grouped(SessionAPIAuthMiddleware(), RequireRole()))
        VisitsAPIController().register(staff: apiAuthed.grouped(RequireRole(Role.readerStaff)), anyone: apiAuthed, browser: apiBrowser)
        LoansController().register(web: staff, api: apiAuthed.grouped(RequireRole(Role.readerStaff)))
        NextVisitOverride.register(web: staff, api: apiAuthed.grouped(RequireRole(Role.readerStaff)))
        let apiStaff = apiAuthed.grouped(RequireRole(Role.readerStaff))
        let apiReporting = apiAuthed.grouped(RequireRole(Role.reportReaders))
        GenresController().register(web: staff, api: apiStaff)
        CarriersAPIController().register(apiStaff)
        CarrierHoursController().register(web: staff, api: apiStaff)
        CallsAPIController().register(apiStaff)
        WeekPlanAPIController().register(apiStaff)
        HistoryController().register(web: staff, api: apiStaff)
        ReaderImportController().register(web: staff, api: apiStaff)
        EventsAPIController().register(read: apiReporting, write: apiStaff)
        EventAttachmentsAPIController().register(read: apiReporting, write: apiStaff, maxBytes: app.config.attachmentMaxBytes)
        ReportsAPIController().register(apiReporting)
        ProjectsAPIController().register(read: apiReporting, write: apiStaff)
        StatsAPIController().register(apiReporting)
        // Reader card numbers: reader staff only, never management.
        CirculationController().register(staff: staff, api: apiStaff)
        CarrierAPIController().register(
            staff: apiAuthed.grouped(RequireRole(Role.readerStaff)), admin: apiAuthed.grouped(RequireRole([.admin])), anyone: apiAuthed)
        DeliveryAdminAPIController().register(
            staff: apiAuthed.grouped(RequireRole(Role.readerStaff)), admin: apiAuthed.grouped(RequireRole([.admin])))
        AuditController().register(web: admin, api: apiAuthed.grouped(RequireRole([.admin])))
        PrivacyController().register(staff: staff, admin: admin, apiStaff: apiStaff, apiAdmin: apiAuthed.grouped(RequireRole([.admin])))
        PrivacyAdminController().register(staff: staff, admin: admin)
        ConsentsController().register(staff)
        ConsentsAPIController().register(apiStaff)
    }
}
