import Foundation

/// A one-line address as library systems keep it («г. Семей, ул. Абая, д. 12, кв. 5»,
/// «Абая 12, кв 5», «Семей қ., Абай көшесі, 12 үй, 5 пәтер»), cut into the parts a carrier's run
/// sheet shows. Parts are told by their markers; a part with no marker is the street (of two, the
/// first is the settlement: «Семей, ул. Абая, 12»), and a street that ends in a number gives the house. Nothing else is guessed: «12-5» stays a house number.
struct AddressParts: Equatable {
    var settlement: String?
    var street: String?
    var building: String?
    var apartment: String?

    private static let settlementMarks = ["г", "город", "с", "село", "пос", "п", "поселок", "қ", "қала", "ауыл", "а"]
    private static let buildingMarks = ["д", "дом", "үй", "house", "h"]
    private static let apartmentMarks = ["кв", "квартира", "пәтер", "п-р", "apt", "flat"]

    init(settlement: String?, street: String?, building: String?, apartment: String?) {
        self.settlement = settlement
        self.street = street
        self.building = building
        self.apartment = apartment
    }

    init(_ line: String) {
        // Unmarked parts, and where a marked settlement stood among them.
        var rest: [String] = []
        var settlementAt: Int?
        for raw in line.split(separator: ",") {
            let part = raw.trimmingCharacters(in: .whitespaces)
            guard !part.isEmpty else { continue }
            if apartment == nil, let v = Self.marked(part, Self.apartmentMarks) {
                apartment = v
            } else if building == nil, let v = Self.marked(part, Self.buildingMarks) {
                building = v
            } else if building == nil, Self.isNumber(part) {
                building = part
            } else if settlement == nil, let v = Self.marked(part, Self.settlementMarks) {
                settlement = v
                settlementAt = rest.count
            } else {
                rest.append(part)
            }
        }
        // «Семей, ул. Абая, 12»: with no marked settlement, two unmarked parts are the settlement
        // and the street, as the reader card writes them. The street is what follows the
        // settlement («ВКО, г. Семей, ул. Абая»: the region before it is not the street).
        if settlement == nil, rest.count >= 2 {
            settlement = rest.removeFirst()
            settlementAt = 0
        }
        let streetParts = settlementAt.map { at in rest.count > at ? Array(rest[at...]) : rest } ?? rest
        guard !streetParts.isEmpty else { return }
        var street = streetParts.joined(separator: ", ")
        // «Абая 12»: the last word is the house when it starts with a digit.
        if building == nil, let space = street.lastIndex(of: " "), Self.isNumber(String(street[street.index(after: space)...])) {
            building = String(street[street.index(after: space)...])
            street = String(street[..<space]).trimmingCharacters(in: .whitespaces)
        }
        self.street = street
    }

    /// The value of «кв. 5», «кв5», «5 пәтер», «12 үй» when the part carries one of `marks`.
    private static func marked(_ part: String, _ marks: [String]) -> String? {
        let words = part.split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
        guard words.count >= 2 else {
            // «кв5», «д12»: the mark written against the number.
            let lower = part.lowercased()
            for mark in marks where lower.hasPrefix(mark) {
                let value = String(part.dropFirst(mark.count))
                if isNumber(value) { return value }
            }
            return nil
        }
        if marks.contains(words[0].lowercased()) { return words.dropFirst().joined(separator: " ") }
        if marks.contains(words[words.count - 1].lowercased()) { return words.dropLast().joined(separator: " ") }
        return nil
    }

    /// «12», «12А», «12/1», «12-5»: a house or flat number starts with a digit and has no spaces.
    private static func isNumber(_ s: String) -> Bool {
        guard let first = s.first, first.isNumber, !s.contains(" "), s.count <= 20 else { return false }
        return true
    }
}
