import Fluent
import TextKit
import Vapor

/// Saves readers with their phones, tags and change history in one transaction, so a reader is
/// never half-written.
enum ReaderStore {
    /// A duplicate card number that slipped past validation (two saves at once) is reported on the field.
    /// The form also registers consent: `today` dates the consent records it adds or withdraws.
    static func create(
        _ record: ReaderRecord, by user: CurrentUser, today: LocalDate = .today(in: AppConfig.defaultTimeZone), on db: any Database
    ) async throws -> Reader {
        let reader = Reader()
        do {
            try await db.transaction { tx in
                apply(record, to: reader)
                try await reader.create(on: tx)
                try await replaceChildren(of: reader, with: record, on: tx)
                try await Consents.followForm(reader, old: nil, new: record, today: today, on: tx)
                try await ReaderChange(readerID: reader.id!, userID: user.id, at: Date(), field: "_created", old: nil, new: nil)
                    .create(on: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError.validation(cardTaken())
        }
        return reader
    }

    /// Saves the changes and records one history row per changed field. Returns how many fields changed.
    @discardableResult
    static func update(
        _ reader: Reader, from old: ReaderRecord, to record: ReaderRecord, by user: CurrentUser,
        today: LocalDate = .today(in: AppConfig.defaultTimeZone), on db: any Database
    )
        async throws -> Int
    {
        let before = Dictionary(old.snapshot.map { ($0.0, $0.1) }) { a, _ in a }
        let changes = record.snapshot.filter { before[$0.0] != $0.1 }
        guard !changes.isEmpty else { return 0 }
        let now = Date()
        do {
            try await db.transaction { tx in
                apply(record, to: reader)
                try await reader.save(on: tx)
                try await replaceChildren(of: reader, with: record, on: tx)
                try await Consents.followForm(reader, old: old, new: record, today: today, on: tx)
                for (field, value) in changes {
                    try await ReaderChange(readerID: reader.id!, userID: user.id, at: now, field: field, old: before[field] ?? nil, new: value)
                        .create(on: tx)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError.validation(cardTaken())
        }
        return changes.count
    }

    /// Loads a reader with everything the record needs.
    static func find(_ id: UUID, on db: any Database) async throws -> Reader? {
        try await Reader.query(on: db).filter(\.$id == id).with(\.$phones).with(\.$tags).with(\.$branch).first()
    }

    static func record(of r: Reader) -> ReaderRecord {
        let tags = r.$tags.value ?? []
        func values(_ kind: TagKind) -> [String] { tags.filter { $0.kind == kind }.sorted { $0.position < $1.position }.map(\.value) }
        return ReaderRecord(
            id: r.id, family_name: r.familyName, given_name: r.givenName, patronymic: r.patronymic, birth_date: r.birthDate,
            card_number: r.cardNumber, branch_id: r.$branch.id,
            phones: (r.$phones.value ?? []).sorted { $0.position < $1.position }.map { PhoneEntry(label: $0.label, number: $0.number) },
            preferred_channel: r.preferredChannel, caregiver_name: r.caregiverName, caregiver_relation: r.caregiverRelation,
            caregiver_phone: r.caregiverPhone, settlement: r.settlement, street: r.street, building: r.building,
            apartment: r.apartment, entrance: r.entrance, floor: r.floor, intercom: r.intercom, has_lift: r.hasLift,
            access_notes: r.accessNotes, latitude: r.latitude, longitude: r.longitude, disability_group: r.disabilityGroup,
            needs: values(.need), formats: values(.format), languages: values(.language), subjects: values(.subject),
            genres: values(.genre), authors: values(.author), excluded_topics: values(.excludedTopic),
            excluded_authors: values(.excludedAuthor), series: values(.series), items_per_visit: r.itemsPerVisit,
            visit_minutes: r.visitMinutes, carrier_id: r.carrierID,
            weekdays: values(.weekday), time_from: r.timeFrom, time_to: r.timeTo, frequency: r.frequency, status: r.status,
            pause_from: r.pauseFrom, pause_until: r.pauseUntil, pause_reason: r.pauseReason, ended_on: r.endedOn,
            end_reason: r.endReason, referral_source: r.referralSource, registered_on: r.registeredOn,
            consent_date: r.consentDate, consent_until: r.consentUntil, consent_signed_by: r.consentSignedBy,
            consent_representative: r.consentRepresentative, consent_third_party: r.consentThirdParty,
            consent_publication: r.consentPublication, notes: r.notes, created_at: r.createdAt, updated_at: r.updatedAt
        )
    }

    private static func apply(_ p: ReaderRecord, to r: Reader) {
        r.familyName = p.family_name
        r.givenName = p.given_name
        r.patronymic = p.patronymic
        r.birthDate = p.birth_date
        r.cardNumber = p.card_number
        r.$branch.id = p.branch_id
        r.preferredChannel = p.preferred_channel
        r.caregiverName = p.caregiver_name
        r.caregiverRelation = p.caregiver_relation
        r.caregiverPhone = p.caregiver_phone
        r.settlement = p.settlement
        r.street = p.street
        r.building = p.building
        r.apartment = p.apartment
        r.entrance = p.entrance
        r.floor = p.floor
        r.intercom = p.intercom
        r.hasLift = p.has_lift
        r.accessNotes = p.access_notes
        r.latitude = p.latitude
        r.longitude = p.longitude
        r.disabilityGroup = p.disability_group
        r.itemsPerVisit = p.items_per_visit
        r.visitMinutes = p.visit_minutes
        r.carrierID = p.carrier_id
        r.timeFrom = p.time_from
        r.timeTo = p.time_to
        r.frequency = p.frequency
        r.status = p.status
        r.pauseFrom = p.pause_from
        r.pauseUntil = p.pause_until
        r.pauseReason = p.pause_reason
        r.endedOn = p.ended_on
        r.endReason = p.end_reason
        r.referralSource = p.referral_source
        r.registeredOn = p.registered_on
        r.consentDate = p.consent_date
        r.consentUntil = p.consent_until
        r.consentSignedBy = p.consent_signed_by
        r.consentRepresentative = p.consent_representative
        r.consentThirdParty = p.consent_third_party
        r.consentPublication = p.consent_publication
        r.notes = p.notes
        r.searchText = searchText(p)
    }

    /// Name, card number and phone digits, folded; what the list's search box matches.
    static func searchText(_ p: ReaderRecord) -> String {
        let phones = (p.phones.compactMap(\.number) + [p.caregiver_phone].compactMap { $0 }).map { $0.filter(\.isNumber) }
        return SearchFolding.fold(([p.family_name, p.given_name, p.patronymic ?? "", p.card_number] + phones).joined(separator: " "))
    }

    private static func replaceChildren(of reader: Reader, with p: ReaderRecord, on db: any Database) async throws {
        let id = try reader.requireID()
        try await ReaderPhone.query(on: db).filter(\.$reader.$id == id).delete()
        try await ReaderTag.query(on: db).filter(\.$reader.$id == id).delete()
        let phones = p.phones.enumerated().map {
            ReaderPhone(readerID: id, position: $0.offset, label: $0.element.label ?? "mobile", number: $0.element.number ?? "")
        }
        if !phones.isEmpty { try await phones.create(on: db) }
        let groups: [(TagKind, [String])] = [
            (.need, p.needs), (.format, p.formats), (.language, p.languages), (.weekday, p.weekdays),
            (.subject, p.subjects), (.genre, p.genres), (.author, p.authors), (.excludedTopic, p.excluded_topics),
            (.excludedAuthor, p.excluded_authors), (.series, p.series),
        ]
        let tags = groups.flatMap { kind, values in
            values.enumerated().map { ReaderTag(readerID: id, kind: kind, value: $0.element, position: $0.offset) }
        }
        // Batches keep each INSERT well under the databases' bound-parameter limits.
        for start in stride(from: 0, to: tags.count, by: 200) {
            try await Array(tags[start..<min(start + 200, tags.count)]).create(on: db)
        }
    }

    private static func cardTaken() -> FieldErrors {
        var errors = FieldErrors()
        errors.add("card_number", "reader.card_taken")
        return errors
    }
}

extension Request {
    /// Loads the reader of the `:id` parameter, checking the branch on the server.
    func loadReader() async throws -> (Reader, CurrentUser) {
        let user = try currentUser()
        guard let reader = try await ReaderStore.find(idParameter(), on: db) else { throw AppError.notFound }
        guard user.canAccess(branchID: reader.$branch.id) else { throw AppError.forbidden }
        return (reader, user)
    }
}
