/// Character encodings found in MARC files.
public enum MARCEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case marc8 = "marc-8"
    case windows1251 = "windows-1251"
}

/// Parses one ISO 2709 record from its bytes, checking its structure strictly.
public enum ISO2709Parser {
    static let fieldTerminator: UInt8 = 0x1E
    static let recordTerminator: UInt8 = 0x1D
    static let subfieldDelimiter: UInt8 = 0x1F

    /// Parses `bytes` (one whole record, terminator included). `encoding` nil means: detect it.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding forced: MARCEncoding? = nil) throws(MARCError) -> MARCRecord {
        try parseNoting(bytes, encoding: forced).record
    }

    /// Parses as `parse` does, and tells whether `bytes` are exactly what `ISO2709Writer.encode`
    /// gives for the record: UTF-8 found valid (not merely assumed), the leader's coded positions
    /// as the writer sets them, and fields laid out in directory order with nothing between them.
    /// An importer may then keep the bytes it read instead of encoding the record again.
    static func parseNoting(
        _ bytes: UnsafeBufferPointer<UInt8>, encoding forced: MARCEncoding?
    ) throws(MARCError) -> (record: MARCRecord, canonical: Bool) {
        let n = bytes.count
        guard n >= 25 else { throw .truncated(expected: 25, available: n) }
        guard let length = digits(bytes, 0, 5) else { throw .invalidLength(ascii(bytes, 0, 5)) }
        guard length == n else { throw .truncated(expected: length, available: n) }
        guard bytes[n - 1] == recordTerminator else { throw .missingRecordTerminator }
        guard let base = digits(bytes, 12, 5) else { throw .invalidLeader("base address is not a number") }
        guard base >= 25, base <= n, bytes[base - 1] == fieldTerminator else { throw .invalidBaseAddress(base) }
        let directoryLength = base - 1 - 24
        guard directoryLength % 12 == 0 else { throw .brokenDirectory("its length \(directoryLength) is not a multiple of 12") }

        // Pass 1: the directory, checked entry by entry.
        var entries: [(tag: (UInt8, UInt8, UInt8), start: Int, end: Int)] = []
        entries.reserveCapacity(directoryLength / 12)
        var p = 24
        var laidOut = true
        var expectedStart = 0
        while p < base - 1 {
            let t0 = bytes[p], t1 = bytes[p + 1], t2 = bytes[p + 2]
            guard isTagByte(t0), isTagByte(t1), isTagByte(t2) else {
                throw .brokenDirectory("tag \"\(ascii(bytes, p, 3))\" at directory entry \(entries.count + 1)")
            }
            guard let len = digits(bytes, p + 3, 4), let start = digits(bytes, p + 7, 5) else {
                throw .brokenDirectory("entry \(entries.count + 1) has a non-numeric length or start")
            }
            let s = base + start
            let e = s + len
            let tag = String(decoding: [t0, t1, t2], as: UTF8.self)
            guard len >= 1, e <= n - 1 else { throw .fieldOutOfBounds(tag: tag) }
            guard bytes[e - 1] == fieldTerminator else { throw .missingFieldTerminator(tag: tag) }
            entries.append(((t0, t1, t2), s, e - 1))
            laidOut = laidOut && start == expectedStart
            expectedStart = start + len
            p += 12
        }
        laidOut = laidOut && base + expectedStart + 1 == n
        let leaderBytes = UnsafeBufferPointer(rebasing: bytes[0..<24])
        let encoding = forced ?? detectEncoding(bytes, leader9: bytes[9], base: base)
        var decoder = TextDecoder(encoding)

        // Pass 2: the fields.
        var fields: [MARCField] = []
        fields.reserveCapacity(entries.count)
        for entry in entries {
            // A three-byte string is stored inline: no array, no allocation.
            let tag = String(unsafeUninitializedCapacity: 3) {
                $0[0] = entry.tag.0
                $0[1] = entry.tag.1
                $0[2] = entry.tag.2
                return 3
            }
            let body = UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end])
            decoder.startField()
            if entry.tag.0 == 0x30 && entry.tag.1 == 0x30 {
                fields.append(MARCField(tag: tag, value: decoder.decode(body)))
                continue
            }
            guard body.count >= 2 else { throw .invalidIndicator(tag: tag) }
            let i1 = body[0], i2 = body[1]
            guard isIndicator(i1), isIndicator(i2) else { throw .invalidIndicator(tag: tag) }
            var subfields: [MARCSubfield] = []
            var q = 2
            // Text before the first delimiter has no code; MARC 21 and UNIMARC both forbid it.
            if q < body.count && body[q] != subfieldDelimiter { throw .invalidSubfieldCode(tag: tag) }
            while q < body.count {
                q += 1  // past the delimiter
                guard q < body.count, isSubfieldCode(body[q]) else { throw .invalidSubfieldCode(tag: tag) }
                let code = Unicode.Scalar(body[q])
                q += 1
                let start = q
                while q < body.count && body[q] != subfieldDelimiter { q += 1 }
                subfields.append(MARCSubfield(code, decoder.decode(UnsafeBufferPointer(rebasing: body[start..<q]))))
            }
            fields.append(MARCField(tag: tag, indicator1: Unicode.Scalar(i1), indicator2: Unicode.Scalar(i2), subfields: subfields))
        }
        guard leaderBytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw .invalidLeader("it contains characters that are not ASCII")
        }
        let record = MARCRecord(leader: String(decoding: leaderBytes, as: UTF8.self), fields: fields)
        let leaderAsWritten =
            bytes[9] == 0x61 && bytes[10] == 0x32 && bytes[11] == 0x32 && bytes[20] == 0x34 && bytes[21] == 0x35
            && bytes[22] == 0x30 && bytes[23] == 0x30
        return (record, forced == nil && encoding == .utf8 && laidOut && leaderAsWritten)
    }

    /// A record that is valid UTF-8 is read as UTF-8 whatever its leader says; otherwise MARC-8
    /// when escapes or ANSEL diacritics before letters show it, and Windows-1251 when high bytes
    /// run together as Cyrillic words do.
    static func detectEncoding(_ bytes: UnsafeBufferPointer<UInt8>, leader9: UInt8, base: Int) -> MARCEncoding {
        var i = base
        var highRuns = 0
        var isolatedHigh = 0
        var escapes = 0
        var valid = true
        var allASCII = true
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x1B { escapes += 1 }
                i += 1
                continue
            }
            allASCII = false
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if valid {
                if width == 0 || i + width > bytes.count || !(1..<width).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) { valid = false }
            }
            if i + 1 < bytes.count && bytes[i + 1] >= 0x80 { highRuns += 1 } else { isolatedHigh += 1 }
            i += valid && width > 0 ? width : 1
        }
        if allASCII { return escapes > 0 && leader9 != 0x61 ? .marc8 : .utf8 }
        if valid && escapes == 0 { return .utf8 }
        if escapes > 0 { return .marc8 }
        return highRuns > isolatedHigh ? .windows1251 : .marc8
    }

    @inline(__always) static func isTagByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Indicators are a digit, a lower-case letter, a blank, or the fill character «|».
    @inline(__always) static func isIndicator(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == 0x20 || b == 0x7C
    }

    /// Subfield codes are printable ASCII other than the space.
    @inline(__always) static func isSubfieldCode(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }

    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        for i in at..<(at + count) {
            let d = bytes[i] &- 0x30
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> String {
        String(decoding: bytes[at..<Swift.min(bytes.count, at + count)].map { $0 < 0x20 || $0 >= 0x7F ? 0x3F : $0 }, as: UTF8.self)
    }
}
