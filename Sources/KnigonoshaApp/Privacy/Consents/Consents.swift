import Fluent
import SQLKit
import Vapor

/// The consent lifecycle (issue 16, §3): a consent is recorded with its scope, day and way, and
/// perhaps a scan; it is withdrawn on a day; it lapses after its end. The reader's consent fields
/// follow the latest record of each scope, so that what reads them (planning, the run sheet, the
/// registry, the consents-ending list) stops when a consent does.
enum Consents {
    /// What the consent form and the API send.
    struct Input: Content {
        var scope: String?
        var given_on: String?
        var way: String?
        var until: String?
        /// Who gave it for the reader, when the way is `caregiver`.
        var representative: String?
    }

    struct Checked: Sendable {
        var scope: ConsentScope
        var givenOn: LocalDate
        var way: ConsentWay
        var until: LocalDate?
        var representative: String?
    }

    static func check(_ p: Input, today: LocalDate) -> (Checked?, FieldErrors) {
        var e = FieldErrors()
        let scope = e.text(p.scope, "scope", required: true, max: 20).flatMap { ConsentScope(rawValue: $0) }
        if scope == nil, e["scope"] == nil { e.add("scope", "validation.choice") }
        let way = e.text(p.way, "way", required: true, max: 20).flatMap { ConsentWay(rawValue: $0) }
        if way == nil, e["way"] == nil { e.add("way", "validation.choice") }
        let given = e.date(p.given_on, "given_on", required: true, earliestYear: 1900)
        if let given, given > today { e.add("given_on", "validation.not_future") }
        let until = e.date(p.until, "until", earliestYear: 1900)
        if let given, let until, until < given { e.add("until", "validation.end_before_start") }
        let representative = e.oneLine(p.representative, "representative", required: way == .caregiver, max: 200)
        guard e.isEmpty, let scope, let way, let given else { return (nil, e) }
        return (Checked(scope: scope, givenOn: given, way: way, until: until, representative: way == .caregiver ? representative : nil), e)
    }

    /// Records a consent (with its scan, already checked and kept) and brings the reader's fields
    /// in line, in one transaction.
    static func record(_ c: Checked, scan: ConsentScan.Kept?, reader: Reader, on db: any Database) async throws -> ReaderConsent {
        let row = ReaderConsent()
        row.$reader.id = reader.id!
        row.scope = c.scope.rawValue
        row.givenOn = c.givenOn.iso
        row.way = c.way.rawValue
        row.until = c.until?.iso
        row.representative = c.representative
        scan?.attach(to: row)
        try await db.transaction { tx in
            try await row.create(on: tx)
            try await mirror(reader, on: tx)
        }
        return row
    }

    /// Withdraws `row` as of `day` (a day from its giving up to today).
    static func withdraw(_ row: ReaderConsent, on day: String?, reader: Reader, today: LocalDate, db: any Database) async throws {
        var e = FieldErrors()
        guard row.withdrawnOn == nil else { throw AppError.conflict(Message("consent.already_withdrawn")) }
        // No day given is today.
        let typed = e.date(day, "withdrawn_on")
        let when = typed ?? today
        if when > today { e.add("withdrawn_on", "validation.not_future") }
        if when.iso < row.givenOn { e.add("withdrawn_on", "consent.withdrawn_before_given") }
        guard e.isEmpty else { throw AppError.validation(e) }
        try await db.transaction { tx in
            // Conditional, so that of two withdrawals at once one is recorded and the other told.
            let claimed = try await tx.sqlDatabase().update(ReaderConsent.schema).set("withdrawn_on", to: when.iso)
                .where("id", .equal, row.id!).where("withdrawn_on", .is, SQLLiteral.null).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(Message("consent.already_withdrawn")) }
            row.withdrawnOn = when.iso
            try await mirror(reader, on: tx)
        }
    }

    /// Sets the reader's consent fields from their records: the latest service record gives the
    /// consent's day, end, signer and withdrawal; the third-party and publication flags say that
    /// their latest record is not withdrawn. Those have no end field here, so whatever reads them
    /// for a day asks `ConsentsInForce`, which sees an end too. A scope with no record leaves its
    /// fields as they are.
    static func mirror(_ reader: Reader, on db: any Database) async throws {
        let rows = try await ReaderConsent.query(on: db).filter(\.$reader.$id == reader.id!).all()
        func latest(_ scope: ConsentScope) -> ReaderConsent? { ConsentsInForce.latest(scope, in: rows) }
        if let s = latest(.service) {
            reader.consentDate = s.givenOn
            reader.consentUntil = s.until
            let byCaregiver = s.way == ConsentWay.caregiver.rawValue
            reader.consentSignedBy = byCaregiver ? ConsentSigner.representative.rawValue : ConsentSigner.reader.rawValue
            // The representative of this consent, or none: an earlier caregiver is not this one's.
            reader.consentRepresentative = byCaregiver ? s.representative ?? reader.consentRepresentative : nil
            reader.consentWithdrawnOn = s.withdrawnOn
        }
        if let t = latest(.thirdParty) { reader.consentThirdParty = t.withdrawnOn == nil }
        if let p = latest(.publication) { reader.consentPublication = p.withdrawnOn == nil }
        try await reader.save(on: db)
    }

    /// Keeps the records in step with the reader form, which also registers consent: a changed
    /// service consent is a new record (and ends an earlier withdrawal), a box ticked is a new
    /// third-party or publication record, a box cleared withdraws it today, and a consent date
    /// cleared withdraws the service consent.
    static func followForm(_ reader: Reader, old: ReaderRecord?, new: ReaderRecord, today: LocalDate, on db: any Database) async throws {
        let way: ConsentWay = new.consent_signed_by == ConsentSigner.representative.rawValue ? .caregiver : .signed
        func add(_ scope: ConsentScope, on day: String) async throws {
            let c = ReaderConsent()
            c.$reader.id = reader.id!
            c.scope = scope.rawValue
            c.givenOn = day
            c.way = way.rawValue
            c.until = scope == .service ? new.consent_until : nil
            c.representative = way == .caregiver ? new.consent_representative : nil
            try await c.create(on: db)
        }
        func withdrawLatest(_ scope: ConsentScope) async throws {
            try await ReaderConsent.query(on: db).filter(\.$reader.$id == reader.id!).filter(\.$scope == scope.rawValue)
                .filter(\.$withdrawnOn == nil).set(\.$withdrawnOn, to: today.iso).update()
        }
        let serviceChanged =
            old.map { ($0.consent_date, $0.consent_until, $0.consent_signed_by) != (new.consent_date, new.consent_until, new.consent_signed_by) }
            ?? true
        if serviceChanged {
            if let day = new.consent_date {
                try await add(.service, on: day)
                if reader.consentWithdrawnOn != nil {
                    reader.consentWithdrawnOn = nil
                    try await reader.save(on: db)
                }
            } else if old?.consent_date != nil {
                try await withdrawLatest(.service)
            }
        }
        for (scope, was, now) in [
            (ConsentScope.thirdParty, old?.consent_third_party ?? false, new.consent_third_party),
            (.publication, old?.consent_publication ?? false, new.consent_publication),
        ] where was != now {
            if now { try await add(scope, on: old == nil ? (new.consent_date ?? today.iso) : today.iso) } else { try await withdrawLatest(scope) }
        }
    }
}
