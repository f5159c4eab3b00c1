import Foundation

/// A solution in CVRPLIB's `.sol` format: `Route #k: c1 c2 …` per non-empty route, then
/// `Cost X`. The best-known solutions in `shared/vrptw/` use it, so the benchmark and the tests
/// read both theirs and ours with the same code.
public struct CVRPLIBSolution: Sendable, Equatable {
    /// Customer numbers per route, depot excluded.
    public var routes: [[Int]]
    /// The cost line as written (tenths for Solomon instances).
    public var cost: Double?

    public init(routes: [[Int]], cost: Double?) {
        self.routes = routes
        self.cost = cost
    }

    /// The text, with the cost given in tenths and printed with one decimal.
    public static func format(routes: [[Int]], costTenths: Int) -> String {
        var lines: [String] = []
        for route in routes where !route.isEmpty {
            lines.append("Route #\(lines.count + 1): " + route.map(String.init).joined(separator: " "))
        }
        lines.append("Cost \(costTenths / 10).\(costTenths % 10)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a `.sol` file; errors name the line.
    public static func parse(_ text: String) throws(SolomonFormatError) -> CVRPLIBSolution {
        var routes: [[Int]] = []
        var cost: Double?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("Route") {
                guard let colon = line.firstIndex(of: ":") else { throw SolomonFormatError(line: index + 1, message: "expected 'Route #k: …'") }
                let fields = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace)
                let numbers = fields.compactMap { Int($0) }
                guard numbers.count == fields.count else { throw SolomonFormatError(line: index + 1, message: "a customer is not a number") }
                routes.append(numbers)
            } else if line.hasPrefix("Cost") {
                guard let value = Double(line.dropFirst(4).trimmingCharacters(in: .whitespaces)) else {
                    throw SolomonFormatError(line: index + 1, message: "the cost is not a number")
                }
                cost = value
            } else {
                throw SolomonFormatError(line: index + 1, message: "expected a 'Route' or 'Cost' line")
            }
        }
        return CVRPLIBSolution(routes: routes, cost: cost)
    }
}
