import Fluent
import Foundation
import SQLKit
import TextKit

/// Anonymising and erasing a reader (law 94-V: destruction once the purpose has ended). Both are
/// irreversible and run in one transaction with their audit entry: either everything below
/// happened, or nothing did.
///
/// Anonymising empties every personal field and keeps what the statistics count: the branch,
/// the disability group, the registration day and a birth date generalised by
/// `StatisticalBirthDate`, so that every figure of every past period stays the same. Erasing also
/// drops those, the reading history, ratings and refused titles: the reports keep counts only.
/// The row itself stays, empty, because visits and loans point at it.
enum ReaderRemoval {
    /// What stands in the way, as field errors: `kind` and `reason` as chosen; `reader` for books
    /// still on loan or visits still to happen, which someone must close first.
    static func check(_ reader: Reader, kind: String?, reason: String?, on db: any Database) async throws -> (RemovalKind, RemovalReason) {
        var errors = FieldErrors()
        let k = kind.flatMap(RemovalKind.init(rawValue:))
        let r = reason.flatMap(RemovalReason.init(rawValue:)).flatMap { RemovalReason.chosen.contains($0) ? $0 : nil }
        if (kind ?? "").isEmpty { errors.add("kind", "removal.choose_kind") } else if k == nil { errors.add("kind", "validation.choice") }
        if (reason ?? "").isEmpty { errors.add("reason", "removal.choose_reason") } else if r == nil { errors.add("reason", "validation.choice") }
        errors.merge(try await blockers(reader, on: db))
        guard let k, let r, errors.isEmpty else { throw AppError.validation(errors) }
        return (k, r)
    }

    /// Open loans and open visits, or a record already removed.
    static func blockers(_ reader: Reader, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        let id = try reader.requireID()
        if reader.removedAs != nil {
            errors.add("reader", "removal.already")
            return errors
        }
        let onLoan = try await Loan.query(on: db).filter(\.$reader.$id == id).filter(\.$status == LoanStatus.onLoan.rawValue).count()
        let open = try await Visit.query(on: db).filter(\.$reader.$id == id)
            .filter(\.$status ~~ [VisitStatus.planned.rawValue, VisitStatus.inProgress.rawValue]).count()
        // Both at once when both hold the reader back, so that nobody meets the second after fixing the first.
        switch (onLoan > 0, open > 0) {
        case (true, true): errors.add("reader", "removal.open_loans_and_visits", ["loans": String(onLoan), "visits": String(open)])
        case (true, false): errors.add("reader", "removal.open_loans", ["count": String(onLoan)])
        case (false, true): errors.add("reader", "removal.open_visits", ["count": String(open)])
        case (false, false): break
        }
        return errors
    }

    /// The pseudonym that replaces the name and the card number: from the row's id, so it says
    /// nothing about the person and stays the same in every list and export.
    static func pseudonym(_ id: UUID) -> String {
        "ANON-" + id.uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Removes the reader's personal data; `audit` is the entry to write in the same transaction.
    /// Returns the stored names of the consent scans let go, for the caller to delete once this has
    /// committed (a file deleted before a rollback could not come back).
    @discardableResult
    static func apply(
        _ reader: Reader, kind: RemovalKind, reason: RemovalReason, today: LocalDate, audit: AuditEntry, on db: any Database
    ) async throws -> [String] {
        try await db.transaction { tx in
            let id = try reader.requireID()
            // The row is claimed first, with a conditional write: of two removals at once exactly
            // one finds it unclaimed, and on SQLite the write lock is taken before anything is read,
            // so the other waits instead of failing to upgrade its read lock.
            let claimed = try await tx.sqlDatabase().update(Reader.schema).set("removed_as", to: kind.stored)
                .where("id", .equal, id).where("removed_as", .is, SQLLiteral.null).returning("id").all()
            guard !claimed.isEmpty else {
                var errors = FieldErrors()
                errors.add("reader", "removal.already")
                throw AppError.validation(errors)
            }
            // Checked again inside the transaction: a loan issued since the form was shown wins.
            let late = try await blockers(reader, on: tx)
            guard late.isEmpty else { throw AppError.validation(late) }
            let visits = try await Visit.query(on: tx).filter(\.$reader.$id == id).all()
            let loans = try await Loan.query(on: tx).filter(\.$reader.$id == id).all()
            let window = serviceWindow(reader, visits: visits, loans: loans, today: today)
            empty(reader, kind: kind, reason: reason, today: today, window: window)
            try await reader.save(on: tx)
            try await ReaderPhone.query(on: tx).filter(\.$reader.$id == id).delete()
            try await ReaderTag.query(on: tx).filter(\.$reader.$id == id).delete()
            try await ReaderChange.query(on: tx).filter(\.$reader.$id == id).delete()
            for visit in visits where visit.requestText != nil || visit.reasonNote != nil || visit.comment != nil {
                (visit.requestText, visit.reasonNote, visit.comment) = (nil, nil, nil)
                try await visit.save(on: tx)
            }
            // Notes typed during reminder calls are free text about the reader: they go too.
            let visitIDs = visits.compactMap(\.id)
            if !visitIDs.isEmpty {
                try await VisitCall.query(on: tx).filter(\.$visit.$id ~~ visitIDs).filter(\.$note != nil).set(\.$note, to: nil).update()
            }
            for loan in loans where loan.comment != nil || (kind == .erase && loan.rating != nil) {
                loan.comment = nil
                if kind == .erase { loan.rating = nil }
                try await loan.save(on: tx)
            }
            if kind == .erase {
                try await ReadingHistory.query(on: tx).filter(\.$reader.$id == id).delete()
                if !visitIDs.isEmpty { try await SelectionRejection.query(on: tx).filter(\.$visit.$id ~~ visitIDs).delete() }
            }
            // A scan shows the name and the signature: it goes either way. Anonymising keeps what
            // was consented to and when; erasing keeps nothing.
            let consents = try await ReaderConsent.query(on: tx).filter(\.$reader.$id == id).all()
            if kind == .erase {
                try await ReaderConsent.query(on: tx).filter(\.$reader.$id == id).delete()
            } else {
                try await ReaderConsent.query(on: tx).filter(\.$reader.$id == id).set(\.$scanName, to: nil).set(\.$scanType, to: nil)
                    .set(\.$scanSize, to: nil).set(\.$scanStored, to: nil).update()
            }
            try await audit.create(on: tx)
            return consents.compactMap(\.scanStored)
        }
    }

    /// The days over which the reader was, or may yet be, counted: from the first of registration,
    /// visits and loans to the end of this year or the last visit or loan, if later.
    static func serviceWindow(_ reader: Reader, visits: [Visit], loans: [Loan], today: LocalDate) -> (LocalDate, LocalDate) {
        let days = [reader.registeredOn] + visits.map(\.scheduledOn) + loans.flatMap { [$0.issuedOn, $0.dueOn] + [$0.returnedOn].compactMap { $0 } }
        let dates = days.compactMap(LocalDate.init)
        let first = dates.min() ?? today
        let last = max(dates.max() ?? today, LocalDate(year: today.year, month: 12, day: 31))
        return (first, last)
    }

    /// Every personal field emptied; what the statistics count kept when anonymising.
    private static func empty(_ r: Reader, kind: RemovalKind, reason: RemovalReason, today: LocalDate, window: (LocalDate, LocalDate)) {
        let name = pseudonym(r.id!)
        (r.familyName, r.givenName, r.patronymic, r.cardNumber) = (name, "", nil, name)
        r.birthDate =
            kind == .anonymise ? StatisticalBirthDate.generalise(r.birthDate.flatMap(LocalDate.init), from: window.0, through: window.1)?.iso : nil
        (r.preferredChannel, r.caregiverName, r.caregiverRelation, r.caregiverPhone) = (nil, nil, nil, nil)
        (r.settlement, r.street, r.building, r.apartment, r.entrance, r.floor) = ("", "", "", nil, nil, nil)
        (r.intercom, r.hasLift, r.accessNotes, r.latitude, r.longitude) = (nil, nil, nil, nil, nil)
        if kind == .erase { (r.disabilityGroup, r.referralSource) = (DisabilityGroup.unknownStored, nil) }
        (r.timeFrom, r.timeTo, r.nextVisitOn, r.notes) = (nil, nil, nil, nil)
        if r.status != ReaderStatus.ended.rawValue {
            (r.status, r.endedOn) = (ReaderStatus.ended.rawValue, today.iso)
            r.endReason = reason == .died ? EndReason.died.rawValue : EndReason.other.rawValue
        }
        (r.pauseFrom, r.pauseUntil, r.pauseReason) = (nil, nil, nil)
        (r.consentRepresentative, r.consentThirdParty, r.consentPublication) = (nil, false, false)
        if kind == .erase { (r.consentDate, r.consentUntil, r.consentSignedBy) = (nil, nil, nil) }
        r.searchText = SearchFolding.fold(name)
        (r.removedAs, r.removedOn, r.removalReason) = (kind.stored, today.iso, reason.rawValue)
    }
}

extension DisabilityGroup {
    /// What an erased reader's disability group becomes: no group the statistics count, so the
    /// reader is in the totals and in no line by group.
    static let unknownStored = "unknown"
}
