import Fluent
import Vapor

/// A copy as a form or the API sends it.
struct CopyPayload: Content {
    var inventory_number: String?
    var barcode: String?
    var branch_id: String?
    var shelf_mark: String?
    var acquired_on: String?
    var notes: String?
}

/// Adding copies by hand, for records whose MARC had no holdings.
enum CopyService {
    static func add(
        _ p: CopyPayload, to bib: BibRecord, user: CurrentUser, today: LocalDate, on db: any Database
    ) async throws -> (Copy?, FieldErrors) {
        var e = FieldErrors()
        func text(_ v: String?, _ field: String, max: Int, required: Bool = false) -> String? {
            e.text(v, field, required: required, max: max)
        }
        let inventory = text(p.inventory_number, "inventory_number", max: 40, required: true)
        let barcode = text(p.barcode, "barcode", max: 40)
        let shelf = text(p.shelf_mark, "shelf_mark", max: 60)
        let notes = text(p.notes, "notes", max: 500)
        var branchID: UUID?
        if let raw = text(p.branch_id, "branch_id", max: 40, required: true) {
            if let id = UUID(uuidString: raw), try await Branch.find(id, on: db) != nil {
                branchID = id
                if !user.canAccess(branchID: id) { e.add("branch_id", "copy.branch_forbidden") }
            } else {
                e.add("branch_id", "validation.choice")
            }
        }
        var acquired: String?
        if let raw = text(p.acquired_on, "acquired_on", max: 10) {
            if let d = LocalDate(raw) {
                if d > today { e.add("acquired_on", "validation.not_future") }
                acquired = d.iso
            } else {
                e.add("acquired_on", "validation.date")
            }
        }
        if let inventory, e["inventory_number"] == nil,
            try await Copy.query(on: db).filter(\.$inventoryNumber == inventory).count() > 0
        {
            e.add("inventory_number", "copy.inventory_taken")
        }
        guard e.isEmpty, let inventory else { return (nil, e) }
        let copy = Copy()
        copy.$bib.id = try bib.requireID()
        copy.inventoryNumber = inventory
        copy.barcode = barcode
        copy.$branch.id = branchID
        copy.shelfMark = shelf
        copy.acquiredOn = acquired
        copy.notes = notes
        copy.status = CopyStatus.available.rawValue
        do {
            try await copy.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            e.add("inventory_number", "copy.inventory_taken")
            return (nil, e)
        }
        return (copy, e)
    }
}
