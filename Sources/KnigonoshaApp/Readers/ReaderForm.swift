import Routing
import Vapor

/// The reader form as a browser posts it: text everywhere, checkbox lists as arrays, interests
/// one per line. It converts to a `ReaderPayload`, so the form and the API share every rule.
struct ReaderForm: Content {
    var family_name: String?
    var given_name: String?
    var patronymic: String?
    var birth_date: String?
    var card_number: String?
    var branch_id: String?
    var phone_label: [String]?
    var phone_number: [String]?
    var preferred_channel: String?
    var caregiver_name: String?
    var caregiver_relation: String?
    var caregiver_phone: String?
    var settlement: String?
    var street: String?
    var building: String?
    var apartment: String?
    var entrance: String?
    var floor: String?
    var intercom: String?
    var has_lift: String?
    var access_notes: String?
    var latitude: String?
    var longitude: String?
    /// A link from a map service, or «lat, lon»: when given, it fills the two fields.
    var map_link: String?
    var disability_group: String?
    var needs: [String]?
    var formats: [String]?
    var languages: [String]?
    var subjects: String?
    /// Checked genres of the library's list (`genres[]`), and genres the reader had before the list.
    var genres: [String]?
    var authors: String?
    var excluded_topics: String?
    var excluded_authors: String?
    var series: String?
    var items_per_visit: String?
    var visit_minutes: String?
    var carrier_id: String?
    var weekdays: [String]?
    var time_from: String?
    var time_to: String?
    var frequency: String?
    var status: String?
    var pause_from: String?
    var pause_until: String?
    var pause_reason: String?
    var ended_on: String?
    var end_reason: String?
    var referral_source: String?
    var registered_on: String?
    var consent_date: String?
    var consent_until: String?
    var consent_signed_by: String?
    var consent_representative: String?
    var consent_third_party: String?
    var consent_publication: String?
    var notes: String?

    /// Rows of the phone table with a number typed in.
    var filledPhones: [(label: String, number: String)] {
        let numbers = phone_number ?? []
        let labels = phone_label ?? []
        return numbers.enumerated().compactMap { i, n in
            let number = n.trimmingCharacters(in: .whitespaces)
            return number.isEmpty ? nil : (i < labels.count ? labels[i] : PhoneLabel.mobile.rawValue, number)
        }
    }

    func payload() -> (ReaderPayload, FieldErrors) {
        var errors = FieldErrors()
        func lines(_ s: String?) -> [String]? {
            s?.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func int(_ s: String?, _ field: String) -> Int? {
            let t = (s ?? "").trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { return nil }
            guard let v = Int(t) else {
                errors.add(field, "validation.whole_number")
                return nil
            }
            return v
        }
        func yes(_ s: String?) -> Bool { s == "on" || s == "yes" || s == "true" }
        let carrier = (carrier_id ?? "").isEmpty ? nil : UUID(uuidString: carrier_id ?? "")
        if !(carrier_id ?? "").isEmpty && carrier == nil { errors.add("carrier_id", "validation.choice") }
        let branch = (branch_id ?? "").isEmpty ? nil : UUID(uuidString: branch_id ?? "")
        if !(branch_id ?? "").isEmpty && branch == nil { errors.add("branch_id", "validation.choice") }
        var lat = Coordinates.parse(latitude, field: "latitude", into: &errors)
        var lon = Coordinates.parse(longitude, field: "longitude", into: &errors)
        if let link = map_link?.trimmingCharacters(in: .whitespaces), !link.isEmpty {
            if let p = MapLink.point(link) { (lat, lon) = (p.latitude, p.longitude) } else { errors.add("map_link", "coords.link_unreadable") }
        }
        let payload = ReaderPayload(
            family_name: family_name, given_name: given_name, patronymic: patronymic, birth_date: birth_date,
            card_number: card_number, branch_id: branch,
            phones: filledPhones.map { PhoneEntry(label: $0.label, number: $0.number) },
            preferred_channel: preferred_channel, caregiver_name: caregiver_name, caregiver_relation: caregiver_relation,
            caregiver_phone: caregiver_phone, settlement: settlement, street: street, building: building,
            apartment: apartment, entrance: entrance, floor: int(floor, "floor"), intercom: intercom,
            has_lift: has_lift == "yes" ? true : has_lift == "no" ? false : nil, access_notes: access_notes,
            latitude: lat, longitude: lon,
            disability_group: disability_group, needs: needs ?? [], formats: formats ?? [], languages: languages ?? [],
            subjects: lines(subjects), genres: genres ?? [], authors: lines(authors),
            excluded_topics: lines(excluded_topics), excluded_authors: lines(excluded_authors), series: lines(series),
            items_per_visit: int(items_per_visit, "items_per_visit"), visit_minutes: int(visit_minutes, "visit_minutes"),
            carrier_id: carrier, weekdays: weekdays ?? [], time_from: time_from,
            time_to: time_to, frequency: frequency, status: status, pause_from: pause_from, pause_until: pause_until,
            pause_reason: pause_reason, ended_on: ended_on, end_reason: end_reason, referral_source: referral_source,
            registered_on: (registered_on ?? "").isEmpty ? nil : registered_on, consent_date: consent_date,
            consent_until: consent_until, consent_signed_by: consent_signed_by,
            consent_representative: consent_representative, consent_third_party: yes(consent_third_party),
            consent_publication: yes(consent_publication), notes: notes
        )
        return (payload, errors)
    }

    /// The form filled from a stored reader, for editing.
    init(_ r: ReaderRecord) {
        family_name = r.family_name
        given_name = r.given_name
        patronymic = r.patronymic
        birth_date = r.birth_date
        card_number = r.card_number
        branch_id = r.branch_id.uuidString
        phone_label = r.phones.map { $0.label ?? "mobile" }
        phone_number = r.phones.map { $0.number ?? "" }
        preferred_channel = r.preferred_channel
        caregiver_name = r.caregiver_name
        caregiver_relation = r.caregiver_relation
        caregiver_phone = r.caregiver_phone
        settlement = r.settlement
        street = r.street
        building = r.building
        apartment = r.apartment
        entrance = r.entrance
        floor = r.floor.map(String.init)
        intercom = r.intercom
        has_lift = r.has_lift.map { $0 ? "yes" : "no" }
        access_notes = r.access_notes
        latitude = r.latitude.map { String($0) }
        longitude = r.longitude.map { String($0) }
        disability_group = r.disability_group
        needs = r.needs
        formats = r.formats
        languages = r.languages
        subjects = r.subjects.joined(separator: "\n")
        genres = r.genres
        authors = r.authors.joined(separator: "\n")
        excluded_topics = r.excluded_topics.joined(separator: "\n")
        excluded_authors = r.excluded_authors.joined(separator: "\n")
        series = r.series.joined(separator: "\n")
        items_per_visit = String(r.items_per_visit)
        visit_minutes = r.visit_minutes.map(String.init)
        carrier_id = r.carrier_id?.uuidString.lowercased()
        weekdays = r.weekdays
        time_from = r.time_from
        time_to = r.time_to
        frequency = r.frequency
        status = r.status
        pause_from = r.pause_from
        pause_until = r.pause_until
        pause_reason = r.pause_reason
        ended_on = r.ended_on
        end_reason = r.end_reason
        referral_source = r.referral_source
        registered_on = r.registered_on
        consent_date = r.consent_date
        consent_until = r.consent_until
        consent_signed_by = r.consent_signed_by
        consent_representative = r.consent_representative
        consent_third_party = r.consent_third_party ? "on" : nil
        consent_publication = r.consent_publication ? "on" : nil
        notes = r.notes
    }

    /// An empty form with sensible defaults for a new reader.
    init(defaultsFor user: CurrentUser, today: LocalDate) {
        branch_id = user.branchID?.uuidString
        status = ReaderStatus.active.rawValue
        disability_group = DisabilityGroup.none.rawValue
        frequency = VisitFrequency.monthly.rawValue
        items_per_visit = "3"
        registered_on = today.iso
        languages = [MaterialLanguage.ru.rawValue]
        formats = [MaterialFormat.print.rawValue]
    }
}
