import Fluent
import SQLKit
import Vapor

/// Staff data (issue 16, §6). A deactivated account stays, because visits, loans, changes and the
/// access log point at it; once its holder's data is no longer needed, its name and e-mail are
/// replaced by a pseudonym made from its id, and what let it sign in goes. The history then reads
/// «STAFF-…» where it named the person, the copies of the name in visit histories included.
enum AccountRemoval {
    static func pseudonym(_ id: UUID) -> String { "STAFF-" + id.uuidString.prefix(8).uppercased() }

    /// Why `user` cannot be anonymised now, if it cannot: it is still active, or already done.
    static func blockers(_ user: User) -> FieldErrors {
        var e = FieldErrors()
        if user.anonymisedOn != nil {
            e.add("confirm", "account.already_anonymised")
        } else if user.isActive {
            e.add("confirm", "account.still_active")
        }
        return e
    }

    /// Anonymises `user` in one transaction with `audit`. The row is claimed with a conditional
    /// write first, so that of two at once (the page and the daily pass) exactly one does it.
    static func apply(_ user: User, today: LocalDate, audit: AuditEntry, on db: any Database) async throws {
        let id = try user.requireID()
        let oldName = user.fullName
        let oldEmail = user.email
        let alias = pseudonym(id)
        try await db.transaction { tx in
            let claimed = try await tx.sqlDatabase().update(User.schema).set("anonymised_on", to: today.iso)
                .where("id", .equal, id).where("anonymised_on", .is, SQLLiteral.null).where("is_active", .equal, SQLLiteral.boolean(false))
                .returning("id").all()
            guard !claimed.isEmpty else { throw AppError.validation(blockers(user)) }
            user.anonymisedOn = today.iso
            user.fullName = alias
            user.email = alias.lowercased() + "@removed.invalid"
            // The identity card and the home the day started from identify the person; the
            // certificate's and training's dates stay, as the record of the checks made.
            user.idCardNumber = nil
            (user.startLatitude, user.startLongitude) = (nil, nil)
            // No password opens it again: the hash of a secret nobody has.
            user.passwordHash = "!" + UUID().uuidString
            user.sessionEpoch += 1
            try await user.save(on: tx)
            try await UserSession.query(on: tx).filter(\.$user.$id == id).delete()
            try await Credentials.revokeAll(userID: id, on: tx)
            try await LoginAttempt.query(on: tx).filter(\.$email == oldEmail).delete()
            try await CarrierHours.query(on: tx).filter(\.$user.$id == id).delete()
            try await VisitEvent.query(on: tx).filter(\.$userID == id).set(\.$userName, to: alias).update()
            // Reassignments name the carriers they moved a visit between.
            try await VisitEvent.query(on: tx).filter(\.$kind == "assigned").filter(\.$fromValue == oldName).set(\.$fromValue, to: alias).update()
            try await VisitEvent.query(on: tx).filter(\.$kind == "assigned").filter(\.$toValue == oldName).set(\.$toValue, to: alias).update()
            try await audit.create(on: tx)
        }
    }

    /// Accounts deactivated `months` ago or more by `through` and not yet anonymised.
    static func due(months: Int, through day: LocalDate, on db: any Database) async throws -> [(user: User, dueOn: LocalDate)] {
        let cutoff = Retention.shift(day, months: -months).iso
        let users = try await User.query(on: db).filter(\.$isActive == false).filter(\.$anonymisedOn == nil).filter(\.$deactivatedOn != nil)
            .filter(\.$deactivatedOn <= cutoff).sort(\.$deactivatedOn).all()
        return users.compactMap { u in u.deactivatedOn.flatMap(LocalDate.init).map { (u, Retention.shift($0, months: months)) } }
    }
}
