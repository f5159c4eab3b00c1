/// A Solomon VRPTW instance as published: a name, the vehicle count and capacity, then one row per
/// customer with number, coordinates, demand, ready time, due date and service time; customer 0
/// is the depot.
public struct SolomonInstance: Sendable, Equatable {
    public struct Customer: Sendable, Equatable {
        public var number: Int
        public var x: Double
        public var y: Double
        public var demand: Int
        public var readyTime: Double
        public var dueDate: Double
        public var serviceTime: Double

        public init(number: Int, x: Double, y: Double, demand: Int, readyTime: Double, dueDate: Double, serviceTime: Double) {
            self.number = number
            self.x = x
            self.y = y
            self.demand = demand
            self.readyTime = readyTime
            self.dueDate = dueDate
            self.serviceTime = serviceTime
        }
    }

    public var name: String
    public var vehicleCount: Int
    public var capacity: Int
    /// The depot first, then the customers in file order.
    public var customers: [Customer]
}

/// An instance file that cannot be read, with the line (1-based) where reading failed.
public struct SolomonFormatError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

extension SolomonInstance {
    /// Reads the original text format. Blank lines and extra spaces are ignored; every other
    /// deviation is an error naming its line.
    public static func parse(_ text: String) throws(SolomonFormatError) -> SolomonInstance {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            $0.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        var k = 0
        func nextNonEmpty() -> Int? {
            while k < lines.count && lines[k].isEmpty { k += 1 }
            return k < lines.count ? k : nil
        }
        guard let nameLine = nextNonEmpty() else { throw SolomonFormatError(line: 1, message: "the file is empty") }
        let name = lines[nameLine].joined(separator: " ")
        k += 1
        guard let vehicleLine = nextNonEmpty(), lines[vehicleLine].first?.uppercased() == "VEHICLE" else {
            throw SolomonFormatError(line: (nextNonEmpty() ?? lines.count - 1) + 1, message: "expected the VEHICLE section")
        }
        k += 1
        guard let header = nextNonEmpty(), lines[header].first?.uppercased() == "NUMBER" else {
            throw SolomonFormatError(line: k + 1, message: "expected the header NUMBER CAPACITY")
        }
        k += 1
        guard let fleet = nextNonEmpty(), lines[fleet].count == 2, let count = Int(lines[fleet][0]), let capacity = Int(lines[fleet][1]), count > 0,
            capacity >= 0
        else { throw SolomonFormatError(line: k + 1, message: "expected the vehicle count and capacity as two whole numbers") }
        k += 1
        guard let section = nextNonEmpty(), lines[section].first?.uppercased() == "CUSTOMER" else {
            throw SolomonFormatError(line: k + 1, message: "expected the CUSTOMER section")
        }
        k += 1
        guard let columns = nextNonEmpty(), lines[columns].first?.uppercased() == "CUST" else {
            throw SolomonFormatError(line: k + 1, message: "expected the customer table's header")
        }
        k += 1
        var customers: [Customer] = []
        while let row = nextNonEmpty() {
            customers.append(try customer(lines[row], line: row + 1, expected: customers.count))
            k += 1
        }
        guard customers.count >= 1 else { throw SolomonFormatError(line: lines.count, message: "no depot row (customer 0)") }
        return SolomonInstance(name: name, vehicleCount: count, capacity: capacity, customers: customers)
    }

    private static func customer(_ fields: [String], line: Int, expected: Int) throws(SolomonFormatError) -> Customer {
        guard fields.count == 7 else { throw SolomonFormatError(line: line, message: "expected 7 numbers, found \(fields.count)") }
        let values = fields.map(Double.init)
        if let bad = values.firstIndex(where: { $0 == nil || !$0!.isFinite }) {
            throw SolomonFormatError(line: line, message: "'\(fields[bad])' is not a number")
        }
        let v = values.map { $0! }
        guard v[0] == Double(expected) else {
            throw SolomonFormatError(line: line, message: "expected customer \(expected), found \(fields[0])")
        }
        guard v[3] >= 0, v[3] == v[3].rounded() else { throw SolomonFormatError(line: line, message: "demand must be a whole number ≥ 0") }
        guard v[4] >= 0, v[6] >= 0 else { throw SolomonFormatError(line: line, message: "times must not be negative") }
        guard v[5] >= v[4] else {
            throw SolomonFormatError(line: line, message: "due date \(fields[5]) is before ready time \(fields[4])")
        }
        return Customer(number: expected, x: v[1], y: v[2], demand: Int(v[3]), readyTime: v[4], dueDate: v[5], serviceTime: v[6])
    }
}
