import Foundation

/// A point on the map, in degrees.
public struct GeoPoint: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine); the town-scale error of ignoring streets is
    /// the same for every stop, so it orders them well enough.
    public func distance(to o: GeoPoint) -> Double {
        let r = 6371.0
        let dLat = (o.latitude - latitude) * .pi / 180
        let dLon = (o.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * .pi / 180) * cos(o.latitude * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}

/// Orders a carrier's stops: nearest neighbour from the branch, then 2-opt until no exchange of two
/// edges shortens the run. Stops without coordinates cannot be placed, so they go last, in the
/// order given. The route is open: the carrier does not have to come back to the branch.
public enum RoutePlanner {
    /// The indices of `stops` in visiting order.
    public static func order(start: GeoPoint?, stops: [GeoPoint?], improve: Bool = true) -> [Int] {
        let placed = stops.indices.filter { stops[$0] != nil }
        let unplaced = stops.indices.filter { stops[$0] == nil }
        guard placed.count > 1 else { return placed + unplaced }
        let points = placed.map { stops[$0]! }
        var route = nearestNeighbour(start: start, points)
        if improve { twoOpt(&route, start: start, points) }
        return route.map { placed[$0] } + unplaced
    }

    /// The length of a route in kilometres, from `start` through `points` in `route` order.
    public static func length(_ route: [Int], start: GeoPoint?, _ points: [GeoPoint]) -> Double {
        var total = 0.0
        var previous = start
        for i in route {
            if let p = previous { total += p.distance(to: points[i]) }
            previous = points[i]
        }
        return total
    }

    static func nearestNeighbour(start: GeoPoint?, _ points: [GeoPoint]) -> [Int] {
        var left = Set(points.indices)
        var route: [Int] = []
        var here = start ?? points[0]
        if start == nil {
            route.append(0)
            left.remove(0)
        }
        while !left.isEmpty {
            // Ties go to the lower index, so the order is the same on every run.
            let next = left.min { a, b in
                let da = here.distance(to: points[a])
                let db = here.distance(to: points[b])
                return da == db ? a < b : da < db
            }!
            route.append(next)
            left.remove(next)
            here = points[next]
        }
        return route
    }

    /// Reverses a run of stops while that shortens the route. Position -1 is the start (the branch),
    /// which never moves; past the last stop there is nothing, because the route is open.
    static func twoOpt(_ route: inout [Int], start: GeoPoint?, _ points: [GeoPoint]) {
        let n = route.count
        func at(_ position: Int) -> GeoPoint? {
            position < 0 ? start : position >= n ? nil : points[route[position]]
        }
        func d(_ a: GeoPoint?, _ b: GeoPoint?) -> Double {
            guard let a, let b else { return 0 }
            return a.distance(to: b)
        }
        var improved = true
        var rounds = 0
        while improved && rounds < 1000 {
            improved = false
            rounds += 1
            for p in -1..<(n - 1) {
                for q in (p + 2)..<n {
                    // Edges (p, p+1) and (q, q+1) become (p, q) and (p+1, q+1).
                    let before = d(at(p), at(p + 1)) + d(at(q), at(q + 1))
                    let after = d(at(p), at(q)) + d(at(p + 1), at(q + 1))
                    if after + 1e-9 < before {
                        route[(p + 1)...q].reverse()
                        improved = true
                    }
                }
            }
        }
    }
}
