/// How a carrier gets around, as a speed over street distance.
///
/// Street distance is estimated as great-circle distance times a detour factor (streets are not
/// straight lines; 1.3 is a usual town figure), so one number per mode is enough and no map data
/// is needed. A measured matrix can replace the estimate (see `TravelTable`).
public struct TravelMode: Sendable, Hashable {
    public var name: String
    public var kilometresPerHour: Double

    public init(name: String, kilometresPerHour: Double) {
        self.name = name
        self.kilometresPerHour = kilometresPerHour
    }

    public static let onFoot = TravelMode(name: "foot", kilometresPerHour: 4.5)
    /// Door to door including walks to stops and waits, not the bus's own speed.
    public static let bus = TravelMode(name: "bus", kilometresPerHour: 12)
    /// Door to door including parking in town.
    public static let car = TravelMode(name: "car", kilometresPerHour: 25)

    /// Seconds from `a` to `b` at this mode's speed.
    public func seconds(from a: GeoPoint, to b: GeoPoint, detour: Double) -> Int {
        Int((a.distance(to: b) * detour / kilometresPerHour * 3600).rounded())
    }
}
