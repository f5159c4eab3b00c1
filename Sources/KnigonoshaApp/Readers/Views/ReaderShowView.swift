import Plot
import Vapor

/// A reader's record, in the same sections as the form, with the change history at the end.
enum ReaderShowView {
    typealias Rows = [Node<HTML.BodyContext>]

    static func render(
        _ ctx: PageContext, reader: Reader, record r: ReaderRecord, changes: [ReaderChange], branchNames: [String: String],
        serviceHistory: ReaderService = ReaderService(visits: [], loans: [], nextVisit: nil),
        nextVisit: (value: String, errors: FieldErrors)? = nil, httpStatus: HTTPStatus = .ok, genres: GenreList = GenreList(genres: []),
        openedBy: [AuditEntry]? = nil, carrier: User? = nil
    ) -> Response {
        let sections: [Node<HTML.BodyContext>] =
            recordSections(ctx, reader, r, genres) + [
                carrierOfRecord(ctx, carrier, next: serviceHistory.nextVisit),
                ReaderServiceView.section(ctx, reader, serviceHistory, nextVisit: nextVisit),
                history(ctx, changes, branchNames),
                .unwrap(openedBy) { AuditView.openedBy(ctx, $0, readerID: reader.id!, card: r.card_number) },
            ]
        let badge: Node<HTML.BodyContext> = .p(
            .span(.class("badge status-\(r.status)"), .text(ctx.t("status." + r.status))), .text(" "),
            .text(ctx.t("reader.card_number") + ": " + r.card_number)
        )
        let removed = reader.removedAs != nil
        let actions: Node<HTML.BodyContext> = .div(
            .class("actions"),
            .if(!removed, .a(.class("button primary"), .href(SiteRoute.readerEdit(reader.id!).path), .text(ctx.t("reader.edit")))),
            .if(
                !removed,
                .a(
                    .class("button"), .href(SiteRoute.visitNew.path(query: [("reader", reader.id!.uuidString.lowercased())])),
                    .text(ctx.t("visits.new_request")))),
            .a(.class("button secondary"), .href(SiteRoute.readerConsentRecords(reader.id!).path), .text(ctx.t("consent.link"))),
            .a(.class("button secondary"), .href(SiteRoute.readerExport(reader.id!).path), .text(ctx.t("export.link"))),
            .if(
                !removed && ctx.user?.isAdmin == true,
                .a(.class("button danger"), .href(SiteRoute.readerRemove(reader.id!).path), .text(ctx.t("removal.link"))))
        )
        let banner: Node<HTML.BodyContext> = .unwrap(reader.removedAs) {
            ReaderExportView.removal(ctx, .init(kind: $0, on: reader.removedOn, reason: reader.removalReason))
        }
        return Layout.page(ctx, title: reader.fullName, status: httpStatus, banner, badge, actions, .group(sections))
    }

    /// Who usually comes, and who comes next time when that is someone else (issue 15, §1).
    static func carrierOfRecord(_ ctx: PageContext, _ carrier: User?, next: Visit?) -> Node<HTML.BodyContext> {
        .unwrap(carrier) { c in
            let substitute = next.flatMap { v in v.$carrier.id != c.id ? v : nil }
            return .p(
                .id("carrier-of-record"),
                .text(ctx.t("reader.carrier_of_record", ["name": c.fullName + (c.isActive ? "" : " " + ctx.t("carriers.inactive"))])),
                .unwrap(substitute) { v in
                    .text(
                        " "
                            + ctx.t(
                                v.carrier == nil ? "reader.next_visit_unassigned" : "reader.next_visit_substitute",
                                ["date": ctx.date(v.scheduledOn), "name": v.carrier?.fullName ?? ""]))
                })
        }
    }

    /// The record in the form's sections: the reader's page and the subject-access export.
    static func recordSections(_ ctx: PageContext, _ reader: Reader, _ r: ReaderRecord, _ genres: GenreList) -> [Node<HTML.BodyContext>] {
        [
            section(ctx, "identity", identity(ctx, reader, r)),
            section(ctx, "contact", contact(ctx, r)),
            section(ctx, "address", address(ctx, r)),
            section(ctx, "service", service(ctx, r, genres)),
            section(ctx, "schedule", schedule(ctx, r)),
            section(ctx, "status", status(ctx, r)),
            section(ctx, "consent", consent(ctx, reader, r)),
            r.notes == nil ? .empty : section(ctx, "notes", row(ctx, "reader.notes", r.notes)),
        ]
    }

    private static func row(_ ctx: PageContext, _ key: String, _ value: String?) -> Rows {
        guard let value, !value.isEmpty else { return [] }
        return [H.dt(ctx.t(key)), H.dd(value)]
    }

    private static func phoneRow(_ label: String, _ number: String) -> Rows {
        [H.dt(label), H.dd(.a(.href("tel:" + number), .text(PhoneDisplay.format(number) ?? number)))]
    }

    private static func labels<C: LabeledCode>(_ ctx: PageContext, _ codes: [String], _ type: C.Type) -> String? {
        codes.isEmpty ? nil : codes.map { ctx.t("\(C.labelPrefix).\($0)") }.joined(separator: ", ")
    }

    private static func joined(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: "; ") }

    private static func yesNo(_ ctx: PageContext, _ value: Bool) -> String { ctx.t(value ? "common.yes" : "common.no") }

    private static func identity(_ ctx: PageContext, _ reader: Reader, _ r: ReaderRecord) -> Rows {
        var rows = row(ctx, "reader.birth_date", ctx.date(r.birth_date))
        rows += row(ctx, "reader.branch_id", reader.branch.name(ctx.lang))
        rows += row(ctx, "reader.registered_on", ctx.date(r.registered_on))
        rows += row(ctx, "reader.referral_source", r.referral_source.map { ctx.t("referral." + $0) })
        return rows
    }

    private static func contact(_ ctx: PageContext, _ r: ReaderRecord) -> Rows {
        var rows: Rows = []
        for phone in r.phones { rows += phoneRow(ctx.t("phone_label." + (phone.label ?? "mobile")), phone.number ?? "") }
        rows += row(ctx, "reader.preferred_channel", r.preferred_channel.map { ctx.t("channel." + $0) })
        rows += row(ctx, "reader.caregiver_name", r.caregiver_name)
        rows += row(ctx, "reader.caregiver_relation", r.caregiver_relation)
        if let phone = r.caregiver_phone { rows += phoneRow(ctx.t("reader.caregiver_phone"), phone) }
        return rows
    }

    private static func address(_ ctx: PageContext, _ r: ReaderRecord) -> Rows {
        // An anonymised or erased reader has no address left.
        guard !(r.settlement.isEmpty && r.street.isEmpty && r.building.isEmpty) else { return [] }
        var parts = [r.settlement, r.street, ctx.t("address.building_short") + " " + r.building]
        if let apartment = r.apartment { parts.append(ctx.t("address.apartment_short") + " " + apartment) }
        var rows = row(ctx, "reader.address", parts.joined(separator: ", "))
        rows += row(ctx, "reader.entrance", r.entrance)
        rows += row(ctx, "reader.floor", r.floor.map(String.init))
        rows += row(ctx, "reader.intercom", r.intercom)
        rows += row(ctx, "reader.has_lift", r.has_lift.map { yesNo(ctx, $0) })
        rows += row(ctx, "reader.access_notes", r.access_notes)
        if let lat = r.latitude, let lon = r.longitude { rows += row(ctx, "reader.coordinates", "\(lat), \(lon)") }
        return rows
    }

    private static func service(_ ctx: PageContext, _ r: ReaderRecord, _ genres: GenreList) -> Rows {
        var rows = row(ctx, "reader.disability_group", ctx.t("disability." + r.disability_group))
        rows += row(ctx, "reader.needs", labels(ctx, r.needs, Need.self))
        rows += row(ctx, "reader.formats", labels(ctx, r.formats, MaterialFormat.self))
        rows += row(ctx, "reader.languages", labels(ctx, r.languages, MaterialLanguage.self))
        rows += row(ctx, "reader.subjects", joined(r.subjects))
        rows += row(ctx, "reader.genres", joined(r.genres.map { genres.label($0, ctx.lang) }))
        rows += row(ctx, "reader.authors", joined(r.authors))
        rows += row(ctx, "reader.excluded_topics", joined(r.excluded_topics))
        rows += row(ctx, "reader.excluded_authors", joined(r.excluded_authors))
        rows += row(ctx, "reader.series", joined(r.series))
        return rows
    }

    private static func schedule(_ ctx: PageContext, _ r: ReaderRecord) -> Rows {
        var rows = row(ctx, "reader.items_per_visit", ctx.plural("unit.items", r.items_per_visit))
        rows += row(ctx, "reader.visit_minutes", ctx.t("reader.visit_minutes_value", ["n": String(r.visit_minutes ?? 20)]))
        rows += row(ctx, "reader.frequency", ctx.t("frequency." + r.frequency))
        rows += row(ctx, "reader.weekdays", labels(ctx, r.weekdays, Weekday.self))
        rows += row(ctx, "reader.time_window", [r.time_from, r.time_to].compactMap { $0 }.joined(separator: "–"))
        return rows
    }

    private static func status(_ ctx: PageContext, _ r: ReaderRecord) -> Rows {
        var rows = row(ctx, "reader.status", ctx.t("status." + r.status))
        rows += row(ctx, "reader.pause_from", ctx.date(r.pause_from))
        rows += row(ctx, "reader.pause_until", ctx.date(r.pause_until))
        rows += row(ctx, "reader.pause_reason", r.pause_reason)
        rows += row(ctx, "reader.ended_on", ctx.date(r.ended_on))
        rows += row(ctx, "reader.end_reason", r.end_reason.map { ctx.t("end_reason." + $0) })
        return rows
    }

    private static func consent(_ ctx: PageContext, _ reader: Reader, _ r: ReaderRecord) -> Rows {
        guard r.consent_date != nil else { return row(ctx, "reader.consent_date", ctx.t("consent.none")) }
        var rows = row(ctx, "reader.consent_date", ctx.date(r.consent_date))
        rows += row(ctx, "reader.consent_until", ctx.date(r.consent_until))
        rows += row(ctx, "consent.withdrawn_on_row", reader.consentWithdrawnOn.map { ctx.date($0) })
        rows += row(ctx, "reader.consent_signed_by", r.consent_signed_by.map { ctx.t("consent_signer." + $0) })
        rows += row(ctx, "reader.consent_representative", r.consent_representative)
        rows += row(ctx, "reader.consent_third_party", yesNo(ctx, r.consent_third_party))
        rows += row(ctx, "reader.consent_publication", yesNo(ctx, r.consent_publication))
        return rows
    }

    private static func section(_ ctx: PageContext, _ id: String, _ rows: Rows) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "sec-" + id),
            .h2(.id("sec-" + id), .text(ctx.t("reader.section." + id))),
            rows.isEmpty ? .p(.class("muted"), .text(ctx.t("common.not_given"))) : H.dl(rows)
        )
    }

    static func history(_ ctx: PageContext, _ changes: [ReaderChange], _ branchNames: [String: String]) -> Node<HTML.BodyContext> {
        func cell(_ key: String, _ text: String) -> Node<HTML.TableRowContext> {
            .td(.attribute(named: "data-label", value: ctx.t(key)), .text(text))
        }
        let rows: [Node<HTML.TableContext>] = changes.map { c in
            let field = c.field == "_created" ? ctx.t("history.created") : ctx.t("reader." + c.field)
            return .tr(
                cell("history.when", ctx.dateTime(c.changedAt)),
                cell("history.who", c.user?.fullName ?? ctx.t("history.unknown_user")),
                cell("history.field", field),
                cell("history.old", HistoryValue.display(c.field, c.oldValue, ctx, branchNames: branchNames)),
                cell("history.new", HistoryValue.display(c.field, c.newValue, ctx, branchNames: branchNames))
            )
        }
        return .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "sec-history"),
            .h2(.id("sec-history"), .text(ctx.t("reader.section.history"))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .class("responsive"),
                    .thead(
                        .tr(
                            .th(.text(ctx.t("history.when"))), .th(.text(ctx.t("history.who"))), .th(.text(ctx.t("history.field"))),
                            .th(.text(ctx.t("history.old"))), .th(.text(ctx.t("history.new")))
                        )
                    ),
                    .tbody(.group(rows))
                )
            )
        )
    }
}
