import Fluent
import Routing
import Spreadsheet
import Vapor

/// Hours and travel per carrier over a period (issue 15, §1): visits made (and trips to doors
/// nobody opened), minutes at the door as recorded, and the street distance and travel time of
/// each day's route, estimated from the route order the run uses. It feeds volunteer hours.
struct CarrierHoursRow: Content, Equatable {
    var carrier_id: UUID
    var full_name: String
    var travel_mode: String
    var days: Int
    var visits_done: Int
    var visits_no_answer: Int
    var minutes_at_door: Int
    /// Street distance of the day's routes, tenths of a kilometre kept.
    var km: Double
    var travel_minutes: Int
    /// Door and travel together, in whole hours and minutes as a number of minutes.
    var total_minutes: Int
}

enum CarrierHoursReport {
    static func build(from: LocalDate, to: LocalDate, branchID: UUID?, on db: any Database) async throws -> [CarrierHoursRow] {
        var query = Visit.query(on: db).filter(\.$scheduledOn >= from.iso).filter(\.$scheduledOn <= to.iso)
            .filter(\.$status ~~ [VisitStatus.done.rawValue, VisitStatus.noAnswer.rawValue]).filter(\.$carrier.$id != nil)
            .with(\.$reader).with(\.$branch)
        if let branchID { query = query.filter(\.$branch.$id == branchID) }
        let visits = try await query.all()
        let carrierIDs = Array(Set(visits.compactMap { $0.$carrier.id }))
        let carriers = carrierIDs.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ carrierIDs).all()
        return carriers.map { c in
            let own = visits.filter { $0.$carrier.id == c.id }
            let mode = CarrierTravel.of(c)
            var km = 0.0
            let byDay = Dictionary(grouping: own, by: \.scheduledOn)
            for (_, day) in byDay { km += distance(day, carrier: c) }
            let speed = mode.travelMode.kilometresPerHour
            let travel = Int((km / speed * 60).rounded())
            let door = own.compactMap(\.minutesSpent).reduce(0, +)
            return CarrierHoursRow(
                carrier_id: c.id!, full_name: c.fullName, travel_mode: mode.rawValue, days: byDay.count,
                visits_done: own.filter { $0.visitStatus == .done }.count, visits_no_answer: own.filter { $0.visitStatus == .noAnswer }.count,
                minutes_at_door: door, km: (km * 10).rounded() / 10, travel_minutes: travel, total_minutes: door + travel)
        }.sorted { $0.full_name < $1.full_name }
    }

    /// One day's route: from the carrier's start point (the branch when none), through the stops
    /// with coordinates in nearest-neighbour order (the run's plain order: solving every day of a
    /// year's report with the day planner would take seconds). Stops without coordinates add nothing.
    static func distance(_ day: [Visit], carrier: User) -> Double {
        let points = day.map(\.reader.point)
        let start = carrier.startPoint ?? day.first?.branch.point
        var at = start
        var km = 0.0
        for i in RoutePlanner.order(start: start, stops: points) {
            guard let p = points[i] else { continue }
            if let at { km += at.distance(to: p) * CarrierTravel.detour }
            at = p
        }
        return km
    }

    static let headings = [
        "carriers.name", "carrier.travel_mode", "hours.days", "hours.visits_done", "hours.visits_no_answer", "hours.minutes_at_door", "hours.km",
        "hours.travel_minutes", "hours.total_minutes",
    ]

    static func cells(_ r: CarrierHoursRow, _ ctx: PageContext) -> [String] {
        [
            r.full_name, ctx.t("travel_mode." + r.travel_mode), String(r.days), String(r.visits_done), String(r.visits_no_answer),
            String(r.minutes_at_door), Formats.decimal(r.km, fractionDigits: 1, ctx.lang), String(r.travel_minutes), String(r.total_minutes),
        ]
    }

    static func workbook(_ rows: [CarrierHoursRow], _ ctx: PageContext) -> Workbook {
        let head = headings.map { Workbook.Cell.text(ctx.t($0)) }
        let body: [[Workbook.Cell]] = rows.map { r in
            [
                .text(r.full_name), .text(ctx.t("travel_mode." + r.travel_mode)), .number(r.days), .number(r.visits_done),
                .number(r.visits_no_answer),
                .number(r.minutes_at_door), .text(Formats.decimal(r.km, fractionDigits: 1, ctx.lang)), .number(r.travel_minutes),
                .number(r.total_minutes),
            ]
        }
        return Workbook(sheets: [.init(name: ctx.t("hours.sheet"), rows: [head] + body)])
    }
}
