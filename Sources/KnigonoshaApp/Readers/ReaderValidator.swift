import Fluent
import Routing
import TextKit
import Vapor

/// Checks a reader payload against the rules of the registry and turns it into a clean record.
/// The same rules serve the web form and the API.
struct ReaderValidator {
    let user: CurrentUser
    let today: LocalDate
    let db: any Database
    /// The reader being edited; `nil` when creating.
    let readerID: UUID?

    static let maxListItems = 1000

    func validate(_ p: ReaderPayload) async throws -> (ReaderRecord?, FieldErrors) {
        var e = FieldErrors()

        func text(_ value: String?, _ field: String, required: Bool = false, max: Int = 200) -> String? {
            e.text(value, field, required: required, max: max)
        }
        func date(_ value: String?, _ field: String, required: Bool = false) -> LocalDate? {
            guard let v = text(value, field, required: required, max: 10) else { return nil }
            guard let d = LocalDate(v), d.year >= 1900 else {
                e.add(field, "validation.date")
                return nil
            }
            return d
        }
        func code<C: LabeledCode>(_ value: String?, _ field: String, _ type: C.Type, required: Bool = false) -> String? {
            guard let v = text(value, field, required: required, max: 40) else { return nil }
            guard C(rawValue: v) != nil else {
                e.add(field, "validation.choice")
                return nil
            }
            return v
        }
        func codes<C: LabeledCode>(_ values: [String]?, _ field: String, _ type: C.Type) -> [String] {
            var seen = Set<String>()
            var out: [String] = []
            for v in values ?? [] {
                guard C(rawValue: v) != nil else {
                    e.add(field, "validation.choice")
                    continue
                }
                if seen.insert(v).inserted { out.append(v) }
            }
            // Keep the catalog's order so that equal sets compare equal in the history.
            return C.codes.filter { seen.contains($0) }
        }
        func list(_ values: [String]?, _ field: String) -> [String] {
            var seen = Set<String>()
            var out: [String] = []
            for raw in values ?? [] {
                let v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !v.isEmpty else { continue }
                if v.count > 200 { e.add(field, "validation.item_too_long", ["max": "200"]) }
                if TextRules.hasControlCharacters(v) { e.add(field, "validation.control_chars") }
                if seen.insert(SearchFolding.fold(v)).inserted { out.append(v) }
            }
            if out.count > Self.maxListItems { e.add(field, "validation.too_many", ["max": String(Self.maxListItems)]) }
            return out
        }
        func phone(_ value: String?, _ field: String) -> String? {
            guard let v = text(value, field, max: 40) else { return nil }
            guard let parsed = PhoneNumber(parsing: v) else {
                e.add(field, "validation.phone")
                return nil
            }
            return parsed.e164
        }
        func time(_ value: String?, _ field: String) -> String? {
            guard let v = text(value, field, max: 8) else { return nil }
            // HH:MM, or HH:MM:SS as some browsers send it; nothing looser.
            let parts = v.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
                parts.count == 2 || (Int(parts[2]).map { (0...59).contains($0) } ?? false)
            else {
                e.add(field, "validation.time")
                return nil
            }
            return String(format: "%02d:%02d", h, m)
        }

        // identity
        let familyName = text(p.family_name, "family_name", required: true, max: 100)
        let givenName = text(p.given_name, "given_name", required: true, max: 100)
        let patronymic = text(p.patronymic, "patronymic", max: 100)
        let birth = date(p.birth_date, "birth_date")
        if let birth, birth > today { e.add("birth_date", "validation.birth_future") }
        let card = text(p.card_number, "card_number", required: true, max: 30)
        if let card, !card.allSatisfy({ $0.isLetter || $0.isNumber || "-/.".contains($0) }) {
            e.add("card_number", "reader.card_format")
        }
        let branchID = p.branch_id
        if branchID == nil {
            e.add("branch_id", "validation.required")
        } else if try await Branch.find(branchID, on: db) == nil {
            e.add("branch_id", "validation.choice")
        } else if !user.canAccess(branchID: branchID) {
            e.add("branch_id", "reader.branch_forbidden")
        }

        // contact
        var phones: [PhoneEntry] = []
        for (i, entry) in (p.phones ?? []).enumerated() {
            let label = code(entry.label ?? PhoneLabel.mobile.rawValue, "phones[\(i)].label", PhoneLabel.self) ?? "mobile"
            if let number = phone(entry.number, "phones[\(i)].number") {
                phones.append(PhoneEntry(label: label, number: number))
            } else if (entry.number ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                e.add("phones[\(i)].number", "validation.required")
            }
        }
        if phones.count > 10 { e.add("phones", "validation.too_many", ["max": "10"]) }
        let channel = code(p.preferred_channel, "preferred_channel", ContactChannel.self)
        let caregiverName = text(p.caregiver_name, "caregiver_name")
        let caregiverRelation = text(p.caregiver_relation, "caregiver_relation", max: 100)
        let caregiverPhone = phone(p.caregiver_phone, "caregiver_phone")
        if channel == ContactChannel.caregiver.rawValue && caregiverPhone == nil && e["caregiver_phone"] == nil {
            e.add("caregiver_phone", "reader.caregiver_phone_needed")
        }

        // address
        let settlement = text(p.settlement, "settlement", required: true)
        let street = text(p.street, "street", required: true)
        let building = text(p.building, "building", required: true, max: 20)
        let apartment = text(p.apartment, "apartment", max: 20)
        let entrance = text(p.entrance, "entrance", max: 20)
        if let floor = p.floor, !(-3...100).contains(floor) { e.add("floor", "validation.range", ["min": "-3", "max": "100"]) }
        let intercom = text(p.intercom, "intercom", max: 40)
        let accessNotes = text(p.access_notes, "access_notes", max: 1000)
        e.merge(Coordinates.validate(latitude: p.latitude, longitude: p.longitude))
        // A point far from the reader's branch is a slip (a swapped pair, another town's link):
        // refused, so that no carrier is sent across the region (issue 15, §3).
        if e["latitude"] == nil, e["longitude"] == nil, let point = GeoPoint(latitude: p.latitude, longitude: p.longitude), let branchID = p.branch_id
        {
            Coordinates.checkNear(point, branch: try await Branch.find(branchID, on: db)?.point, field: "latitude", into: &e)
        }

        // service and needs
        let genres = try await genreChoices(list(p.genres, "genres"), &e)
        let disability = code(p.disability_group ?? DisabilityGroup.none.rawValue, "disability_group", DisabilityGroup.self)
        let needs = codes(p.needs, "needs", Need.self)
        let formats = codes(p.formats, "formats", MaterialFormat.self)
        let languages = codes(p.languages, "languages", MaterialLanguage.self)
        let weekdays = codes(p.weekdays, "weekdays", Weekday.self)
        let items = p.items_per_visit ?? 3
        if !(1...20).contains(items) { e.add("items_per_visit", "validation.range", ["min": "1", "max": "20"]) }
        if let m = p.visit_minutes, !(5...180).contains(m) { e.add("visit_minutes", "validation.range", ["min": "5", "max": "180"]) }
        let timeFrom = time(p.time_from, "time_from")
        let timeTo = time(p.time_to, "time_to")
        if let a = timeFrom, let b = timeTo, a >= b { e.add("time_to", "reader.time_order") }
        let frequency = code(p.frequency ?? VisitFrequency.monthly.rawValue, "frequency", VisitFrequency.self)

        // registration and consent
        let registered = date(p.registered_on ?? today.iso, "registered_on")
        if let registered, registered > today { e.add("registered_on", "validation.not_future") }
        let referral = code(p.referral_source, "referral_source", ReferralSource.self)
        let consentDate = date(p.consent_date, "consent_date")
        if let consentDate, consentDate > today { e.add("consent_date", "validation.not_future") }
        let consentUntil = date(p.consent_until, "consent_until")
        if let a = consentDate, let b = consentUntil, b < a { e.add("consent_until", "validation.end_before_start") }
        let signer = code(p.consent_signed_by, "consent_signed_by", ConsentSigner.self)
        let representative = text(p.consent_representative, "consent_representative")
        if signer == ConsentSigner.representative.rawValue && representative == nil {
            e.add("consent_representative", "consent.representative_needed")
        }
        if consentDate != nil && signer == nil && e["consent_signed_by"] == nil { e.add("consent_signed_by", "validation.required") }
        if consentDate == nil && (signer != nil || consentUntil != nil) { e.add("consent_date", "validation.required") }

        // status
        let status = code(p.status ?? ReaderStatus.active.rawValue, "status", ReaderStatus.self)
        var pauseFrom: LocalDate?, pauseUntil: LocalDate?, pauseReason: String?, endedOn: LocalDate?, endReason: String?
        switch status.flatMap(ReaderStatus.init(rawValue:)) {
        case .active?:
            if consentDate == nil {
                e.add("status", "consent.required_for_active")
                e.add("consent_date", "consent.required")
            } else if let until = consentUntil, until < today {
                e.add("consent_until", "consent.expired")
            }
        case .paused?:
            pauseFrom = date(p.pause_from, "pause_from", required: true)
            pauseUntil = date(p.pause_until, "pause_until")
            if let a = pauseFrom, let b = pauseUntil, b < a { e.add("pause_until", "validation.end_before_start") }
            pauseReason = text(p.pause_reason, "pause_reason")
        case .ended?:
            endedOn = date(p.ended_on, "ended_on", required: true)
            if let endedOn, endedOn > today { e.add("ended_on", "validation.not_future") }
            endReason = code(p.end_reason, "end_reason", EndReason.self, required: true)
        case .pending?, nil:
            break
        }
        let notes = text(p.notes, "notes", max: 2000)

        // The carrier of record: an active carrier of the reader's own branch, or none.
        var carrier: UUID?
        if let id = p.carrier_id, let branchID {
            // Kept as it was (a carrier deactivated since): saving the card does not refuse or drop it.
            let unchanged = try await readerID.asyncFlatMap { try await Reader.find($0, on: db)?.carrierID } == id
            if unchanged {
                carrier = id
            } else if let u = try await User.find(id, on: db), u.role == .carrier, u.isActive, u.$branch.id == branchID {
                carrier = id
            } else {
                e.add("carrier_id", "reader.carrier_invalid")
            }
        }
        let record = ReaderRecord(
            id: readerID, family_name: familyName ?? "", given_name: givenName ?? "", patronymic: patronymic,
            birth_date: birth?.iso, card_number: card ?? "", branch_id: branchID ?? SiteRoute.anyID, phones: phones,
            preferred_channel: channel, caregiver_name: caregiverName, caregiver_relation: caregiverRelation,
            caregiver_phone: caregiverPhone, settlement: settlement ?? "", street: street ?? "", building: building ?? "",
            apartment: apartment, entrance: entrance, floor: p.floor, intercom: intercom, has_lift: p.has_lift,
            access_notes: accessNotes, latitude: p.latitude, longitude: p.longitude,
            disability_group: disability ?? DisabilityGroup.none.rawValue, needs: needs, formats: formats,
            languages: languages, subjects: list(p.subjects, "subjects"), genres: genres,
            authors: list(p.authors, "authors"), excluded_topics: list(p.excluded_topics, "excluded_topics"),
            excluded_authors: list(p.excluded_authors, "excluded_authors"), series: list(p.series, "series"),
            items_per_visit: items, visit_minutes: p.visit_minutes, carrier_id: carrier, weekdays: weekdays, time_from: timeFrom, time_to: timeTo,
            frequency: frequency ?? VisitFrequency.monthly.rawValue, status: status ?? ReaderStatus.active.rawValue,
            pause_from: pauseFrom?.iso, pause_until: pauseUntil?.iso, pause_reason: pauseReason, ended_on: endedOn?.iso,
            end_reason: endReason, referral_source: referral, registered_on: registered?.iso ?? today.iso,
            consent_date: consentDate?.iso, consent_until: consentUntil?.iso, consent_signed_by: signer,
            consent_representative: signer == ConsentSigner.representative.rawValue ? representative : nil,
            consent_third_party: p.consent_third_party ?? false, consent_publication: p.consent_publication ?? false,
            notes: notes
        )

        if let card, e["card_number"] == nil {
            var taken = Reader.query(on: db).filter(\.$cardNumber == card)
            if let readerID { taken = taken.filter(\.$id != readerID) }
            if try await taken.count() > 0 { e.add("card_number", "reader.card_taken") }
        }
        return (e.isEmpty ? record : nil, e)
    }

    /// Genres come from the library's list (by either name, stored by the Russian one). A genre
    /// the reader already has stays even if it is not on the list: it was typed before the list
    /// existed, and editing a reader must not make them lose it.
    func genreChoices(_ values: [String], _ e: inout FieldErrors) async throws -> [String] {
        guard !values.isEmpty else { return [] }
        let known = try await GenreList.load(on: db)
        var kept = Set<String>()
        if let readerID {
            kept = Set(
                try await ReaderTag.query(on: db).filter(\.$reader.$id == readerID).filter(\.$kind == .genre).all()
                    .map { SearchFolding.fold($0.value) })
        }
        var out: [String] = []
        for v in values {
            let stored = known.find(v)?.nameRu ?? (kept.contains(SearchFolding.fold(v)) ? v : nil)
            guard let stored else {
                e.add("genres", "genre.unknown", ["name": v])
                continue
            }
            if !out.contains(stored) { out.append(stored) }
        }
        return out
    }
}
