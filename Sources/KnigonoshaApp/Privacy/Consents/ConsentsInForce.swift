import Fluent
import Vapor

/// Whether a consent holds on a given day, read from the records where it is used. The reader's
/// third-party and publication flags only say that the latest record was not withdrawn: a consent
/// with an end lapses by itself, and nothing is written on the day it does, so a flag read alone
/// would let an expired consent to photos stand (issue 16, §3).
enum ConsentsInForce {
    /// The record of `scope` that stands for the reader: the latest given, and of two given on one
    /// day the later recorded. `Consents.mirror` and the consents-ending list take the same one.
    static func latest(_ scope: ConsentScope, in rows: [ReaderConsent]) -> ReaderConsent? {
        rows.filter { $0.scope == scope.rawValue }.max { ($0.givenOn, $0.createdAt ?? .distantPast) < ($1.givenOn, $1.createdAt ?? .distantPast) }
    }

    /// The ids of `readers` whose consent of `scope` holds on `day`: its latest record is neither
    /// withdrawn nor expired by then. A reader with no record of the scope keeps their flag, which
    /// is all a record from before M070 left (service consent is `Reader.hasConsent`'s).
    static func readers(_ readers: [Reader], holding scope: ConsentScope, on day: LocalDate, db: any Database) async throws -> Set<UUID> {
        let ids = readers.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await ReaderConsent.query(on: db).filter(\.$reader.$id ~~ ids).filter(\.$scope == scope.rawValue).all()
        let byReader = Dictionary(grouping: rows, by: { $0.$reader.id })
        return Set(
            readers.filter { r in
                if let row = latest(scope, in: byReader[r.id!] ?? []) { return row.state(on: day) == .active }
                return flag(r, scope, day)
            }.compactMap(\.id))
    }

    /// The readers' records as shown and sent: the third-party and publication consents say
    /// whether they hold `day`, not only that they were not withdrawn. The card, the API and the
    /// export all come here, so they never disagree (found by a new user: the card said «Нет»
    /// while the API said true).
    static func records(_ readers: [Reader], on day: LocalDate, db: any Database) async throws -> [ReaderRecord] {
        let third = try await Self.readers(readers, holding: .thirdParty, on: day, db: db)
        let publication = try await Self.readers(readers, holding: .publication, on: day, db: db)
        return readers.map { r in
            var record = ReaderStore.record(of: r)
            record.consent_third_party = third.contains(r.id!)
            record.consent_publication = publication.contains(r.id!)
            return record
        }
    }

    static func record(_ reader: Reader, on day: LocalDate, db: any Database) async throws -> ReaderRecord {
        try await records([reader], on: day, db: db)[0]
    }

    private static func flag(_ r: Reader, _ scope: ConsentScope, _ day: LocalDate) -> Bool {
        switch scope {
        case .service: r.hasConsent(on: day.iso)
        case .thirdParty: r.consentThirdParty
        case .publication: r.consentPublication
        case .statistics: false
        }
    }
}
