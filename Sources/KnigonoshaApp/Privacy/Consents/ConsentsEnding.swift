import Fluent
import Vapor

/// The consents the staff should renew: of every scope, read from the records, those that ended or
/// end by a day. The reader's own consent end is only the service consent's, so a consent to photos
/// or to third parties that was about to lapse went unseen (issue 16, §3).
enum ConsentsEnding {
    struct Row: Sendable {
        var reader: Reader
        var consent: ReaderConsent
    }

    /// Records with an end on or before `through`, not withdrawn, of readers still served (in
    /// `branchID` when given), and each still the one that stands for its scope: a consent renewed
    /// by a newer record of the same scope, or followed by a withdrawn one, is not for renewal.
    static func list(through: LocalDate, branchID: UUID?, on db: any Database) async throws -> [Row] {
        let query = ReaderConsent.query(on: db).join(Reader.self, on: \ReaderConsent.$reader.$id == \Reader.$id)
            .filter(Reader.self, \.$removedAs == nil).filter(Reader.self, \.$status != ReaderStatus.ended.rawValue)
            .filter(\.$until != nil).filter(\.$until <= through.iso).filter(\.$withdrawnOn == nil)
        if let branchID { query.filter(Reader.self, \.$branch.$id == branchID) }
        let candidates = try await query.all()
        guard !candidates.isEmpty else { return [] }
        let readerIDs = Array(Set(candidates.map { $0.$reader.id }))
        let records = Dictionary(grouping: try await ReaderConsent.query(on: db).filter(\.$reader.$id ~~ readerIDs).all()) { $0.$reader.id }
        var rows: [Row] = []
        for c in candidates {
            guard let scope = c.consentScope, ConsentsInForce.latest(scope, in: records[c.$reader.id] ?? [])?.id == c.id else { continue }
            rows.append(Row(reader: try c.joined(Reader.self), consent: c))
        }
        let order = Dictionary(uniqueKeysWithValues: ConsentScope.allCases.enumerated().map { ($1.rawValue, $0) })
        return rows.sorted {
            ($0.consent.until ?? "", $0.reader.familyName, $0.reader.cardNumber, order[$0.consent.scope] ?? 0)
                < ($1.consent.until ?? "", $1.reader.familyName, $1.reader.cardNumber, order[$1.consent.scope] ?? 0)
        }
    }
}
