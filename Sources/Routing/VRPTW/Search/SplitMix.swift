/// The solver's only source of randomness: SplitMix64, seeded once per solve, so a seed and an
/// iteration budget always give the same plan (Swift's system generator cannot be seeded).
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`; the tiny modulo bias does not matter for a heuristic.
    @inline(__always) mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A uniform double in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Fisher–Yates in place, with our own generator.
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) { values.swapAt(i, below(i + 1)) }
    }
}
