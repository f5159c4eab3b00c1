import Foundation

/// Travel times between named places read from a CSV file: a header `place,<id>,<id>,…` and one
/// row per place, `<id>,<minutes>,<minutes>,…`, in the same order as the header.
///
/// It replaces the great-circle estimate for one travel mode when a library has measured times
/// (from a routing service, say). Every line that cannot be read is an error naming that line.
public struct TravelTable: Sendable, Equatable {
    public var places: [String]
    /// Minutes, row-major.
    public var minutes: [Double]

    public func minutes(from a: String, to b: String) -> Double? {
        guard let i = places.firstIndex(of: a), let j = places.firstIndex(of: b) else { return nil }
        return minutes[i * places.count + j]
    }

    public static func parse(csv text: String) throws(TravelTableError) -> TravelTable {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().filter {
            !$0.element.trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard let header = lines.first else { throw TravelTableError(line: 1, message: "the file is empty") }
        let places = header.element.split(separator: ",", omittingEmptySubsequences: false).dropFirst().map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !places.isEmpty, Set(places).count == places.count, !places.contains("") else {
            throw TravelTableError(line: header.offset + 1, message: "the header must name each place once after the first column")
        }
        guard lines.count - 1 == places.count else {
            throw TravelTableError(line: lines.last!.offset + 1, message: "expected \(places.count) rows, one per place, found \(lines.count - 1)")
        }
        var minutes: [Double] = []
        for (k, (offset, line)) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first == places[k] else {
                throw TravelTableError(line: offset + 1, message: "expected the row of '\(places[k])', found '\(fields.first ?? "")'")
            }
            guard fields.count == places.count + 1 else {
                throw TravelTableError(line: offset + 1, message: "expected \(places.count) times, found \(fields.count - 1)")
            }
            for (column, field) in fields.dropFirst().enumerated() {
                guard let value = Double(field), value >= 0, value.isFinite else {
                    throw TravelTableError(line: offset + 1, message: "column \(column + 2): '\(field)' is not a number of minutes ≥ 0")
                }
                minutes.append(value)
            }
        }
        return TravelTable(places: places, minutes: minutes)
    }
}

/// A travel-time file that cannot be read, with the line (1-based).
public struct TravelTableError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
