/// Travel times between every pair of nodes for one travel mode, row-major, in the problem's time
/// unit. The objective counts the same numbers as cost, so "distance" and "time" are one matrix.
///
/// `Int32` halves the memory the local search walks through (a 300-node matrix is 360 KB), and no
/// travel time of a day comes near two billion of any sensible unit.
public struct TravelMatrix: Sendable, Equatable {
    public let size: Int
    public private(set) var values: [Int32]

    /// A matrix from a flat row-major array of `size * size` values.
    public init(size: Int, values: [Int32]) {
        precondition(values.count == size * size, "a travel matrix needs size * size values")
        self.size = size
        self.values = values
    }

    /// A matrix computed by `time(from, to)` for every pair.
    public init(size: Int, time: (Int, Int) -> Int) {
        var values = [Int32](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size where i != j {
                values[i * size + j] = Int32(clamping: time(i, j))
            }
        }
        self.init(size: size, values: values)
    }

    public subscript(from: Int, to: Int) -> Int { Int(values[from * size + to]) }
}
