/// Maps a week onto the solver's problem: every carrier's working day is a vehicle, each visit may
/// ride only the vehicles of its allowed days (and its pinned carrier and day), a carrier other
/// than the reader's own costs the continuity penalty, and each carrier is a balance group whose
/// fair share of the week's minutes at the door follows their hours.
///
/// Times are seconds from midnight. Nodes are two depots per carrier (start and end), then the
/// visits in input order. Every visit is optional with a prize far above any travel, so one is
/// left out only when it cannot be served at all.
struct WeekProblemBuilder {
    let carriers: [WeekCarrier]
    let visits: [WeekVisit]
    let settings: WeekSettings
    /// Vehicle index → (carrier index, day).
    private(set) var vehicles: [(carrier: Int, day: Int)] = []
    static let dropPrize = 1_000_000

    var depotCount: Int { 2 * carriers.count }

    init(carriers: [WeekCarrier], visits: [WeekVisit], settings: WeekSettings) throws(WeekPlanError) {
        self.carriers = carriers
        self.visits = visits
        self.settings = settings
        try validate()
        for (c, carrier) in carriers.enumerated() {
            for (d, hours) in carrier.hours.enumerated() where hours != nil { vehicles.append((c, d)) }
        }
    }

    private func validate() throws(WeekPlanError) {
        guard let days = carriers.first?.hours.count else { throw .invalidField("carriers", "at least one carrier is needed") }
        var ids = Set<String>()
        for carrier in carriers {
            guard ids.insert(carrier.id).inserted else { throw .invalidField("carriers[\(carrier.id)]", "the id appears twice") }
            guard carrier.hours.count == days else { throw .invalidField("carriers[\(carrier.id)].hours", "needs \(days) days like the others") }
            guard carrier.bagCapacity >= 0 else { throw .invalidField("carriers[\(carrier.id)].bagCapacity", "must not be negative") }
            guard carrier.mode.kilometresPerHour > 0 else { throw .invalidField("carriers[\(carrier.id)].mode", "the speed must be positive") }
        }
        var visitIDs = Set<String>()
        for visit in visits {
            let field = "visits[\(visit.id)]"
            guard visitIDs.insert(visit.id).inserted else { throw .invalidField(field, "the id appears twice") }
            guard visit.windowEnd >= visit.windowStart else {
                throw .invalidField("\(field).windowEnd", "the window ends (\(visit.windowEnd)) before it starts (\(visit.windowStart))")
            }
            guard visit.serviceMinutes >= 0, visit.items >= 0 else { throw .invalidField(field, "service minutes and items must not be negative") }
            guard !visit.days.isEmpty, visit.days.allSatisfy({ (0..<days).contains($0) }) else {
                throw .invalidField("\(field).days", "must name days of the week between 0 and \(days - 1)")
            }
            if let id = visit.preferredCarrier, !ids.contains(id) { throw .invalidField("\(field).preferredCarrier", "no carrier '\(id)'") }
            if let id = visit.pinnedCarrier, !ids.contains(id) { throw .invalidField("\(field).pinnedCarrier", "no carrier '\(id)'") }
            if let day = visit.pinnedDay, !visit.days.contains(day) {
                throw .invalidField("\(field).pinnedDay", "day \(day) is not one of the visit's days \(visit.days)")
            }
        }
    }

    /// The vehicles visit `v` may ride.
    func allowed(_ v: Int) -> [Int] {
        let visit = visits[v]
        return vehicles.indices.filter { k in
            let (c, d) = vehicles[k]
            return visit.days.contains(d) && (visit.pinnedDay ?? d) == d && (visit.pinnedCarrier ?? carriers[c].id) == carriers[c].id
        }
    }

    func build() throws(WeekPlanError) -> RoutingProblem {
        var nodes: [RoutingNode] = []
        var places: [(point: GeoPoint, name: String)] = []
        let day = 0...(24 * 3600)
        for carrier in carriers {
            for (point, name) in [(carrier.start, "start:\(carrier.id)"), (carrier.end, "end:\(carrier.id)")] {
                nodes.append(RoutingNode(x: point.longitude, y: point.latitude, windowStart: day.lowerBound, windowEnd: day.upperBound))
                places.append((point, name))
            }
        }
        for visit in visits {
            nodes.append(
                RoutingNode(
                    x: visit.location.longitude, y: visit.location.latitude, demand: visit.items, windowStart: visit.windowStart * 60,
                    windowEnd: visit.windowEnd * 60, serviceTime: visit.serviceMinutes * 60))
            places.append((visit.location, visit.id))
        }
        var modes: [TravelMode] = []
        for carrier in carriers where !modes.contains(carrier.mode) { modes.append(carrier.mode) }
        var matrices: [TravelMatrix] = []
        for mode in modes {
            if let table = settings.travelTables[mode.name] {
                for place in places where !table.places.contains(place.name) {
                    throw .invalidField("settings.travelTables[\(mode.name)]", "no row for place '\(place.name)'")
                }
                let index = Dictionary(uniqueKeysWithValues: table.places.enumerated().map { ($1, $0) })
                let rows = places.map { index[$0.name]! }
                matrices.append(TravelMatrix(size: places.count) { Int((table.minutes[rows[$0] * table.places.count + rows[$1]] * 60).rounded()) })
            } else {
                matrices.append(
                    TravelMatrix(size: places.count) { mode.seconds(from: places[$0].point, to: places[$1].point, detour: settings.detourFactor) })
            }
        }
        let routingVehicles = vehicles.map { (c, d) in
            let hours = carriers[c].hours[d]!
            return RoutingVehicle(
                startDepot: 2 * c, endDepot: 2 * c + 1, capacity: carriers[c].bagCapacity, shiftStart: hours.lowerBound * 60,
                shiftEnd: hours.upperBound * 60, profile: modes.firstIndex(of: carriers[c].mode)!, group: c)
        }
        let penalty = Int(settings.continuityPenaltyMinutes * 60)
        var assignment = [Int](repeating: 0, count: visits.count * vehicles.count)
        let dayChange = Int(settings.dayChangePenaltyMinutes * 60)
        for (v, visit) in visits.enumerated() {
            for (k, (c, d)) in vehicles.enumerated() {
                if let preferred = visit.preferredCarrier, carriers[c].id != preferred { assignment[v * vehicles.count + k] += penalty }
                if let current = visit.currentDay, current != d { assignment[v * vehicles.count + k] += dayChange }
            }
        }
        // A carrier's fair share of the week's minutes at the door is proportional to their hours.
        let hours = carriers.map { $0.hours.reduce(0) { $0 + ($1.map { $0.upperBound - $0.lowerBound } ?? 0) } }
        let totalHours = max(1, hours.reduce(0, +))
        let totalService = visits.reduce(0) { $0 + $1.serviceMinutes }
        let balance = LoadBalance(
            load: visits.map(\.serviceMinutes), target: hours.map { Double(totalService) * Double($0) / Double(totalHours) },
            weight: settings.imbalancePenaltyMinutesPerHourSquared * 60 / 3600)
        do {
            return try RoutingProblem(
                depotCount: depotCount, nodes: nodes, matrices: matrices, vehicles: routingVehicles,
                dropPenalty: Array(repeating: Self.dropPrize, count: visits.count), allowedVehicles: visits.indices.map(allowed),
                assignmentCost: assignment, balance: balance)
        } catch {
            throw .invalidField("week", error.description)
        }
    }
}
