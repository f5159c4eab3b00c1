import Fluent
import Vapor

/// What the visits calendar shows: a day or a week of visits for a branch, optionally one
/// carrier's, with the numbers a coordinator scans for (chosen against wanted items).
struct VisitCalendar {
    struct Row {
        let visit: Visit
        let carrierName: String?
        let chosen: Int
    }

    enum View: String { case week, day }

    let view: View
    let from: LocalDate
    let until: LocalDate
    let branchID: UUID?
    let carrierID: UUID?
    let rows: [Row]
    let branches: [Branch]
    let carriers: [User]

    /// Reads the filters from the query string; a value that cannot be read gives the default,
    /// and the page says which one it did not use.
    static func load(_ req: Request, user: CurrentUser) async throws -> VisitCalendar {
        let view = req.queryValue("view", labelKey: "visits.view", View.init(rawValue:)) ?? .week
        let date = req.queryValue("date", labelKey: "visits.date") { LocalDate($0) } ?? req.today
        let from = view == .week ? LocalDate(date.schedulingDay.weekStart) : date
        let until = view == .week ? from.adding(days: 6) : from
        let branches = try await Branch.query(on: req.db).sort(\.$code).all()
        var branchID = req.queryValue("branch", labelKey: "visits.branch", UUID.init(uuidString:))
        if !user.isAdmin { branchID = user.branchID }
        let carrierID = req.queryValue("carrier", labelKey: "visits.carrier", UUID.init(uuidString:))
        let allCarriers = try await User.query(on: req.db).filter(\.$role == .carrier).sort(\.$fullName).all()
        let carriers = branchID.map { b in allCarriers.filter { $0.$branch.id == b } } ?? allCarriers
        var query = Visit.query(on: req.db).filter(\.$scheduledOn >= from.iso).filter(\.$scheduledOn <= until.iso).with(\.$reader)
        if let branchID { query = query.filter(\.$branch.$id == branchID) }
        if let carrierID { query = query.filter(\.$carrier.$id == carrierID) }
        let visits = try await query.sort(\.$scheduledOn).sort(\.$timeFrom).all()
        // The chosen books of the same visits, by the same filters in one statement: a list of
        // ids would take one statement a chunk (issue 17, §2).
        var items = VisitItem.query(on: req.db).join(Visit.self, on: \VisitItem.$visit.$id == \Visit.$id)
            .filter(Visit.self, \.$scheduledOn >= from.iso).filter(Visit.self, \.$scheduledOn <= until.iso)
            .filter(\.$state != ItemState.suggested.rawValue)
        if let branchID { items = items.filter(Visit.self, \.$branch.$id == branchID) }
        if let carrierID { items = items.filter(Visit.self, \.$carrier.$id == carrierID) }
        var chosen: [UUID: Int] = [:]
        for item in try await items.all() { chosen[item.$visit.id, default: 0] += 1 }
        let names = Dictionary(allCarriers.map { ($0.id!, $0.fullName) }) { a, _ in a }
        let rows = visits.map { v in Row(visit: v, carrierName: v.$carrier.id.flatMap { names[$0] }, chosen: chosen[v.id!] ?? 0) }
        return VisitCalendar(
            view: view, from: from, until: until, branchID: branchID, carrierID: carrierID, rows: rows, branches: branches, carriers: carriers)
    }

    /// This calendar's address with one parameter changed.
    func link(date: LocalDate? = nil, view: View? = nil) -> String {
        SiteRoute.visits.path(query: [
            ("view", (view ?? self.view).rawValue), ("date", (date ?? from).iso), ("branch", branchID?.uuidString.lowercased() ?? ""),
            ("carrier", carrierID?.uuidString.lowercased() ?? ""),
        ])
    }
}
