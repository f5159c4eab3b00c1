import Fluent
import Vapor

/// The day-before call list: each open visit of a day with whom to call, how, the reminder in the
/// reader's language, and the last call's answer (issue 15, §3).
struct CallEntry: Content {
    struct Contact: Content {
        /// `reader` or `caregiver`.
        var who: String
        var name: String?
        var label: String?
        var number: String
        var tel: String
        var whatsapp: String
        var telegram: String
    }

    struct LastCall: Content {
        var result: String
        var at: Date?
        var moved_to: String?
        var note: String?
    }

    var visit_id: UUID
    var scheduled_on: String
    var time_from: String?
    var time_to: String?
    var reader_id: UUID
    var reader_name: String
    var card_number: String
    var preferred_channel: String?
    /// The language of the reminder: the reader's first language the interface speaks.
    var language: String
    var reminder: String
    var carrier_name: String?
    var contacts: [Contact]
    var last_call: LastCall?
}

enum CallList {
    /// The open visits of `day` in `branchID` (every branch when nil), in time order.
    static func load(day: LocalDate, branchID: UUID?, l10n: Localizer, on db: any Database) async throws -> [CallEntry] {
        var query = Visit.query(on: db).filter(\.$scheduledOn == day.iso).filter(\.$status ~~ VisitState.open)
            .with(\.$reader) { $0.with(\.$phones) }.with(\.$carrier).with(\.$branch)
        if let branchID { query = query.filter(\.$branch.$id == branchID) }
        // A reader whose consent has ended is on no run, so nobody calls them either.
        let visits = try await query.sort(\.$timeFrom).all().filter { $0.reader.hasConsent(on: day.iso) }
        guard !visits.isEmpty else { return [] }
        let readerIDs = visits.map { $0.$reader.id }
        let languages = try await ReaderTag.query(on: db).filter(\.$reader.$id ~~ readerIDs).filter(\.$kind == .language).sort(\.$position).all()
        let calls = try await VisitCall.query(on: db).filter(\.$visit.$id ~~ visits.compactMap(\.id)).sort(\.$calledAt).all()
        let library = try await LibraryName.load(on: db)
        return visits.map { v in
            let r = v.reader
            let lang = languages.filter { $0.$reader.id == r.id }.compactMap { Lang(rawValue: $0.value) }.first ?? .ru
            let text = reminder(v, lang: lang, library: library, l10n: l10n)
            var contacts = r.phones.sorted { $0.position < $1.position }.map {
                contact(who: "reader", name: nil, label: $0.label, number: $0.number, text: text)
            }
            if let phone = r.caregiverPhone, !phone.isEmpty {
                contacts.append(contact(who: "caregiver", name: r.caregiverName, label: nil, number: phone, text: text))
            }
            // The caregiver first when the reader asked to be reached through them.
            if r.preferredChannel == ContactChannel.caregiver.rawValue { contacts.sort { $0.who == "caregiver" && $1.who != "caregiver" } }
            let last = calls.last { $0.$visit.id == v.id }
            return CallEntry(
                visit_id: v.id!, scheduled_on: v.scheduledOn, time_from: v.timeFrom, time_to: v.timeTo, reader_id: r.id!,
                reader_name: r.fullName, card_number: r.cardNumber, preferred_channel: r.preferredChannel, language: lang.rawValue,
                reminder: text, carrier_name: v.carrier?.fullName, contacts: contacts,
                last_call: last.map { .init(result: $0.result, at: $0.calledAt, moved_to: $0.movedTo, note: $0.note) })
        }
    }

    /// The reminder in `lang`: the day, the window, who comes and the branch's phone to call back.
    static func reminder(_ v: Visit, lang: Lang, library: LibraryName, l10n: Localizer) -> String {
        let window =
            switch (v.timeFrom, v.timeTo) {
            case (let from?, let to?): l10n.t("call.window", lang, ["from": from, "to": to])
            default: ""
            }
        let name = lang == .kk ? library.kk ?? library.ru : library.ru ?? library.kk
        return l10n.t(
            v.carrier == nil ? "call.reminder_anon" : "call.reminder", lang,
            [
                "name": v.reader.givenName + (v.reader.patronymic.map { " " + $0 } ?? ""), "date": Formats.date(v.scheduledOn, lang),
                "window": window, "carrier": v.carrier?.fullName ?? "", "library": name ?? v.branch.name(lang),
                "phone": PhoneDisplay.format(v.branch.phone) ?? v.branch.phone,
            ])
    }

    /// A number as `tel:` and messenger links: international digits, the reminder ready to send.
    static func contact(who: String, name: String?, label: String?, number: String, text: String) -> CallEntry.Contact {
        var digits = number.filter(\.isNumber)
        if digits.count == 11 && digits.hasPrefix("8") { digits = "7" + digits.dropFirst() }
        if digits.count == 10 { digits = "7" + digits }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return .init(
            who: who, name: name, label: label, number: number, tel: "tel:+" + digits, whatsapp: "https://wa.me/\(digits)?text=\(encoded)",
            telegram: "https://t.me/share/url?url=%20&text=\(encoded)")
    }
}
