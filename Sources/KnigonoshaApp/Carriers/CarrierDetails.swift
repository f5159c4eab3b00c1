import Fluent
import Routing
import Vapor

/// A carrier's checks, training and travel: the form and the API take the same fields; the page
/// reads the start point as «lat, lon» into the two numbers.
enum CarrierDetails {
    struct Input: Content {
        var certificate_on: String?
        var certificate_until: String?
        var trained_on: String?
        var id_card_number: String?
        var travel_mode: String?
        var start_latitude: Double?
        var start_longitude: Double?
        var bag_capacity: Int?
    }

    /// What the API sends back, and the list's warnings read.
    struct DTO: Content {
        var certificate_on: String?
        var certificate_until: String?
        var trained_on: String?
        var id_card_number: String?
        var travel_mode: String?
        var start_latitude: Double?
        var start_longitude: Double?
        var bag_capacity: Int?

        init(_ u: User) {
            (certificate_on, certificate_until, trained_on, id_card_number) = (u.certificateOn, u.certificateUntil, u.trainedOn, u.idCardNumber)
            (travel_mode, start_latitude, start_longitude, bag_capacity) = (u.travelMode, u.startLatitude, u.startLongitude, u.bagCapacity)
        }
    }

    /// Checks `input` and copies it onto the carrier; nothing is changed when there are errors.
    /// `branch` is the carrier's branch's point, when it has one: a start point too far from it is
    /// refused, as a reader's is (`Coordinates.checkNear`).
    static func apply(_ input: Input, to carrier: User, branch: GeoPoint? = nil) -> FieldErrors {
        var e = FieldErrors()
        let on = e.date(input.certificate_on, "certificate_on", earliestYear: 1990)
        let until = e.date(input.certificate_until, "certificate_until", earliestYear: 1990)
        if let on, let until, until < on { e.add("certificate_until", "carrier.until_before_on") }
        let trained = e.date(input.trained_on, "trained_on", earliestYear: 1990)
        var card: String?
        if let raw = e.text(input.id_card_number, "id_card_number", max: 20) {
            // Kazakhstan's identity cards carry 9 digits; a passport or an older card letters too.
            if (6...12).contains(raw.count), raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                card = raw.uppercased()
            } else {
                e.add("id_card_number", "carrier.id_card_invalid")
            }
        }
        let mode = VisitRequests.code(input.travel_mode, CarrierTravel.self, "travel_mode", required: false, into: &e)
        switch (input.start_latitude, input.start_longitude) {
        case (nil, nil): break
        case (let lat?, let lon?):
            if !(-90...90).contains(lat) { e.add("start_latitude", "validation.range", ["min": "-90", "max": "90"]) }
            if !(-180...180).contains(lon) { e.add("start_longitude", "validation.range", ["min": "-180", "max": "180"]) }
            if e.isEmpty { Coordinates.checkNear(GeoPoint(latitude: lat, longitude: lon), branch: branch, field: "start_latitude", into: &e) }
        case (nil, _): e.add("start_latitude", "validation.required")
        case (_, nil): e.add("start_longitude", "validation.required")
        }
        if let bag = input.bag_capacity, !(1...200).contains(bag) { e.add("bag_capacity", "validation.range", ["min": "1", "max": "200"]) }
        guard e.isEmpty else { return e }
        carrier.bagCapacity = input.bag_capacity
        carrier.certificateOn = on?.iso
        carrier.certificateUntil = until?.iso
        carrier.trainedOn = trained?.iso
        carrier.idCardNumber = card
        carrier.travelMode = mode
        (carrier.startLatitude, carrier.startLongitude) = (input.start_latitude, input.start_longitude)
        return e
    }

    /// «lat, lon» as typed or pasted: two numbers with a comma or spaces between them.
    static func point(_ raw: String?) -> (Double?, Double?, ok: Bool) {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return (nil, nil, true) }
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).filter { !$0.isEmpty }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else { return (nil, nil, false) }
        return (lat, lon, true)
    }
}

/// How a carrier gets around; the route plan's speeds (`Routing.TravelMode`) go by these names.
enum CarrierTravel: String, LabeledCode {
    case foot, bus, car
    static let labelPrefix = "travel_mode"

    /// Streets are not straight lines; 1.3 is a usual town figure, as the route planner's.
    static let detour = 1.3

    /// The carrier's mode; on foot when none is recorded.
    static func of(_ carrier: User?) -> CarrierTravel { carrier?.travelMode.flatMap(CarrierTravel.init(rawValue:)) ?? .foot }

    var travelMode: TravelMode {
        switch self {
        case .foot: .onFoot
        case .bus: .bus
        case .car: .car
        }
    }
}
