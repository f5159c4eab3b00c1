import Plot
import Vapor

/// The carriers list and a carrier's page: absences, the form to add one, and the visits an
/// absence leaves without a carrier.
enum CarriersView {
    static func list(_ ctx: PageContext, carriers: [User], absences: [CarrierAbsence], today: LocalDate, blocks: Bool) -> Response {
        // Certificates run out: said above the list 30 days ahead, and when they have.
        let warned = carriers.filter { $0.isActive && checkWarning(ctx, $0, today: today, blocks: blocks) != nil }
        return Layout.page(
            ctx, title: ctx.t("carriers.title"),
            .p(.class("lead"), .text(ctx.t("carriers.lead"))),
            .p(.a(.href(SiteRoute.carriersHours.path), .text(ctx.t("hours.title")))),
            .if(!warned.isEmpty, .p(.class("warning-box"), .text(ctx.plural("carriers.checks_due", warned.count)))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.plural("carriers.count", carriers.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("carriers.name"))), .th(.text(ctx.t("carriers.branch"))), .th(.text(ctx.t("carriers.away"))),
                            .th(.text(ctx.t("carrier.certificate_until"))))),
                    .tbody(
                        .forEach(carriers) { c in
                            let away = absences.filter { $0.$user.id == c.id }
                            return .tr(
                                .td(
                                    .a(.href(SiteRoute.carrier(c.id!).path), .text(c.fullName)),
                                    .if(!c.isActive, .text(" " + ctx.t("carriers.inactive")))),
                                .td(.attribute(named: "data-label", value: ctx.t("carriers.branch")), .text(c.branch?.name(ctx.lang) ?? "—")),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("carriers.away")),
                                    .text(away.isEmpty ? "—" : away.map { period(ctx, $0) }.joined(separator: "; "))),
                                .td(
                                    .attribute(named: "data-label", value: ctx.t("carrier.certificate_until")),
                                    .text(checkWarning(ctx, c, today: today, blocks: blocks) ?? c.certificateUntil.map { ctx.date($0) } ?? "—")))
                        })
                )
            )
        )
    }

    static func page(
        _ ctx: PageContext, carrier: User, absences: [CarrierAbsence], stranded: [Visit], form f: CarrierAbsences.Input, errors: FieldErrors,
        details: CarriersController.DetailsForm, detailErrors: FieldErrors, today: LocalDate, blocks: Bool, status: HTTPStatus
    ) -> Response {
        func field(_ name: String, _ value: String?) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx, .init(name: name, label: ctx.t("absence." + name), value: value ?? "", error: errors[name], required: true, type: "date"))
        }
        return Layout.page(
            ctx, title: carrier.fullName, status: status,
            .p(.text(ctx.t("carriers.branch") + ": " + (carrier.branch?.name(ctx.lang) ?? "—"))),
            .unwrap(checkWarning(ctx, carrier, today: today, blocks: blocks)) { .p(.class("warning-box"), .text($0)) },
            detailsSection(ctx, carrier, details, detailErrors),
            .section(
                .attribute(named: "aria-labelledby", value: "absences-h"),
                .h2(.id("absences-h"), .text(ctx.t("absence.title"))),
                .if(absences.isEmpty, .p(.text(ctx.t("absence.none")))),
                .if(
                    !absences.isEmpty,
                    .ul(
                        .class("absences"),
                        .forEach(absences) { a in
                            .li(
                                .text(period(ctx, a) + " — " + ctx.t((AbsenceKind(rawValue: a.kind) ?? .other).labelKey)),
                                // Past ones too: one entered by mistake is taken back (asked first).
                                Forms.removeButton(
                                    ctx, .carrierAbsenceDelete(carrier.id!, a.id!), label: ctx.t("common.remove"), what: period(ctx, a)))
                        })),
                .h3(.text(ctx.t("absence.add"))),
                Forms.errorSummary(ctx, errors, labelPrefix: "absence."),
                Forms.post(
                    ctx, .carrierAbsences(carrier.id!), class: "absence-form",
                    field("starts_on", f.starts_on), field("ends_on", f.ends_on),
                    Forms.select(
                        ctx, .init(name: "kind", label: ctx.t("absence.kind"), value: f.kind ?? "", error: errors["kind"], required: true),
                        options: [("", ctx.t("common.not_chosen"))] + AbsenceKind.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
                    Forms.submit(ctx.t("absence.save")))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "stranded-h"),
                .h2(.id("stranded-h"), .text(ctx.t("absence.stranded_title"))),
                .if(stranded.isEmpty, .p(.text(ctx.t("absence.stranded_none")))),
                .if(
                    !stranded.isEmpty,
                    .group(
                        .p(.text(ctx.plural("absence.stranded_count", stranded.count))),
                        .ul(
                            .forEach(stranded) { v in
                                .li(.a(.href(SiteRoute.visit(v.id!).path), .text(ctx.date(v.scheduledOn) + " — " + v.reader.fullName)))
                            }),
                        Forms.post(ctx, .carrierReassign(carrier.id!), Forms.submit(ctx.t("absence.reassign")))
                    ))
            )
        )
    }

    /// «The certificate has expired» or «expires on …» within 30 days; nil otherwise.
    /// `blocks`: the library's rule is on, so an expired certificate stops new visits (and says so).
    static func checkWarning(_ ctx: PageContext, _ c: User, today: LocalDate, blocks: Bool) -> String? {
        guard let until = c.certificateUntil else { return nil }
        if until < today.iso {
            return ctx.t(blocks ? "carrier.certificate_expired" : "carrier.certificate_expired_allowed", ["date": ctx.date(until)])
        }
        if until <= today.adding(days: 30).iso { return ctx.t("carrier.certificate_expiring", ["date": ctx.date(until)]) }
        return nil
    }

    static func detailsSection(
        _ ctx: PageContext, _ carrier: User, _ f: CarriersController.DetailsForm, _ errors: FieldErrors
    ) -> Node<HTML.BodyContext> {
        func field(
            _ name: String, _ value: String?, type: String = "text", hint: String? = nil, extra: [(String, String)] = []
        ) -> Node<HTML.BodyContext> {
            var field = Forms.Field(name: name, label: ctx.t("carrier." + name), value: value ?? "", error: errors[name], type: type, hint: hint)
            field.extra = extra
            return Forms.input(ctx, field)
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "details-h"),
            .h2(.id("details-h"), .text(ctx.t("carrier.details"))),
            Forms.errorSummary(ctx, errors, labelPrefix: "carrier."),
            Forms.post(
                ctx, .carrierDetails(carrier.id!), class: "details-form",
                field("certificate_on", f.certificate_on, type: "date"),
                field("certificate_until", f.certificate_until, type: "date", hint: ctx.t("carrier.certificate_hint")),
                field("trained_on", f.trained_on, type: "date"),
                field("id_card_number", f.id_card_number, hint: ctx.t("carrier.id_card_hint")),
                Forms.select(
                    ctx, .init(name: "travel_mode", label: ctx.t("carrier.travel_mode"), value: f.travel_mode ?? "", error: errors["travel_mode"]),
                    options: [("", ctx.t("common.not_chosen"))] + CarrierTravel.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }),
                field("start_point", f.start_point, hint: ctx.t("carrier.start_point_hint")),
                field(
                    "bag_capacity", f.bag_capacity, type: "number", hint: ctx.t("carrier.bag_capacity_hint"), extra: [("min", "1"), ("max", "200")]),
                Forms.submit(ctx.t("common.save")))
        )
    }

    static func period(_ ctx: PageContext, _ a: CarrierAbsence) -> String {
        a.startsOn == a.endsOn ? ctx.date(a.startsOn) : ctx.date(a.startsOn) + "–" + ctx.date(a.endsOn)
    }
}
