import Fluent
import Vapor

/// The coordinator's changes to one visit's selection. Each runs in one transaction.
enum SelectionEdits {
    /// Accepts a suggestion: reserves a copy at the visit's branch, or at `from`, another branch
    /// of the library, which is then asked for it: the copy is on that branch's pick list, marked
    /// for the visit's branch (issue 12, finding 4).
    static func accept(itemID: UUID, visitID: UUID, from: UUID? = nil, on db: any Database) async throws {
        try await BusyRetry.run { try await acceptOnce(itemID: itemID, visitID: visitID, from: from, on: db) }
    }

    private static func acceptOnce(itemID: UUID, visitID: UUID, from: UUID?, on db: any Database) async throws {
        try await db.transaction { tx in
            let (visit, item) = try await load(itemID: itemID, visitID: visitID, on: tx)
            guard item.itemState == .suggested else { return }
            try await checkBranch(from, on: tx)
            guard let copy = try await SelectionService.reserveCopy(bibID: item.$bib.id, branchID: from ?? visit.$branch.id, on: tx) else {
                throw AppError.conflict(Message("selection.no_copy"))
            }
            item.$copy.id = copy
            item.state = ItemState.accepted.rawValue
            try await item.save(on: tx)
        }
    }

    /// Removes an item; an accepted one gives its copy back.
    static func remove(itemID: UUID, visitID: UUID, on db: any Database) async throws {
        try await BusyRetry.run { try await removeOnce(itemID: itemID, visitID: visitID, on: db) }
    }

    private static func removeOnce(itemID: UUID, visitID: UUID, on db: any Database) async throws {
        try await db.transaction { tx in
            let (_, item) = try await load(itemID: itemID, visitID: visitID, on: tx)
            if item.itemState == .accepted { try await SelectionService.release(copyID: item.$copy.id, on: tx) }
            // A title the coordinator took out is not suggested for this visit again (issue 12, review).
            try await SelectionRejection.note(visitID: visitID, bibID: item.$bib.id, on: tx)
            try await item.delete(on: tx)
        }
    }

    /// Adds a title chosen by hand (from search), reserving a copy at once: `copyID` when the
    /// coordinator picked one, any available copy otherwise. A copy someone else reserved first is
    /// a conflict, and nothing is added. `from` asks another branch of the library for its copy.
    static func add(bibID: Int, copyID: UUID?, visitID: UUID, from: UUID? = nil, on db: any Database) async throws -> VisitItem {
        try await BusyRetry.run { try await addOnce(bibID: bibID, copyID: copyID, visitID: visitID, from: from, on: db) }
    }

    private static func addOnce(bibID: Int, copyID: UUID?, visitID: UUID, from: UUID?, on db: any Database) async throws -> VisitItem {
        try await db.transaction { tx in
            guard let visit = try await Visit.find(visitID, on: tx) else { throw AppError.notFound }
            guard visit.visitStatus.isOpen else { throw AppError.conflict(Message("visit.not_open")) }
            try await VisitState.holdOpen(visitID, on: tx)
            guard try await BibRecord.find(bibID, on: tx) != nil else {
                var e = FieldErrors()
                e.add("bib_id", "validation.choice")
                throw AppError.validation(e)
            }
            if try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).filter(\.$bib.$id == bibID).count() > 0 {
                throw AppError.conflict(Message("selection.already_chosen"))
            }
            try await checkBranch(from, on: tx)
            guard let copy = try await SelectionService.reserveCopy(bibID: bibID, branchID: from ?? visit.$branch.id, copyID: copyID, on: tx) else {
                throw AppError.conflict(Message(copyID == nil ? "selection.no_copy" : "selection.copy_taken"))
            }
            let item = VisitItem()
            item.$visit.id = visitID
            item.$bib.id = bibID
            item.$copy.id = copy
            item.state = ItemState.accepted.rawValue
            item.reasons = "manual"
            item.position = (try await VisitItem.query(on: tx).filter(\.$visit.$id == visitID).max(\.$position) ?? 0) + 1
            item.source = "coordinator"
            try await item.create(on: tx)
            return item
        }
    }

    /// A branch asked for a copy must be one of the library's: otherwise the field is wrong.
    private static func checkBranch(_ id: UUID?, on db: any Database) async throws {
        guard let id, try await Branch.find(id, on: db) == nil else { return }
        var e = FieldErrors()
        e.add("branch_id", "validation.choice")
        throw AppError.validation(e)
    }

    static func load(itemID: UUID, visitID: UUID, on db: any Database) async throws -> (Visit, VisitItem) {
        guard let visit = try await Visit.find(visitID, on: db),
            let item = try await VisitItem.query(on: db).filter(\.$id == itemID).filter(\.$visit.$id == visitID).first()
        else { throw AppError.notFound }
        guard visit.visitStatus.isOpen else { throw AppError.conflict(Message("visit.not_open")) }
        // Held open until the edit commits: an outcome recorded meanwhile would otherwise leave
        // a copy reserved for a visit that is over.
        try await VisitState.holdOpen(visitID, on: db)
        return (visit, item)
    }
}
