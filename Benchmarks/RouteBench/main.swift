import Foundation
import Routing

// Orders random runs of stops around a branch in Semey with `RoutePlanner` and prints, per run,
// the stops, our order, its length and the time taken, as JSON lines, for `routing_peers.py` to
// compare with OR-Tools on the same points.
// Usage: route-bench [runs per size]

struct SplitMix {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20 : 20
let branch = GeoPoint(latitude: 50.4111, longitude: 80.2275)
var rng = SplitMix(state: 20_261_130)
for size in [8, 15, 30, 60, 120] {
    for run in 0..<runs {
        // Homes within about 8 km of the branch.
        let stops = (0..<size).map { _ in
            GeoPoint(latitude: branch.latitude + (rng.next() - 0.5) * 0.14, longitude: branch.longitude + (rng.next() - 0.5) * 0.22)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var order: [Int] = []
        // Repeat small runs so that the clock has something to measure.
        let repeats = max(1, 2000 / (size * size))
        for _ in 0..<repeats { order = RoutePlanner.order(start: branch, stops: stops) }
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000 / Double(repeats)
        let km = RoutePlanner.length(order, start: branch, stops)
        let points = stops.map { "[\($0.latitude),\($0.longitude)]" }.joined(separator: ",")
        print(
            "{\"size\":\(size),\"run\":\(run),\"start\":[\(branch.latitude),\(branch.longitude)],\"points\":[\(points)],\"order\":\(order),\"km\":\(km),\"us\":\(micros)}"
        )
    }
}
