/// Character encodings found in MARC files.
public enum MARCEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case marc8 = "marc-8"
    case windows1251 = "windows-1251"
}

/// Parses one ISO 2709 record from its bytes. A record is skipped only when it cannot be read at
/// all, as pymarc 5.4 does; any other fault is repaired the way a careful cataloguer would and
/// noted in `MARCRecord.warnings`.
public enum ISO2709Parser {
    static let fieldTerminator: UInt8 = 0x1E
    static let recordTerminator: UInt8 = 0x1D
    static let subfieldDelimiter: UInt8 = 0x1F

    /// Parses `bytes` (one whole record, terminator included). `encoding` nil means: detect it.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding forced: MARCEncoding? = nil) throws(MARCError) -> MARCRecord {
        try parseNoting(bytes, encoding: forced).record
    }

    /// Parses as `parse` does, and tells whether `bytes` are exactly what `ISO2709Writer.encode`
    /// gives for the record: UTF-8 found valid (not merely assumed) and already NFC, nothing
    /// repaired, the leader's coded positions as the writer sets them, and fields laid out in
    /// directory order with nothing between them. An importer may then keep the bytes it read
    /// instead of encoding the record again.
    static func parseNoting(
        _ bytes: UnsafeBufferPointer<UInt8>, encoding forced: MARCEncoding?
    ) throws(MARCError) -> (record: MARCRecord, canonical: Bool) {
        let n = bytes.count
        guard n >= 25 else { throw .truncated(expected: 25, available: n) }
        guard bytes[n - 1] == recordTerminator else { throw .missingRecordTerminator }
        var notes: [MARCWarning] = []
        // The reader framed the record by its terminator; a length that disagrees is only noted.
        if digits(bytes, 0, 5) != n {
            notes.append(MARCWarning(.recordLength, .readToTerminator, found: ascii(bytes, 0, 5), used: "\(n)"))
        }
        let base = try baseAddress(bytes, &notes)
        let (entries, laidOut) = try directory(bytes, base: base, &notes)
        let leader = leaderText(bytes, &notes)
        let scan: (encoding: MARCEncoding, mayNeedNFC: Bool) = forced.map { ($0, true) } ?? scan(bytes, leader9: bytes[9], base: base)
        var decoder = TextDecoder(scan.encoding, checkNFC: scan.mayNeedNFC)

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
                // 006, 007 and 008 are read position by position, never decoded as text.
                let fixed = entry.tag.2 >= 0x36 && entry.tag.2 <= 0x38
                fields.append(
                    MARCField(
                        tag: tag, value: fixed ? fixedText(body, tag: tag, subfield: nil, utf8: scan.encoding == .utf8, &notes) : decoder.decode(body)
                    ))
                continue
            }
            let coded = entry.tag.0 == 0x31 && entry.tag.1 == 0x30 && entry.tag.2 == 0x30
            fields.append(dataField(tag: tag, body: body, utf8: scan.encoding == .utf8, coded: coded, &decoder, &notes))
        }
        var record = MARCRecord(leader: leader, fields: fields)
        if !notes.isEmpty {
            let control = record.control("001")
            for i in notes.indices { notes[i].controlNumber = control }
            record.warnings = notes
        }
        let leaderAsWritten =
            bytes[9] == 0x61 && bytes[10] == 0x32 && bytes[11] == 0x32 && bytes[20] == 0x34 && bytes[21] == 0x35
            && bytes[22] == 0x30 && bytes[23] == 0x30
        let canonical = forced == nil && scan.encoding == .utf8 && laidOut && leaderAsWritten && notes.isEmpty && !decoder.normalised
        return (record, canonical)
    }

    /// Leader/12–16 when it points just past a directory of whole entries; otherwise the byte
    /// after the directory's own terminator, with a warning.
    static func baseAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ notes: inout [MARCWarning]) throws(MARCError) -> Int {
        let n = bytes.count
        if let b = digits(bytes, 12, 5), b >= 25, b < n, bytes[b - 1] == fieldTerminator, (b - 25) % 12 == 0 { return b }
        var end = 24
        while end < n - 1 && bytes[end] != fieldTerminator { end += 1 }
        guard end < n - 1 else { throw .invalidBaseAddress(digits(bytes, 12, 5) ?? 0) }
        guard (end - 24) % 12 == 0 else { throw .brokenDirectory("its length \(end - 24) is not a multiple of 12") }
        notes.append(MARCWarning(.baseAddress, .recomputed, found: ascii(bytes, 12, 5), used: "\(end + 1)"))
        return end + 1
    }

    /// The leader as text; a control character or a byte outside ASCII becomes a blank.
    static func leaderText(_ bytes: UnsafeBufferPointer<UInt8>, _ notes: inout [MARCWarning]) -> String {
        let head = UnsafeBufferPointer(rebasing: bytes[0..<24])
        if head.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: head, as: UTF8.self) }
        var leader = Array(head)
        for i in 0..<24 where leader[i] < 0x20 || leader[i] >= 0x7F {
            notes.append(MARCWarning(.leaderCharacter, .replacedWithBlank, position: i, found: MARCWarning.show(leader[i]), used: " "))
            leader[i] = 0x20
        }
        return String(decoding: leader, as: UTF8.self)
    }

    /// A record that is valid UTF-8 is read as UTF-8 whatever its leader says; otherwise MARC-8
    /// when escapes or ANSEL diacritics before letters show it, and Windows-1251 when high bytes
    /// run together as Cyrillic words do.
    static func detectEncoding(_ bytes: UnsafeBufferPointer<UInt8>, leader9: UInt8, base: Int) -> MARCEncoding {
        scan(bytes, leader9: leader9, base: base).encoding
    }

    /// `detectEncoding`, and whether any byte could start a scalar that NFC may change (see
    /// `UnicodeNFC`): most records have none, and their values skip the check.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, leader9: UInt8, base: Int) -> (encoding: MARCEncoding, mayNeedNFC: Bool) {
        var i = base
        var highRuns = 0
        var isolatedHigh = 0
        var escapes = 0
        var valid = true
        var allASCII = true
        var highLead = false
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x1B { escapes += 1 }
                i += 1
                continue
            }
            allASCII = false
            if b >= 0xCC { highLead = true }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if valid {
                if width == 0 || i + width > bytes.count || !(1..<width).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) { valid = false }
            }
            if i + 1 < bytes.count && bytes[i + 1] >= 0x80 { highRuns += 1 } else { isolatedHigh += 1 }
            i += valid && width > 0 ? width : 1
        }
        if allASCII { return (escapes > 0 && leader9 != 0x61 ? .marc8 : .utf8, false) }
        if valid && escapes == 0 { return (.utf8, highLead) }
        if escapes > 0 { return (.marc8, false) }
        return (highRuns > isolatedHigh ? .windows1251 : .marc8, false)
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

    /// A number of `count` digits; blanks before or after them are allowed, as pymarc allows them.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        var seen = false
        var ended = false
        for i in at..<(at + count) {
            let d = bytes[i] &- 0x30
            if d <= 9 && !ended {
                value = value * 10 + Int(d)
                seen = true
            } else if bytes[i] == 0x20 {
                ended = seen
            } else {
                return nil
            }
        }
        return seen ? value : nil
    }

    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> String {
        String(decoding: bytes[at..<Swift.min(bytes.count, at + count)].map { $0 < 0x20 || $0 >= 0x7F ? 0x3F : $0 }, as: UTF8.self)
    }
}
