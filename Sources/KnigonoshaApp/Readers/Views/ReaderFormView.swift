import Plot
import Vapor

/// The create and edit form, in sections a coordinator fills top to bottom on the phone call.
enum ReaderFormView {
    static func render(
        _ ctx: PageContext, reader: Reader?, form f: ReaderForm, branches: [Branch], genres: GenreList, carriers: [User] = [],
        errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) -> Response {
        func field(
            _ name: String, _ value: String?, required: Bool = false, type: String = "text", hint: String? = nil, autocomplete: String? = nil
        ) -> Node<HTML.BodyContext> {
            Forms.input(
                ctx,
                .init(
                    name: name, label: ctx.t("reader." + name), value: value ?? "", error: errors[name], required: required, type: type,
                    hint: hint, autocomplete: autocomplete ?? "off"
                )
            )
        }
        func area(_ name: String, _ value: String?, hint: String? = nil) -> Node<HTML.BodyContext> {
            Forms.textarea(ctx, .init(name: name, label: ctx.t("reader." + name), value: value ?? "", error: errors[name], hint: hint))
        }
        func select<C: LabeledCode>(
            _ name: String, _ value: String?, _ type: C.Type, required: Bool = false, blank: Bool = true
        ) -> Node<HTML.BodyContext> {
            Forms.select(
                ctx, .init(name: name, label: ctx.t("reader." + name), value: value ?? "", error: errors[name], required: required),
                options: (blank ? [("", ctx.t("common.not_chosen"))] : []) + C.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }
            )
        }
        func checks<C: LabeledCode>(_ name: String, _ values: [String]?, _ type: C.Type) -> Node<HTML.BodyContext> {
            Forms.choiceGroup(
                ctx, name: name + "[]", legend: ctx.t("reader." + name), options: C.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) },
                selected: Set(values ?? []), error: errors[name]
            )
        }
        let action: SiteRoute = reader.map { .readerEdit($0.id!) } ?? .readers
        let title = reader.map { ctx.t("reader.edit_title", ["name": $0.fullName]) } ?? ctx.t("reader.new")
        var anchors: [String: String] = [:]
        var labels: [String: String] = [:]
        for i in 0..<12 {
            anchors["phones[\(i)].number"] = "f-phone_number-\(i)"
            anchors["phones[\(i)].label"] = "f-phone_label-\(i)"
            labels["phones[\(i)].number"] = ctx.t("reader.phone_n", ["n": String(i + 1)])
            labels["phones[\(i)].label"] = ctx.t("reader.phone_n", ["n": String(i + 1)])
        }
        let phoneRows = f.filledPhones + [(PhoneLabel.mobile.rawValue, "")] + (f.filledPhones.isEmpty ? [(PhoneLabel.home.rawValue, "")] : [])
        return Layout.page(
            ctx, title: title, status: status,
            .p(.class("hint"), .text(ctx.t("form.required_note"))),
            Forms.errorSummary(ctx, errors, anchors: anchors, labelPrefix: "reader.", labels: labels),
            Forms.post(
                ctx, action: action.path, novalidate: true,
                [
                    Forms.fieldset(
                        ctx.t("reader.section.identity"),
                        field("family_name", f.family_name, required: true),
                        field("given_name", f.given_name, required: true),
                        field("patronymic", f.patronymic),
                        field("birth_date", f.birth_date, type: "date", hint: ctx.t("date.hint")),
                        field("card_number", f.card_number, required: true),
                        Forms.select(
                            ctx,
                            .init(
                                name: "branch_id", label: ctx.t("reader.branch_id"), value: f.branch_id ?? "", error: errors["branch_id"],
                                required: true),
                            options: [("", ctx.t("common.not_chosen"))] + branches.map { ($0.id!.uuidString, $0.name(ctx.lang)) }
                        )
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.contact"),
                        .p(.class("hint"), .text(ctx.t("phone.hint"))),
                        .forEach(phoneRows.enumerated()) { i, row in
                            .element(
                                named: "fieldset",
                                nodes: [
                                    .class("phone-row"),
                                    .element(named: "legend", nodes: [.text(ctx.t("reader.phone_n", ["n": String(i + 1)]))]),
                                    .div(
                                        .class("grid"),
                                        Forms.select(
                                            ctx,
                                            .init(
                                                name: "phone_label[]", label: ctx.t("reader.phone_label"), value: row.0,
                                                error: errors["phones[\(i)].label"], controlID: "f-phone_label-\(i)"
                                            ),
                                            options: PhoneLabel.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }
                                        ),
                                        Forms.input(
                                            ctx,
                                            .init(
                                                name: "phone_number[]", label: ctx.t("reader.phone_number"), value: row.1,
                                                error: errors["phones[\(i)].number"], type: "tel", autocomplete: "off",
                                                controlID: "f-phone_number-\(i)"
                                            )
                                        )
                                    ),
                                ]
                            )
                        },
                        select("preferred_channel", f.preferred_channel, ContactChannel.self),
                        field("caregiver_name", f.caregiver_name),
                        field("caregiver_relation", f.caregiver_relation),
                        field("caregiver_phone", f.caregiver_phone, type: "tel")
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.address"),
                        field("settlement", f.settlement, required: true),
                        field("street", f.street, required: true),
                        .div(
                            .class("grid"),
                            field("building", f.building, required: true),
                            field("apartment", f.apartment),
                            field("entrance", f.entrance),
                            field("floor", f.floor, type: "text"),
                            field("intercom", f.intercom)
                        ),
                        Forms.choiceGroup(
                            ctx, name: "has_lift", legend: ctx.t("reader.has_lift"),
                            options: [("yes", ctx.t("common.yes")), ("no", ctx.t("common.no")), ("", ctx.t("common.unknown"))],
                            selected: [f.has_lift ?? ""], error: errors["has_lift"], radio: true
                        ),
                        area("access_notes", f.access_notes, hint: ctx.t("reader.access_notes_hint")),
                        field("map_link", f.map_link, hint: ctx.t("reader.map_link_hint")),
                        .div(
                            .class("grid"),
                            field("latitude", f.latitude, hint: ctx.t("coords.hint_lat")),
                            field("longitude", f.longitude, hint: ctx.t("coords.hint_lon"))
                        )
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.service"),
                        select("disability_group", f.disability_group, DisabilityGroup.self, required: true, blank: false),
                        checks("needs", f.needs, Need.self),
                        checks("formats", f.formats, MaterialFormat.self),
                        checks("languages", f.languages, MaterialLanguage.self),
                        area("subjects", f.subjects, hint: ctx.t("form.one_per_line")),
                        genreChoices(ctx, genres, chosen: f.genres ?? [], error: errors["genres"]),
                        area("authors", f.authors, hint: ctx.t("form.one_per_line")),
                        area("excluded_topics", f.excluded_topics, hint: ctx.t("form.one_per_line")),
                        area("excluded_authors", f.excluded_authors, hint: ctx.t("form.one_per_line")),
                        area("series", f.series, hint: ctx.t("form.one_per_line"))
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.schedule"),
                        field("items_per_visit", f.items_per_visit, required: true, type: "number"),
                        field("visit_minutes", f.visit_minutes, type: "number", hint: ctx.t("reader.visit_minutes_hint")),
                        Forms.select(
                            ctx,
                            .init(
                                name: "carrier_id", label: ctx.t("reader.carrier_id"), value: f.carrier_id ?? "", error: errors["carrier_id"],
                                hint: ctx.t("reader.carrier_id_hint")),
                            options: [("", ctx.t("common.not_chosen"))]
                                + carriers.map {
                                    (
                                        $0.id!.uuidString.lowercased(),
                                        (branches.count > 1 ? $0.fullName + " (" + ($0.branch?.code ?? "—") + ")" : $0.fullName)
                                            + ($0.isActive ? "" : " " + ctx.t("carriers.inactive"))
                                    )
                                }),
                        select("frequency", f.frequency, VisitFrequency.self, required: true, blank: false),
                        checks("weekdays", f.weekdays, Weekday.self),
                        .div(
                            .class("grid"),
                            field("time_from", f.time_from, type: "time"),
                            field("time_to", f.time_to, type: "time")
                        )
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.registration"),
                        field("registered_on", f.registered_on, required: true, type: "date"),
                        select("referral_source", f.referral_source, ReferralSource.self)
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.consent"),
                        .p(.class("hint"), .text(ctx.t("consent.explain"))),
                        .div(
                            .class("grid"),
                            field("consent_date", f.consent_date, type: "date"),
                            field("consent_until", f.consent_until, type: "date")
                        ),
                        select("consent_signed_by", f.consent_signed_by, ConsentSigner.self),
                        field("consent_representative", f.consent_representative),
                        Forms.choiceGroup(
                            ctx, name: "consent_third_party", legend: ctx.t("reader.consent_third_party"),
                            options: [("on", ctx.t("consent.third_party_yes"))], selected: f.consent_third_party != nil ? ["on"] : [], error: nil
                        ),
                        Forms.choiceGroup(
                            ctx, name: "consent_publication", legend: ctx.t("reader.consent_publication"),
                            options: [("on", ctx.t("consent.publication_yes"))], selected: f.consent_publication != nil ? ["on"] : [], error: nil
                        )
                    ),
                    Forms.fieldset(
                        ctx.t("reader.section.status"),
                        Forms.choiceGroup(
                            ctx, name: "status", legend: ctx.t("reader.status"),
                            options: ReaderStatus.allCases.map { ($0.rawValue, ctx.t($0.labelKey)) }, selected: [f.status ?? ""],
                            error: errors["status"], radio: true, hint: ctx.t("reader.status_hint")
                        ),
                        .div(
                            .class("grid"),
                            field("pause_from", f.pause_from, type: "date"),
                            field("pause_until", f.pause_until, type: "date"),
                            field("pause_reason", f.pause_reason)
                        ),
                        .div(
                            .class("grid"),
                            field("ended_on", f.ended_on, type: "date"),
                            select("end_reason", f.end_reason, EndReason.self)
                        )
                    ),
                    Forms.fieldset(ctx.t("reader.section.notes"), area("notes", f.notes)),
                    .div(
                        .class("actions"),
                        Forms.submit(ctx.t("common.save")),
                        .a(.href(reader.map { SiteRoute.reader($0.id!).path } ?? SiteRoute.readers.path), .text(ctx.t("common.cancel")))
                    ),
                ]
            )
        )
    }

    /// The library's genres as checkboxes, in the coordinator's language, then any genre the
    /// reader had before the list existed, marked as not on the list so it can be unticked.
    static func genreChoices(_ ctx: PageContext, _ list: GenreList, chosen: [String], error: Message?) -> Node<HTML.BodyContext> {
        let options = list.genres.map { ($0.nameRu, $0.name(ctx.lang)) }
        let extra = chosen.filter { list.find($0) == nil }.map { ($0, ctx.t("genre.not_on_list", ["name": $0])) }
        let selected = Set(chosen.map { list.find($0)?.nameRu ?? $0 })
        return .group(
            Forms.choiceGroup(
                ctx, name: "genres[]", legend: ctx.t("reader.genres"), options: options + extra, selected: selected, error: error,
                hint: ctx.t("genre.hint")),
            .p(.class("hint"), .a(.href(SiteRoute.genres.path), .text(ctx.t("genre.manage"))))
        )
    }
}
