import Testing

@testable import MARCKit

/// An import keeps the bytes it read instead of encoding the record again only when the two are
/// the same, so that an export gives back exactly what `ISO2709Writer` would have stored.
@Suite struct CanonicalBytesTests {
    static func kept(_ bytes: [UInt8], encoding: MARCEncoding? = nil) -> [(MARCRecord, [UInt8]?)] {
        let reader = ISO2709Reader(bytes: bytes, encoding: encoding)
        reader.keepCanonical = true
        return reader.compactMap { if case .record(_, let r, let raw) = $0 { (r, raw) } else { nil } }
    }

    @Test func test_kept_bytes_are_the_encoding_and_others_are_not_kept() throws {
        for name in ["rusmarc-utf8.mrc", "marc21-marc8.mrc", "marc21-cp1251.mrc", "bad-records.mrc"] {
            for (record, raw) in Self.kept(try Fixture.bytes(name)) {
                if let raw { #expect(raw == ISO2709Writer.encode(record), "\(name)") }
                // Written again, every record is canonical: its bytes are kept and unchanged.
                let encoded = ISO2709Writer.encode(record)
                let again = Self.kept(encoded)
                #expect(again.count == 1)
                #expect(again.first?.1 == encoded, "\(name)")
            }
        }
        // Text converted from MARC-8 or Windows-1251 is never kept as read.
        #expect(Self.kept(try Fixture.bytes("marc21-marc8.mrc")).allSatisfy { $0.1 == nil })
        #expect(Self.kept(try Fixture.bytes("marc21-cp1251.mrc")).allSatisfy { $0.1 == nil })
    }

    @Test func test_forced_encoding_gaps_and_leader_codes_are_not_kept() throws {
        let record = try #require(Self.kept(try Fixture.bytes("rusmarc-utf8.mrc")).first?.0)
        let encoded = ISO2709Writer.encode(record)
        #expect(Self.kept(encoded, encoding: .utf8).first?.1 == nil)
        var leader = encoded
        leader[20] = 0x35  // «5500»: valid, but not what the writer writes
        #expect(Self.kept(leader).first.map { $0.1 == nil } == true)
        // The first two directory entries swapped: same fields, laid out out of order.
        var swapped = encoded
        let first = Array(swapped[24..<36])
        swapped.replaceSubrange(24..<36, with: swapped[36..<48])
        swapped.replaceSubrange(36..<48, with: first)
        let read = Self.kept(swapped)
        #expect(read.count == 1)
        #expect(read.first.map { $0.1 == nil } == true)
    }
}
