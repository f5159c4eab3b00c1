import Fluent
import Vapor

/// The administrator's delivery settings: the re-send rule, the planning horizon, the holiday
/// list and carriers' working hours.
struct DeliverySettingsController {
    struct SettingsForm: Content {
        var resend_after_months: String?
        var horizon_weeks: String?
        var library_name_ru: String?
        var library_name_kk: String?
        /// The checkbox: ticked sends "1", unticked nothing, so `submitted` tells a sent form from a new one.
        var expired_check_blocks: [String]?
        var plan_continuity_minutes: String?
        var plan_imbalance_minutes: String?
        var submitted: String?
    }

    struct HolidayForm: Content {
        var action: String?
        var day: String?
        var name: String?
        var year: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.deliverySettings.pattern, use: page)
        routes.post(SiteRoute.deliverySettings.pattern, use: saveSettings)
        routes.post(SiteRoute.holidays.pattern, use: holidays)
        routes.post(SiteRoute.holidayDelete(SiteRoute.anyID).pattern, use: deleteHoliday)
        routes.get(SiteRoute.carrierHours(SiteRoute.anyID).pattern, use: hoursForm)
        routes.post(SiteRoute.carrierHours(SiteRoute.anyID).pattern, use: saveHours)
    }

    func page(req: Request) async throws -> Response {
        try await render(req, settings: SettingsForm(), errors: FieldErrors(), holidayErrors: FieldErrors())
    }

    func render(
        _ req: Request, settings form: SettingsForm, errors: FieldErrors, holidayErrors: FieldErrors, holiday: HolidayForm = HolidayForm(),
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let settings = try await DeliverySettings.load(on: req.db)
        let library = try await LibraryName.load(on: req.db)
        let holidays = try await Holiday.query(on: req.db).filter(\.$day >= LocalDate(year: req.today.year, month: 1, day: 1).iso).sort(\.$day).all()
        let carriers = try await User.query(on: req.db).filter(\.$role == .carrier).sort(\.$fullName).all()
        return DeliverySettingsView.page(
            req.page, settings: settings, library: library, form: form, errors: errors, holidays: holidays, holidayForm: holiday,
            holidayErrors: holidayErrors,
            carriers: carriers, year: req.today.year, status: status)
    }

    func saveSettings(req: Request) async throws -> Response {
        let form = try req.content.decode(SettingsForm.self)
        var e = FieldErrors()
        var s = try await DeliverySettings.load(on: req.db)
        if let raw = e.text(form.resend_after_months, "resend_after_months", max: 3) {
            if let n = Int(raw), (0...120).contains(n) {
                s.resendAfterMonths = n == 0 ? nil : n
            } else {
                e.add("resend_after_months", "settings.months_range")
            }
        } else {
            s.resendAfterMonths = nil
        }
        if let raw = e.text(form.horizon_weeks, "horizon_weeks", required: true, max: 2) {
            if let n = Int(raw), (1...26).contains(n) { s.horizonWeeks = n } else { e.add("horizon_weeks", "visit.weeks_range") }
        }
        s.expiredCheckBlocks = form.expired_check_blocks?.contains("1") ?? false
        // The week's plan weighs these against minutes of travel (issue 15, §2); 0 turns one off.
        // A form without the fields (a page from before they existed) keeps the stored values.
        if form.plan_continuity_minutes != nil, let raw = e.text(form.plan_continuity_minutes, "plan_continuity_minutes", required: true, max: 12) {
            if let n = Int(raw), (0...600).contains(n) {
                s.planContinuityMinutes = n
            } else {
                e.add("plan_continuity_minutes", "settings.plan_weight_range")
            }
        }
        if form.plan_imbalance_minutes != nil, let raw = e.text(form.plan_imbalance_minutes, "plan_imbalance_minutes", required: true, max: 12) {
            if let n = Int(raw), (0...600).contains(n) {
                s.planImbalanceMinutes = n
            } else {
                e.add("plan_imbalance_minutes", "settings.plan_weight_range")
            }
        }
        let library = LibraryName(
            ru: e.oneLine(form.library_name_ru, "library_name_ru", max: 300), kk: e.oneLine(form.library_name_kk, "library_name_kk", max: 300))
        guard e.isEmpty else { return try await render(req, settings: form, errors: e, holidayErrors: FieldErrors(), status: .unprocessableEntity) }
        let chosen = s
        try await req.db.transaction { tx in
            try await chosen.save(on: tx)
            try await library.save(on: tx)
        }
        return req.seeOther(.deliverySettings, flash: "settings.saved")
    }

    func holidays(req: Request) async throws -> Response {
        let form = try req.content.decode(HolidayForm.self)
        if form.action == "add_year" {
            guard let year = form.year.flatMap({ Int($0) }), (2000...2100).contains(year) else {
                throw AppError.badRequest(Message("error.bad_request"))
            }
            let l10n = req.application.l10n
            let lang = req.lang
            _ = try await Holidays.addFixed(year: year, names: { l10n.t("holiday." + $0, lang) }, on: req.db)
            return req.seeOther(SiteRoute.deliverySettings.path + "#holidays-h", flash: "settings.holidays_added")
        }
        let (holiday, e) = try await Holidays.add(day: form.day, name: form.name, on: req.db)
        guard holiday != nil else {
            return try await render(
                req, settings: SettingsForm(), errors: FieldErrors(), holidayErrors: e, holiday: form, status: .unprocessableEntity)
        }
        return req.seeOther(SiteRoute.deliverySettings.path + "#holidays-h", flash: "settings.holiday_added")
    }

    func deleteHoliday(req: Request) async throws -> Response {
        guard let holiday = try await Holiday.find(req.idParameter(), on: req.db) else { throw AppError.notFound }
        if let ask = ConfirmStep.ask(
            req, question: req.t("confirm.remove_question", ["what": req.page.date(holiday.day) + " " + holiday.name]),
            detail: req.t("settings.holiday_delete_detail"),
            confirm: req.t("common.remove"), back: SiteRoute.deliverySettings.path + "#holidays-h")
        {
            return ask
        }
        try await holiday.delete(on: req.db)
        return req.seeOther(SiteRoute.deliverySettings.path + "#holidays-h", flash: "settings.holiday_deleted")
    }

    func hoursForm(req: Request) async throws -> Response {
        let carrier = try await CarrierHours.carrier(req)
        let hours = try await CarrierHours.query(on: req.db).filter(\.$user.$id == carrier.id!).all()
        var values: [String: String] = [:]
        for h in hours {
            values["day\(h.weekday)"] = "1"
            values["from\(h.weekday)"] = h.timeFrom
            values["to\(h.weekday)"] = h.timeTo
        }
        return DeliverySettingsView.hours(req.page, carrier: carrier, values: values, errors: FieldErrors())
    }

    func saveHours(req: Request) async throws -> Response {
        let carrier = try await CarrierHours.carrier(req)
        let form = try req.content.decode([String: String].self)
        var e = FieldErrors()
        var rows: [(Int, String, String)] = []
        for day in 1...7 where form["day\(day)"] == "1" {
            let (from, to) = VisitRequests.checkTimes(form["from\(day)"] ?? "", form["to\(day)"] ?? "", fields: ("from\(day)", "to\(day)"), into: &e)
            rows.append((day, from ?? "09:00", to ?? "18:00"))
        }
        guard e.isEmpty else { return DeliverySettingsView.hours(req.page, carrier: carrier, values: form, errors: e, status: .unprocessableEntity) }
        try await CarrierHours.replace(carrier: carrier.id!, with: rows, on: req.db)
        return req.seeOther(.deliverySettings, flash: "settings.hours_saved")
    }

}
