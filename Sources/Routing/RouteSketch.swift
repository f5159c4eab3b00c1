import Foundation

/// A route drawn without a map: the start and the stops projected onto a small plane around the
/// start, scaled to fit a box, with a scale bar. No tile server and no map data, so the sheet prints
/// anywhere and shows no one else's address.
///
/// The projection is equirectangular around the start: over the few kilometres of a town's route
/// its distortion is far below what a sketch can show.
public struct RouteSketch: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
    }

    /// The start, in box coordinates.
    public var start: Point
    /// The stops in visiting order, in box coordinates.
    public var stops: [Point]
    /// A round length in kilometres and its length in box units, for the scale bar.
    public var scaleKilometres: Double
    public var scaleLength: Double
    public var width: Double
    public var height: Double

    /// `margin` keeps the markers and their numbers inside the box.
    public init(start: GeoPoint, stops: [GeoPoint], width: Double = 320, height: Double = 240, margin: Double = 24) {
        let kmPerDegreeLat = 111.32
        let kmPerDegreeLon = 111.32 * cos(start.latitude * .pi / 180)
        // Kilometres east and north of the start; y grows downwards on screen.
        let planar = ([start] + stops).map { p in
            (x: (p.longitude - start.longitude) * kmPerDegreeLon, y: -(p.latitude - start.latitude) * kmPerDegreeLat)
        }
        let minX = planar.map(\.x).min()!
        let maxX = planar.map(\.x).max()!
        let minY = planar.map(\.y).min()!
        let maxY = planar.map(\.y).max()!
        // One scale for both axes, so the sketch keeps its shape; at least 0.2 km across, so a
        // route of two neighbouring doors is not blown up to the whole box.
        let spanX = max(maxX - minX, 0.2)
        let spanY = max(maxY - minY, 0.2)
        // The bottom band holds the scale bar, so no stop is drawn under its label.
        let band = 20.0
        let scale = min((width - 2 * margin) / spanX, (height - band - 2 * margin) / spanY)
        // Centred in the box above the band.
        let offsetX = (width - (maxX - minX) * scale) / 2
        let offsetY = (height - band - (maxY - minY) * scale) / 2
        let points = planar.map { Point(x: ($0.x - minX) * scale + offsetX, y: ($0.y - minY) * scale + offsetY) }
        self.start = points[0]
        self.stops = Array(points.dropFirst())
        self.width = width
        self.height = height
        // The largest of 1, 2, 5 × 10ⁿ km that fits in a quarter of the width.
        let target = width / 4 / scale
        let magnitude = pow(10, floor(log10(target)))
        let step = [5.0, 2.0, 1.0].map { $0 * magnitude }.first { $0 <= target } ?? magnitude
        scaleKilometres = step
        scaleLength = step * scale
    }
}
