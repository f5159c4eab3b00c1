import Routing

/// The places the service stores as two optional numbers, as points for the route code: both
/// numbers or nothing.
extension GeoPoint {
    init?(latitude: Double?, longitude: Double?) {
        guard let latitude, let longitude else { return nil }
        self.init(latitude: latitude, longitude: longitude)
    }
}

extension Branch {
    var point: GeoPoint? { GeoPoint(latitude: latitude, longitude: longitude) }
}

extension Reader {
    var point: GeoPoint? { GeoPoint(latitude: latitude, longitude: longitude) }
}

extension User {
    /// Where a carrier's day starts, when it is not the branch.
    var startPoint: GeoPoint? { GeoPoint(latitude: startLatitude, longitude: startLongitude) }
}

extension Coordinates {
    /// How far from their branch a reader may live, or a carrier's day start: a region's branches
    /// serve the villages around them.
    static let farKilometres = 150.0

    /// A point further than that from its branch is a slip (a swapped pair, another town's link):
    /// the error goes to `field`. Nothing is checked when the branch has no point.
    static func checkNear(_ point: GeoPoint, branch: GeoPoint?, field: String, into e: inout FieldErrors) {
        guard let branch else { return }
        let km = point.distance(to: branch)
        if km > farKilometres { e.add(field, "coords.far_from_branch", ["km": String(Int(km.rounded())), "max": String(Int(farKilometres))]) }
    }
}
