import Plot
import Vapor

/// The delivery settings page and a carrier's working hours.
enum DeliverySettingsView {
    static func page(
        _ ctx: PageContext, settings: DeliverySettings, library: LibraryName, form: DeliverySettingsController.SettingsForm, errors: FieldErrors,
        holidays: [Holiday],
        holidayForm: DeliverySettingsController.HolidayForm, holidayErrors: FieldErrors, carriers: [User], year: Int, status: HTTPResponseStatus
    ) -> Response {
        Layout.page(
            ctx, title: ctx.t("settings.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "settings."),
            Forms.errorSummary(ctx, holidayErrors, labelPrefix: "settings.holiday_"),
            Forms.post(
                ctx, SiteRoute.deliverySettings, novalidate: true,
                Forms.input(
                    ctx,
                    .init(
                        name: "resend_after_months", label: ctx.t("settings.resend_after_months"),
                        value: form.resend_after_months ?? String(settings.resendAfterMonths ?? 0), error: errors["resend_after_months"],
                        type: "number",
                        hint: ctx.t("settings.resend_hint"), inputmode: "numeric")),
                Forms.input(
                    ctx,
                    .init(
                        name: "horizon_weeks", label: ctx.t("settings.horizon_weeks"), value: form.horizon_weeks ?? String(settings.horizonWeeks),
                        error: errors["horizon_weeks"], required: true, type: "number", inputmode: "numeric")),
                Forms.input(
                    ctx,
                    .init(
                        name: "library_name_ru", label: ctx.t("settings.library_name_ru"), value: form.library_name_ru ?? library.ru ?? "",
                        error: errors["library_name_ru"], hint: ctx.t("settings.library_name_hint"))),
                Forms.input(
                    ctx,
                    .init(
                        name: "library_name_kk", label: ctx.t("settings.library_name_kk"), value: form.library_name_kk ?? library.kk ?? "",
                        error: errors["library_name_kk"], hint: ctx.t("settings.library_name_hint"))),
                Forms.input(
                    ctx,
                    .init(
                        name: "plan_continuity_minutes", label: ctx.t("settings.plan_continuity_minutes"),
                        value: form.plan_continuity_minutes ?? String(settings.planContinuityMinutes), error: errors["plan_continuity_minutes"],
                        required: true, type: "number", hint: ctx.t("settings.plan_continuity_hint"), inputmode: "numeric",
                        extra: [("min", "0"), ("max", "600")])),
                Forms.input(
                    ctx,
                    .init(
                        name: "plan_imbalance_minutes", label: ctx.t("settings.plan_imbalance_minutes"),
                        value: form.plan_imbalance_minutes ?? String(settings.planImbalanceMinutes), error: errors["plan_imbalance_minutes"],
                        required: true, type: "number", hint: ctx.t("settings.plan_imbalance_hint"), inputmode: "numeric",
                        extra: [("min", "0"), ("max", "600")])),
                .input(.type(.hidden), .name("submitted"), .value("1")),
                Forms.choiceGroup(
                    ctx, name: "expired_check_blocks[]", legend: ctx.t("settings.checks"), options: [("1", ctx.t("settings.expired_check_blocks"))],
                    selected: (form.submitted == "1" ? form.expired_check_blocks?.contains("1") == true : settings.expiredCheckBlocks) ? ["1"] : [],
                    error: nil),
                Forms.submit(ctx.t("common.save"))
            ),
            .h2(.id("holidays-h"), .text(ctx.t("settings.holidays"))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.plural("settings.holiday_count", holidays.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("settings.holiday_day"))), .th(.text(ctx.t("settings.holiday_name"))), .th(.text(ctx.t("common.actions")))
                        )),
                    .tbody(
                        .forEach(holidays) { h in
                            .tr(
                                .td(.text(ctx.date(h.day))), .td(.text(h.name)),
                                .td(
                                    Forms.post(
                                        ctx, action: SiteRoute.holidayDelete(h.id!).path, class: "inline",
                                        [
                                            .button(
                                                .type(.submit), .class("secondary"),
                                                .attribute(named: "aria-label", value: ctx.t("settings.delete") + ": " + ctx.date(h.day)),
                                                .text(ctx.t("settings.delete")))
                                        ]))
                            )
                        }
                    )
                )
            ),
            Forms.post(
                ctx, SiteRoute.holidays, class: "inline-form", novalidate: true,
                .input(.type(.hidden), .name("action"), .value("add")),
                Forms.input(
                    ctx,
                    .init(
                        name: "day", label: ctx.t("settings.holiday_day"), value: holidayForm.day ?? "", error: holidayErrors["day"], required: true,
                        type: "date")),
                Forms.input(
                    ctx,
                    .init(
                        name: "name", label: ctx.t("settings.holiday_name"), value: holidayForm.name ?? "", error: holidayErrors["name"],
                        required: true)),
                Forms.submit(ctx.t("settings.holiday_add"))
            ),
            Forms.post(
                ctx, SiteRoute.holidays, class: "inline-form",
                .input(.type(.hidden), .name("action"), .value("add_year")),
                .input(.type(.hidden), .name("year"), .value(String(year + 1))),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("settings.add_year", ["year": String(year + 1)])))
            ),
            .h2(.id("carriers-h"), .text(ctx.t("settings.carriers"))),
            .ul(
                .forEach(carriers) { c in
                    .li(
                        .a(.href(SiteRoute.carrierHours(c.id!).path), .text(c.fullName + (c.isActive ? "" : " (" + ctx.t("settings.inactive") + ")")))
                    )
                })
        )
    }

    static func hours(_ ctx: PageContext, carrier: User, values: [String: String], errors: FieldErrors, status: HTTPResponseStatus = .ok) -> Response
    {
        Layout.page(
            ctx, title: ctx.t("settings.hours_title", ["name": carrier.fullName]), status: status,
            .p(.text(ctx.t("settings.hours_hint"))),
            Forms.errorSummary(ctx, errors, labels: labels(ctx)),
            Forms.post(
                ctx, action: SiteRoute.carrierHours(carrier.id!).path, novalidate: true,
                (1...7).map { dayRow(ctx, $0, values, errors) }
                    + [
                        .div(
                            .class("actions"), Forms.submit(ctx.t("common.save")),
                            .a(.href(SiteRoute.deliverySettings.path), .text(ctx.t("common.cancel"))))
                    ]
            )
        )
    }

    static func dayRow(_ ctx: PageContext, _ d: Int, _ values: [String: String], _ errors: FieldErrors) -> Node<HTML.BodyContext> {
        let day: String = ctx.t("weekday." + Weekday.allCases[d - 1].rawValue)
        let checked: Bool = values["day\(d)"] == "1"
        let from = Forms.Field(
            name: "from\(d)", label: ctx.t("visits.time_from"), value: values["from\(d)"] ?? "10:00", error: errors["from\(d)"], type: "time")
        let to = Forms.Field(
            name: "to\(d)", label: ctx.t("visits.time_to"), value: values["to\(d)"] ?? "17:00", error: errors["to\(d)"], type: "time")
        var input: [Attribute<HTML.BodyContext>] = [
            .attribute(named: "type", value: "checkbox"), .attribute(named: "id", value: "day\(d)"), .attribute(named: "name", value: "day\(d)"),
            .attribute(named: "value", value: "1"),
        ]
        if checked { input.append(.attribute(named: "checked", value: "checked")) }
        let box: Node<HTML.BodyContext> = .div(
            .class("choice"), .selfClosedElement(named: "input", attributes: input), .label(.for("day\(d)"), .text(ctx.t("settings.works"))))
        return Forms.fieldset(day, box, .div(.class("grid"), Forms.input(ctx, from), Forms.input(ctx, to)))
    }

    static func labels(_ ctx: PageContext) -> [String: String] {
        var out: [String: String] = [:]
        for d in 1...7 {
            let day: String = ctx.t("weekday." + Weekday.allCases[d - 1].rawValue)
            out["from\(d)"] = day + ": " + ctx.t("visits.time_from")
            out["to\(d)"] = day + ": " + ctx.t("visits.time_to")
        }
        return out
    }
}
