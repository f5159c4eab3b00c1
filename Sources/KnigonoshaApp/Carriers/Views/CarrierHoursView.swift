import Plot
import Vapor

/// The hours report's page: the period, the table, and the files.
enum CarrierHoursView {
    static func page(
        _ ctx: PageContext, query q: CarrierHoursController.Query, from: LocalDate, to: LocalDate, rows: [CarrierHoursRow], errors: FieldErrors,
        status: HTTPStatus
    ) -> Response {
        let period = [("from", from.iso), ("to", to.iso)] + (q.branch_id.map { [("branch_id", $0)] } ?? [])
        return Layout.page(
            ctx, title: ctx.t("hours.title"), status: status,
            .p(.class("lead"), .text(ctx.t("hours.lead"))),
            Forms.errorSummary(ctx, errors, labelPrefix: "hours."),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.carriersHours.path),
                    .class("filters no-print"),
                    Forms.input(ctx, .init(name: "from", label: ctx.t("hours.from"), value: q.from ?? from.iso, error: errors["from"], type: "date")),
                    Forms.input(ctx, .init(name: "to", label: ctx.t("hours.to"), value: q.to ?? to.iso, error: errors["to"], type: "date")),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("calls.show"))),
                ]),
            .if(
                errors.isEmpty,
                .group(
                    .div(
                        .class("table-wrap"), H.scrollRegion(ctx),
                        .table(
                            .class("responsive"),
                            .caption(.text(ctx.t("hours.caption", ["from": ctx.date(from.iso), "to": ctx.date(to.iso)]))),
                            .thead(.tr(.forEach(CarrierHoursReport.headings) { .th(.text(ctx.t($0))) })),
                            .tbody(
                                .forEach(rows) { r in
                                    let cells = CarrierHoursReport.cells(r, ctx)
                                    return .tr(
                                        .forEach(Array(cells.enumerated())) { i, v in
                                            .td(.attribute(named: "data-label", value: ctx.t(CarrierHoursReport.headings[i])), .text(v))
                                        })
                                })
                        )),
                    .if(rows.isEmpty, .p(.text(ctx.t("hours.none")))),
                    .p(
                        .class("actions no-print"),
                        .a(.href(SiteRoute.carriersHours.path(query: period + [("format", "xlsx")])), .text(ctx.t("hours.xlsx"))), .text(" · "),
                        .a(
                            .href(SiteRoute.carriersHours.path(query: period + [("format", "csv"), ("sep", "semicolon")])),
                            .text(ctx.t("hours.csv_semicolon"))),
                        .text(" · "),
                        .a(.href(SiteRoute.carriersHours.path(query: period + [("format", "csv")])), .text(ctx.t("hours.csv_comma"))))
                ))
        )
    }
}
