import Plot
import Vapor

extension VisitsView {
    static func requestForm(
        _ ctx: PageContext, form: VisitPayload, readers: [Reader], carriers: [User], errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) -> Response {
        func field(_ name: String, _ value: String?, type: String = "text", required: Bool = false) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx, .init(name: name, label: ctx.t("visits." + name), value: value ?? "", error: errors[name], required: required, type: type))
        }
        func codes<C: LabeledCode>(_ type: C.Type) -> [(String, String)] {
            [("", ctx.t("common.not_chosen"))] + C.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }
        }
        return Layout.page(
            ctx, title: ctx.t("visits.new_request"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "visits."),
            Forms.post(
                ctx, SiteRoute.visitNew, novalidate: true,
                Forms.select(
                    ctx,
                    .init(
                        name: "reader_id", label: ctx.t("visits.reader_id"), value: form.reader_id ?? "", error: errors["reader_id"], required: true),
                    options: [("", ctx.t("common.not_chosen"))]
                        + readers.map { ($0.id!.uuidString.lowercased(), $0.fullName + " (" + $0.cardNumber + ")") }),
                Forms.select(
                    ctx,
                    .init(
                        name: "requested_by", label: ctx.t("visits.requested_by"), value: form.requested_by ?? "", error: errors["requested_by"],
                        required: true),
                    options: codes(Requester.self)),
                Forms.select(
                    ctx,
                    .init(
                        name: "request_channel", label: ctx.t("visits.request_channel"), value: form.request_channel ?? "",
                        error: errors["request_channel"], required: true),
                    options: codes(RequestChannel.self)),
                Forms.textarea(
                    ctx,
                    .init(
                        name: "request_text", label: ctx.t("visits.request_text"), value: form.request_text ?? "", error: errors["request_text"],
                        required: true)),
                field("scheduled_on", form.scheduled_on, type: "date", required: true),
                .div(.class("grid"), field("time_from", form.time_from, type: "time"), field("time_to", form.time_to, type: "time")),
                Forms.select(
                    ctx, .init(name: "carrier_id", label: ctx.t("visits.carrier_id"), value: form.carrier_id ?? "", error: errors["carrier_id"]),
                    options: [("", ctx.t("visits.carrier_auto"))] + carriers.map { ($0.id!.uuidString.lowercased(), $0.fullName) }),
                .div(.class("actions"), Forms.submit(ctx.t("common.save")), .a(.href(SiteRoute.visits.path), .text(ctx.t("common.cancel"))))
            )
        )
    }

    /// What to take off the shelves for a day, in shelf-mark order, to print.
    static func pickList(
        _ ctx: PageContext, day: LocalDate, branch: UUID?, items: [VisitItem], arriving: [VisitItem], branchNames: [UUID: String]
    ) -> Response {
        // A copy for another branch's visit goes there first: the row says where.
        func sendTo(_ i: VisitItem) -> String {
            guard let from = i.copy?.$branch.id, from != i.visit.$branch.id else { return "" }
            return ctx.t("visits.send_to", ["branch": branchNames[i.visit.$branch.id] ?? "—"])
        }
        return Layout.page(
            ctx, title: ctx.t("visits.pick_list") + " — " + ctx.date(day.iso), wide: true,
            // Another day's list without going back to the calendar.
            .element(
                named: "form",
                nodes: [
                    .class("filters no-print"), .attribute(named: "method", value: "get"),
                    .attribute(named: "action", value: SiteRoute.pickList.path),
                    Forms.input(ctx, .init(name: "date", label: ctx.t("visits.pick_list_day"), value: day.iso, type: "date")),
                    .selfClosedElement(
                        named: "input",
                        attributes: [
                            .attribute(named: "type", value: "hidden"), .attribute(named: "name", value: "branch"),
                            .attribute(named: "value", value: branch?.uuidString.lowercased() ?? ""),
                        ]),
                    .button(.type(.submit), .text(ctx.t("visits.pick_list_show"))),
                ]),
            PrintParts.button(ctx, ctx.t("visits.pick_list_print")),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.plural("visits.pick_count", items.count))),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("copy.shelf_mark"))), .th(.text(ctx.t("copy.inventory_number"))), .th(.text(ctx.t("visits.title_col"))),
                            .th(.text(ctx.t("visits.reader"))), .th(.text(ctx.t("visits.carrier"))), .th(.text(ctx.t("visits.send_col"))))),
                    .tbody(
                        .forEach(items) { i in
                            .tr(
                                .td(.text(i.copy?.shelfMark ?? "—")), .td(.text(i.copy?.inventoryNumber ?? "—")),
                                .td(.text(i.bib.title + (i.bib.form == "print" ? "" : " (" + ctx.t("material." + i.bib.form) + ")"))),
                                .td(.text(i.visit.reader.fullName)), .td(.text(i.visit.carrier?.fullName ?? "—")), .td(.text(sendTo(i)))
                            )
                        }
                    )
                )
            ),
            .if(
                !arriving.isEmpty,
                .div(
                    .class("table-wrap"), H.scrollRegion(ctx),
                    .table(
                        .id("arriving"),
                        .caption(.text(ctx.plural("visits.arriving_count", arriving.count))),
                        .thead(
                            .tr(
                                .th(.text(ctx.t("visits.from_col"))), .th(.text(ctx.t("copy.inventory_number"))),
                                .th(.text(ctx.t("visits.title_col"))), .th(.text(ctx.t("visits.reader"))))),
                        .tbody(
                            .forEach(arriving) { i in
                                .tr(
                                    .td(.text(i.copy.flatMap { $0.$branch.id }.flatMap { branchNames[$0] } ?? "—")),
                                    .td(.text(i.copy?.inventoryNumber ?? "—")), .td(.text(i.bib.title)), .td(.text(i.visit.reader.fullName)))
                            })))),
            .script(.src(SiteRoute.runScript.path), .defer())
        )
    }
}
