import Routing

/// A deterministic generator for the benchmark's branch week around Semey.
struct BenchRandom {
    var state: UInt64

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    mutating func below(_ n: Int) -> Int { min(n - 1, Int(next() * Double(n))) }
}

/// 300 visits and 8 carriers over 5 days: two on foot near the branch, three by bus, three by car;
/// some part-time, some with days off; windows of two to three hours for most readers, most
/// visits on their own date, a quarter free to move among two or three weekdays, most readers with
/// a carrier of record, a few pins.
enum BranchWeek {
    static let branch = GeoPoint(latitude: 50.4111, longitude: 80.2275)

    static func point(_ rng: inout BenchRandom, radius: Double) -> GeoPoint {
        // Within about `radius` km of the branch (1° latitude ≈ 111 km, 1° longitude ≈ 71 km here).
        GeoPoint(
            latitude: branch.latitude + (rng.next() * 2 - 1) * radius / 111, longitude: branch.longitude + (rng.next() * 2 - 1) * radius / 71)
    }

    static func generate(seed: UInt64) -> ([WeekCarrier], [WeekVisit]) {
        var rng = BenchRandom(state: seed)
        let modes: [TravelMode] = [.onFoot, .onFoot, .bus, .bus, .bus, .car, .car, .car]
        var carriers: [WeekCarrier] = []
        for (k, mode) in modes.enumerated() {
            var hours: [ClosedRange<Int>?] = (0..<5).map { _ in k % 3 == 2 ? 10 * 60...15 * 60 : 9 * 60...18 * 60 }
            if k % 4 == 1 { hours[(k + 2) % 5] = nil }
            let home = k % 2 == 0 ? branch : point(&rng, radius: 3)
            carriers.append(WeekCarrier(id: "c\(k)", start: home, end: home, mode: mode, bagCapacity: 25, hours: hours))
        }
        var visits: [WeekVisit] = []
        for v in 0..<300 {
            let location = point(&rng, radius: 5)
            let start = 9 * 60 + 30 * rng.below(14)
            let wide = rng.next() < 0.3
            let windowStart = wide ? 9 * 60 : start
            let windowEnd = wide ? 18 * 60 : min(18 * 60, start + 120 + 30 * rng.below(3))
            let own = rng.below(5)
            var days = [own]
            if rng.next() < 0.25 { days.append((own + 1 + rng.below(4)) % 5) }
            let preferred: String? = rng.next() < 0.8 ? "c\(rng.below(8))" : nil
            let pinned: String? = rng.next() < 0.03 ? "c\(rng.below(8))" : nil
            visits.append(
                WeekVisit(
                    id: "v\(v)", location: location, windowStart: windowStart, windowEnd: windowEnd, serviceMinutes: rng.next() < 0.2 ? 30 : 20,
                    items: 1 + rng.below(4), days: days, preferredCarrier: preferred, pinnedCarrier: pinned))
        }
        return (carriers, visits)
    }

    /// A carrier's day: stops within 2 km, windows of two hours or the whole day.
    static func dayStops(count: Int, rng: inout BenchRandom) -> [DayPlanner.Stop] {
        (0..<count).map { k in
            let start = 9 * 60 + 60 * rng.below(7)
            let wide = rng.next() < 0.4
            return DayPlanner.Stop(
                id: "s\(k)", location: point(&rng, radius: 1.2), windowStart: wide ? 9 * 60 : start, windowEnd: wide ? 18 * 60 : start + 120)
        }
    }
}
