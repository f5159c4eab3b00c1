import Foundation

/// Reads a point from what a coordinator pastes: a link copied from 2GIS, Yandex Maps, Google Maps
/// or OpenStreetMap, or «lat, lon» as typed. Each service writes the pair its own way, and two of
/// them (Yandex, 2GIS) put the longitude first.
public enum MapLink {
    public static func point(_ raw: String) -> GeoPoint? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let decoded = text.removingPercentEncoding ?? text
        if !decoded.contains("/") && !decoded.contains("=") { return plain(decoded) }
        let lower = decoded.lowercased()
        let query = URLComponents(string: text)?.queryItems ?? []
        func item(_ name: String) -> String? { query.first { $0.name == name }?.value }
        // OpenStreetMap: ?mlat=&mlon=, or #map=zoom/lat/lon.
        if let lat = item("mlat").flatMap(Double.init), let lon = item("mlon").flatMap(Double.init) { return checked(lat, lon) }
        if lower.contains("openstreetmap"), let range = decoded.range(of: "map=") {
            let parts = decoded[range.upperBound...].split(separator: "/")
            if parts.count >= 3, let lat = Double(parts[1]), let lon = Double(parts[2].prefix { $0 != "&" }) { return checked(lat, lon) }
        }
        // Yandex: pt= (the placemark) before ll= (the view's centre), both «lon,lat».
        if lower.contains("yandex") {
            for name in ["pt", "whatshere[point]", "ll"] {
                if let v = item(name), let p = pair(v, lonFirst: true) { return p }
            }
        }
        // 2GIS: «…/geo/<id>/lon,lat» or ?m=lon,lat/zoom.
        if lower.contains("2gis") {
            if let m = item("m"), let p = pair(String(m.split(separator: "/").first ?? ""), lonFirst: true) { return p }
            if let last = decoded.split(separator: "?").first?.split(separator: "/").last, let p = pair(String(last), lonFirst: true) { return p }
        }
        // Google: «@lat,lon,zoom», ?q=lat,lon or ?query=lat,lon.
        if let at = decoded.range(of: "@") {
            let parts = decoded[at.upperBound...].split(separator: ",")
            if parts.count >= 2, let lat = Double(parts[0]), let lon = Double(parts[1]) { return checked(lat, lon) }
        }
        for name in ["q", "query", "ll"] {
            if let v = item(name), let p = pair(v, lonFirst: false) { return p }
        }
        return nil
    }

    /// «50.4111, 80.2275» or «50.4111 80.2275»: latitude first, as people write it.
    static func plain(_ text: String) -> GeoPoint? { pair(text, lonFirst: false) }

    static func pair(_ text: String, lonFirst: Bool) -> GeoPoint? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).filter { !$0.isEmpty }
        guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]) else { return nil }
        return lonFirst ? checked(b, a) : checked(a, b)
    }

    static func checked(_ lat: Double, _ lon: Double) -> GeoPoint? {
        guard lat.isFinite, lon.isFinite, (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }
}
