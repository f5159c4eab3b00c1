import Foundation
import Testing

@testable import MARCKit

/// Arbitrary and mutated bytes must never crash or hang the reader: every call ends, and every
/// record is either read or reported.
@Suite struct FuzzTests {
    /// A small, seeded generator so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func drain(_ bytes: [UInt8]) -> Int {
        var steps = 0
        for encoding in [nil, MARCEncoding.marc8, .windows1251] as [MARCEncoding?] {
            for _ in ISO2709Reader(bytes: bytes, encoding: encoding) {
                steps += 1
                precondition(steps <= bytes.count + 3, "the reader did not advance")
            }
        }
        return steps
    }

    @Test func test_mutated_records_never_crash_or_hang() throws {
        var rng = SplitMix(state: 20_261_130)
        let seeds = try ["marc21-marc8.mrc", "marc21-cp1251.mrc", "rusmarc-utf8.mrc", "bad-records.mrc"].map(Fixture.bytes)
        for round in 0..<3000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes[i] = [0x1D, 0x1E, 0x1F, 0x1B, 0x30, 0x39][Int.random(in: 0..<6, using: &rng)]
                case 2: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...40, using: &rng)))
                default: bytes.insert(contentsOf: bytes[i..<min(bytes.count, i + 30)], at: Int.random(in: 0..<bytes.count, using: &rng))
                }
                if bytes.isEmpty { bytes = [0x30] }
            }
            _ = Self.drain(bytes)
        }
    }

    @Test func test_random_bytes_never_crash_or_hang() {
        var rng = SplitMix(state: 7)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...600, using: &rng)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // Give some inputs a plausible length prefix so deeper code runs.
            if count > 30 && Bool.random(using: &rng) {
                bytes.replaceSubrange(0..<5, with: Array(String(format: "%05d", Int.random(in: 20...count + 10, using: &rng)).utf8))
            }
            _ = Self.drain(bytes)
        }
    }

    @Test func test_random_xml_never_crashes() {
        var rng = SplitMix(state: 11)
        let xml = Array((try? Data(contentsOf: URL(fileURLWithPath: Fixture.path("collection.xml")))) ?? Data())
        for _ in 0..<300 {
            var bytes = xml
            for _ in 0..<4 { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            MARCXMLReader(data: Data(bytes)).read { _ in }
        }
    }
}
