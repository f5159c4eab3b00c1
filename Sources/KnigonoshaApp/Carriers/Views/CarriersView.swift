import Plot
import Vapor

/// The carriers list and a carrier's page: absences, the form to add one, and the visits an
/// absence leaves without a carrier.
enum CarriersView {
    static func list(_ ctx: PageContext, carriers: [User], absences: [CarrierAbsence]) -> Response {
        Layout.page(
            ctx, title: ctx.t("carriers.title"),
            .p(.class("lead"), .text(ctx.t("carriers.lead"))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .caption(.text(ctx.plural("carriers.count", carriers.count))),
                    .thead(.tr(.th(.text(ctx.t("carriers.name"))), .th(.text(ctx.t("carriers.branch"))), .th(.text(ctx.t("carriers.away"))))),
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
                                    .text(away.isEmpty ? "—" : away.map { period(ctx, $0) }.joined(separator: "; "))))
                        })
                )
            )
        )
    }

    static func page(
        _ ctx: PageContext, carrier: User, absences: [CarrierAbsence], stranded: [Visit], form f: CarrierAbsences.Input, errors: FieldErrors,
        today: LocalDate, status: HTTPStatus
    ) -> Response {
        func field(_ name: String, _ value: String?) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx, .init(name: name, label: ctx.t("absence." + name), value: value ?? "", error: errors[name], required: true, type: "date"))
        }
        return Layout.page(
            ctx, title: carrier.fullName, status: status,
            .p(.text(ctx.t("carriers.branch") + ": " + (carrier.branch?.name(ctx.lang) ?? "—"))),
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

    static func period(_ ctx: PageContext, _ a: CarrierAbsence) -> String {
        a.startsOn == a.endsOn ? ctx.date(a.startsOn) : ctx.date(a.startsOn) + "–" + ctx.date(a.endsOn)
    }
}
