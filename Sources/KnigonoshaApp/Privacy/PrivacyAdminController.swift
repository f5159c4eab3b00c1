import Fluent
import Vapor

/// `/admin/privacy`: the retention period and the readers it will anonymise in the next 30
/// days; `/readers/consents`: the consents of every scope that ended or end in the next 30 days,
/// for the staff who renew them (a coordinator sees their own branch).
struct PrivacyAdminController {
    static let lookahead = 30

    struct SettingsForm: Content {
        var retention_months: String?
        var staff_retention_months: String?
    }

    func register(staff: any RoutesBuilder, admin: any RoutesBuilder) {
        staff.get(SiteRoute.readersConsents.pattern, use: consents)
        admin.get(SiteRoute.adminPrivacy.pattern, use: page)
        admin.post(SiteRoute.adminPrivacy.pattern, use: save)
    }

    func page(req: Request) async throws -> Response {
        try await render(req, form: nil, errors: FieldErrors())
    }

    func save(req: Request) async throws -> Response {
        let form = try req.content.decode(SettingsForm.self)
        var e = FieldErrors()
        var settings = RetentionSettings()
        // Read whole, not by length: «<script>» or «999999» is a wrong number of months, not a long text.
        func months(_ value: String?, _ field: String) -> Int? {
            guard let raw = value?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            if raw.count <= 3, raw.allSatisfy(\.isASCII), let n = Int(raw), (0...RetentionSettings.maxMonths).contains(n) { return n == 0 ? nil : n }
            e.add(field, "privacy.months_range", ["max": String(RetentionSettings.maxMonths)])
            return nil
        }
        settings.months = months(form.retention_months, "retention_months")
        settings.staffMonths = months(form.staff_retention_months, "staff_retention_months")
        guard e.isEmpty else { return try await render(req, form: form, errors: e, status: .unprocessableEntity) }
        try await settings.save(on: req.db)
        try await req.audit(.update, "library_settings")
        return req.seeOther(.adminPrivacy, flash: "settings.saved")
    }

    private func render(_ req: Request, form: SettingsForm?, errors: FieldErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let settings = try await RetentionSettings.load(on: req.db)
        var due: [Retention.Due] = []
        if let months = settings.months { due = try await Retention.due(months: months, through: req.today.adding(days: Self.lookahead), on: req.db) }
        var staffDue: [(user: User, dueOn: LocalDate)] = []
        if let months = settings.staffMonths {
            staffDue = try await AccountRemoval.due(months: months, through: req.today.adding(days: Self.lookahead), on: req.db)
        }
        let lastRun = try await LibrarySetting.find(RetentionSettings.lastRunKey, on: req.db)?.value
        try await req.audit(.list, "reader")
        return PrivacyAdminView.page(
            req.page, .init(settings: settings, form: form, errors: errors, due: due, staffDue: staffDue, lastRun: lastRun, today: req.today),
            status: status)
    }

    func consents(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let until = req.today.adding(days: Self.lookahead)
        let rows = try await ConsentsEnding.list(through: until, branchID: user.isAdmin ? nil : (user.branchID ?? SiteRoute.anyID), on: req.db)
        try await req.audit(.list, "reader")
        return PrivacyAdminView.consents(req.page, rows: rows, today: req.today, until: until)
    }
}
