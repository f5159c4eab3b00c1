import Fluent
import Routing
import Vapor

/// Printable route sheets (issue 15, §3): one per carrier of the branch with stops that day, in the
/// order and with the expected times their `/run` shows, and a sketch of the route.
enum RouteSheetsController {
    struct Sheet {
        let carrier: User
        let stops: [RunStop]
        /// The route's start and its stops with coordinates, in order, for the sketch.
        let start: GeoPoint?
        let points: [(position: Int, point: GeoPoint)]
        /// Readers left off for want of consent: the coordinator settles them.
        let heldBack: Int
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let branch = try await WeekPlanController.branch(req, req.queryValue("branch", labelKey: "visits.branch", UUID.init(uuidString:)))
        let day = req.queryValue("date", labelKey: "calls.date") { LocalDate($0).flatMap(WeekPlanController.inRange) } ?? req.today
        let carriers = try await User.query(on: req.db).filter(\.$role == .carrier).filter(\.$branch.$id == branch.id!).sort(\.$fullName).all()
        var sheets: [Sheet] = []
        for carrier in carriers {
            let run = try await RunSheet.run(carrierID: carrier.id!, day: day, on: req.db)
            guard !run.stops.isEmpty || run.heldBack > 0 else { continue }
            sheets.append(sheet(carrier, run, branch: branch))
        }
        let unassigned = try await Visit.query(on: req.db).filter(\.$branch.$id == branch.id!).filter(\.$scheduledOn == day.iso)
            .filter(\.$carrier.$id == nil).filter(\.$status ~~ VisitState.open).count()
        try await req.audit(.list, "visit")
        // Each sheet carries names, addresses and phones: each record was seen (94-V).
        try await req.auditReaders(ofVisits: sheets.flatMap { $0.stops.map(\.visit_id) })
        return RouteSheetsView.page(
            req.page, branch: branch, day: day, sheets: sheets, unassigned: unassigned, branches: try await WeekPlanController.branches(req))
    }

    private static func sheet(_ carrier: User, _ run: (stops: [RunStop], heldBack: Int, points: [UUID: GeoPoint]), branch: Branch) -> Sheet {
        Sheet(
            carrier: carrier, stops: run.stops, start: carrier.startPoint ?? branch.point,
            points: run.stops.compactMap { s in run.points[s.visit_id].map { (s.position, $0) } }, heldBack: run.heldBack)
    }
}
