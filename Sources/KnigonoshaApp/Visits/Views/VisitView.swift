import Plot
import Vapor

/// One visit for the coordinator.
enum VisitView {
    struct Model {
        let visit: Visit
        let details: VisitDetails
        let carriers: [User]
        let carrierName: String?
        let events: [VisitEvent]
        let query: String
        let found: [BibRecord]
        let form: VisitPayload
        let errors: FieldErrors
        let today: LocalDate
        /// Free copies of the suggested titles, by branch: where to ask when the visit's branch has none.
        var stock = BranchStock()
    }

    static func page(_ ctx: PageContext, _ m: Model, status: HTTPResponseStatus) -> Response {
        let v = m.visit
        let open = v.visitStatus.isOpen
        return Layout.page(
            ctx, title: ctx.t("visits.visit_title", ["name": v.reader.fullName, "date": ctx.date(v.scheduledOn)]), status: status, wide: true,
            Forms.errorSummary(ctx, m.errors, labelPrefix: "visits."),
            // Without consent on the visit's day the visit is on no run and gets no books.
            .if(
                open && !v.reader.hasConsent(on: v.scheduledOn),
                .p(.class("notice"), .attribute(named: "role", value: "note"), .text(ctx.t("visits.consent_expired_note")))),
            H.dl([
                H.dt(ctx.t("visits.reader")), H.dd(.a(.href(SiteRoute.reader(v.$reader.id).path), .text(v.reader.fullName))),
                H.dt(ctx.t("visits.status")), H.dd(ctx.t(v.visitStatus.labelKey) + (v.reason.map { " — " + ctx.t("cancel_reason." + $0) } ?? "")),
                H.dt(ctx.t("visits.kind")), H.dd(ctx.t("visit_kind." + v.kind)),
                H.dt(ctx.t("visits.carrier")), H.dd(m.carrierName ?? ctx.t("visits.unassigned")),
                .if(
                    v.requestText != nil,
                    .group([
                        H.dt(ctx.t("visits.request_text")),
                        H.dd(
                            [v.requestedBy.map { ctx.t("requester." + $0) }, v.requestChannel.map { ctx.t("request_channel." + $0) }, v.requestText]
                                .compactMap { $0 }.joined(separator: " · ")),
                    ])),
                .unwrap(v.minutesSpent) { .group([H.dt(ctx.t("run.minutes")), H.dd(String($0))]) },
                .unwrap(v.comment) { .group([H.dt(ctx.t("run.comment")), H.dd($0)]) },
            ]),
            .p(.class("no-print"), .a(.href(SiteRoute.visitSlip(v.id!).path), .text(ctx.t("visits.slip")))),
            .if(open, planForm(ctx, m)),
            VisitSelectionView.section(ctx, m),
            .section(
                .attribute(named: "aria-labelledby", value: "collect-h"),
                .h2(.id("collect-h"), .text(ctx.plural(open ? "run.collect_count" : "visits.returned_count", m.details.collect.count))),
                .ul(
                    .forEach(m.details.collect) { l in
                        .li(.text(l.bib.title + " — " + ctx.t("visits.due") + " " + ctx.date(l.dueOn) + (l.rating.map { " · ★" + String($0) } ?? "")))
                    })
            ),
            .if(open, VisitSelectionView.outcomeForms(ctx, m)),
            .section(
                .attribute(named: "aria-labelledby", value: "history-h"),
                .h2(.id("history-h"), .text(ctx.t("visits.history"))),
                .ul(
                    .forEach(m.events) { e in
                        .li(
                            .text(
                                ctx.dateTime(e.at) + " · " + (e.userID == nil ? ctx.t("visit_event.by_system") : e.userName) + " · "
                                    + ctx.t("visit_event." + e.kind) + ": "
                                    + change(e.kind, e.fromValue, e.toValue, ctx)))
                    })
            )
        )
    }

    /// An event's change, «from → to». A carrier taken off or given to a visit that had none says
    /// «not assigned» on that side, instead of a lone name that reads as the new one.
    static func change(_ kind: String, _ from: String?, _ to: String?, _ ctx: PageContext) -> String {
        guard kind == "assigned" else { return [from, to].compactMap { value($0, ctx) }.joined(separator: " → ") }
        let nobody = ctx.t("calls.no_carrier")
        return (from ?? nobody) + " → " + (to ?? nobody)
    }

    /// Event values are dates, status codes or names.
    static func value(_ raw: String?, _ ctx: PageContext) -> String? {
        guard let raw else { return nil }
        if LocalDate(raw) != nil { return ctx.date(raw) }
        if VisitStatus(rawValue: raw) != nil { return ctx.t("visit_status." + raw) }
        return raw
    }

    static func planForm(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        func field(_ name: String, _ value: String?, type: String) -> Node<HTML.BodyContext> {
            Forms.input(ctx, .init(name: name, label: ctx.t("visits." + name), value: value ?? "", error: m.errors[name], type: type))
        }
        return .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "plan-h"),
            .h2(.id("plan-h"), .text(ctx.t("visits.change_plan"))),
            Forms.post(
                ctx, SiteRoute.visit(m.visit.id!), novalidate: true,
                .div(
                    .class("grid"), field("scheduled_on", m.form.scheduled_on, type: "date"), field("time_from", m.form.time_from, type: "time"),
                    field("time_to", m.form.time_to, type: "time")),
                Forms.select(
                    ctx, .init(name: "carrier_id", label: ctx.t("visits.carrier_id"), value: m.form.carrier_id ?? "", error: m.errors["carrier_id"]),
                    options: [("", ctx.t("visits.unassigned"))] + m.carriers.map { ($0.id!.uuidString.lowercased(), $0.fullName) }),
                Forms.submit(ctx.t("common.save"))
            )
        )
    }
}
