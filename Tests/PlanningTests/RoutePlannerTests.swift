import Routing
import Testing

@Suite struct RoutePlannerTests {
    let branch = GeoPoint(latitude: 50.41, longitude: 80.25)

    @Test func unplacedStopsGoLastAndEveryStopOnce() {
        let stops: [GeoPoint?] = [
            GeoPoint(latitude: 50.45, longitude: 80.30), nil, GeoPoint(latitude: 50.42, longitude: 80.26), nil,
            GeoPoint(latitude: 50.50, longitude: 80.40),
        ]
        let order = RoutePlanner.order(start: branch, stops: stops)
        #expect(order == [2, 0, 4, 1, 3])
    }

    @Test func twoOptUntanglesACrossing() {
        // Sixty scattered homes: 2-opt is never worse than nearest neighbour and leaves no segment
        // whose reversal would shorten the run.
        var points: [GeoPoint?] = []
        var seed: UInt64 = 42
        for _ in 0..<60 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let a = Double((seed >> 33) % 1000) / 1000 * 0.2
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let b = Double((seed >> 33) % 1000) / 1000 * 0.2
            points.append(GeoPoint(latitude: 50.3 + a, longitude: 80.2 + b))
        }
        let placed = points.map { $0! }
        let order = RoutePlanner.order(start: branch, stops: points)
        #expect(Set(order) == Set(0..<60))
        let nn = RoutePlanner.order(start: branch, stops: points, improve: false)
        let optimised = RoutePlanner.length(order, start: branch, placed)
        #expect(optimised <= RoutePlanner.length(nn, start: branch, placed))
        // No two edges of the final route cross: reversing any segment cannot shorten it.
        for i in 0..<58 {
            for j in (i + 2)..<60 {
                var swapped = order
                swapped[(i + 1)...j].reverse()
                #expect(RoutePlanner.length(swapped, start: branch, placed) >= optimised - 1e-6)
            }
        }
    }

    @Test func distanceIsHaversine() {
        // Semey to Ust-Kamenogorsk is about 180 km as the crow flies.
        let d = GeoPoint(latitude: 50.411, longitude: 80.227).distance(to: GeoPoint(latitude: 49.948, longitude: 82.628))
        #expect(d > 170 && d < 190)
    }
}
