import Routing
import Testing

@Suite struct WeekPlannerTests {
    static let branch = GeoPoint(latitude: 50.4111, longitude: 80.2275)
    static let options = SolverOptions(seed: 5, iterationLimit: 8, neighbours: 15, minimumPopulation: 3, generationSize: 4)

    static func near(_ k: Int) -> GeoPoint {
        GeoPoint(latitude: branch.latitude + Double(k % 7) * 0.004, longitude: branch.longitude + Double(k % 5) * 0.006)
    }

    static func carriers(_ count: Int, days: Int = 3) -> [WeekCarrier] {
        (0..<count).map {
            WeekCarrier(id: "c\($0)", start: branch, mode: .car, bagCapacity: 20, hours: Array(repeating: 9 * 60...17 * 60, count: days))
        }
    }

    /// Every visit is on exactly one route or in the unplaced list.
    static func accountsForEveryVisit(_ plan: WeekPlan, _ visits: [WeekVisit]) -> Bool {
        let listed = plan.routes.flatMap { $0.stops.map(\.visitID) } + plan.unplaced.map(\.visitID)
        return listed.sorted() == visits.map(\.id).sorted()
    }

    @Test func anInfeasibleWeekListsWhatDidNotFit() throws {
        // One carrier, one day of 8 hours, 40 visits of 20 minutes: at most 24 fit.
        var visits = (0..<40).map { WeekVisit(id: "v\($0)", location: Self.near($0), windowStart: 9 * 60, windowEnd: 17 * 60, days: [0]) }
        visits.append(WeekVisit(id: "early", location: Self.near(1), windowStart: 6 * 60, windowEnd: 7 * 60, days: [0]))
        visits.append(WeekVisit(id: "heavy", location: Self.near(2), windowStart: 9 * 60, windowEnd: 17 * 60, items: 99, days: [0]))
        visits.append(WeekVisit(id: "sunday", location: Self.near(3), windowStart: 9 * 60, windowEnd: 17 * 60, days: [1]))
        let carrier = WeekCarrier(id: "c0", start: Self.branch, mode: .car, bagCapacity: 50, hours: [9 * 60...17 * 60, nil])
        let plan = try WeekPlanner.plan(carriers: [carrier], visits: visits, options: Self.options)
        #expect(Self.accountsForEveryVisit(plan, visits))
        #expect(plan.unplaced.count >= 16)
        let reasons = Dictionary(uniqueKeysWithValues: plan.unplaced.map { ($0.visitID, $0.reason) })
        #expect(reasons["early"] == .windowOutsideCarrierHours)
        #expect(reasons["heavy"] == .moreItemsThanAnyBag)
        #expect(reasons["sunday"] == .noCarrierOnAllowedDays)
        #expect(reasons.values.filter { $0 == .noTimeLeft }.count >= 13)
        for route in plan.routes {
            #expect(route.returnTime <= 17 * 3600)
            #expect(route.stops.allSatisfy { $0.serviceStart <= 17 * 3600 })
        }
    }

    @Test func pinsAndAllowedDaysAreHonoured() throws {
        let visits = (0..<30).map { k in
            WeekVisit(
                id: "v\(k)", location: Self.near(k), windowStart: 9 * 60, windowEnd: 17 * 60, days: k % 3 == 0 ? [0, 2] : [k % 3],
                pinnedCarrier: k % 5 == 0 ? "c1" : nil, pinnedDay: k % 6 == 0 ? 2 : nil)
        }
        let plan = try WeekPlanner.plan(carriers: Self.carriers(3), visits: visits, options: Self.options)
        #expect(plan.unplaced.isEmpty)
        #expect(Self.accountsForEveryVisit(plan, visits))
        let byID = Dictionary(uniqueKeysWithValues: visits.map { ($0.id, $0) })
        for route in plan.routes {
            for stop in route.stops {
                let visit = byID[stop.visitID]!
                #expect(visit.days.contains(route.day))
                if let carrier = visit.pinnedCarrier { #expect(route.carrierID == carrier) }
                if let day = visit.pinnedDay { #expect(route.day == day) }
                #expect(stop.serviceStart >= visit.windowStart * 60 && stop.serviceStart <= visit.windowEnd * 60)
            }
        }
    }

    @Test func theCarrierOfRecordIsKeptWhenItCostsLittle() throws {
        let visits = (0..<20).map { k in
            WeekVisit(id: "v\(k)", location: Self.near(k), windowStart: 9 * 60, windowEnd: 17 * 60, days: [0], preferredCarrier: "c\(k % 2)")
        }
        let plan = try WeekPlanner.plan(
            carriers: Self.carriers(2, days: 1), visits: visits, settings: WeekSettings(continuityPenaltyMinutes: 120), options: Self.options)
        #expect(plan.unplaced.isEmpty)
        #expect(plan.continuityBreaks == 0)
    }

    @Test func badFieldsAreNamed() {
        let carriers = Self.carriers(1)
        let late = WeekVisit(id: "a", location: Self.branch, windowStart: 600, windowEnd: 540, days: [0])
        #expect(throws: WeekPlanError.invalidField("visits[a].windowEnd", "the window ends (540) before it starts (600)")) {
            try WeekPlanner.plan(carriers: carriers, visits: [late], options: Self.options)
        }
        let stranger = WeekVisit(id: "b", location: Self.branch, windowStart: 540, windowEnd: 600, days: [0], pinnedCarrier: "nobody")
        #expect(throws: WeekPlanError.invalidField("visits[b].pinnedCarrier", "no carrier 'nobody'")) {
            try WeekPlanner.plan(carriers: carriers, visits: [stranger], options: Self.options)
        }
        let unknown = WeekVisit(id: "c", location: Self.branch, windowStart: 540, windowEnd: 600, days: [0], preferredCarrier: "x")
        #expect(throws: WeekPlanError.invalidField("visits[c].preferredCarrier", "no carrier 'x'")) {
            try WeekPlanner.plan(carriers: carriers, visits: [unknown], options: Self.options)
        }
    }

    @Test func aCarriersDayIsOrderedByWindows() throws {
        // The demo day's complaint: a 10:00–12:00 reader must not come after a 14:00–17:00 one.
        let stops = (0..<12).map { k in
            DayPlanner.Stop(
                id: "s\(k)", location: Self.near(k * 3), windowStart: k % 3 == 0 ? 10 * 60 : 14 * 60, windowEnd: k % 3 == 0 ? 12 * 60 : 18 * 60)
        }
        let plan = try DayPlanner.plan(start: Self.branch, mode: .car, hours: 9 * 60...19 * 60, stops: stops, iterations: 10)
        #expect(plan.unplaced.isEmpty)
        let order = plan.routes[0].stops.map(\.visitID)
        let morning = order.indices.filter { Int(order[$0].dropFirst())! % 3 == 0 }
        let afternoon = order.indices.filter { Int(order[$0].dropFirst())! % 3 != 0 }
        #expect(morning.max()! < afternoon.min()!)
    }

    @Test func travelTablesReplaceTheEstimateAndNameBadLines() throws {
        let table = try TravelTable.parse(csv: "place,a,b\na,0,12.5\nb,11,0\n")
        #expect(table.minutes(from: "a", to: "b") == 12.5)
        #expect(throws: TravelTableError(line: 3, message: "column 3: 'soon' is not a number of minutes ≥ 0")) {
            try TravelTable.parse(csv: "place,a,b\na,0,1\nb,1,soon\n")
        }
        #expect(throws: TravelTableError(line: 2, message: "expected the row of 'a', found 'b'")) {
            try TravelTable.parse(csv: "place,a,b\nb,0,1\na,1,0\n")
        }
        #expect(throws: TravelTableError(line: 3, message: "expected 2 times, found 1")) { try TravelTable.parse(csv: "place,a,b\na,0,1\nb,1\n") }
    }
}
