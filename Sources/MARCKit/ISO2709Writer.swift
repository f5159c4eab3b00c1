/// Writes records as ISO 2709 in UTF-8 (leader position 09 set to «a»).
public enum ISO2709Writer {
    public static func encode(_ record: MARCRecord) -> [UInt8] {
        var directory: [UInt8] = []
        var data: [UInt8] = []
        directory.reserveCapacity(record.fields.count * 12 + 1)
        data.reserveCapacity(1024)
        for field in record.fields {
            let start = data.count
            if let value = field.value {
                append(value, to: &data)
            } else {
                data.append(UInt8(truncatingIfNeeded: field.indicator1.value))
                data.append(UInt8(truncatingIfNeeded: field.indicator2.value))
                for sub in field.subfields {
                    data.append(ISO2709Parser.subfieldDelimiter)
                    data.append(UInt8(truncatingIfNeeded: sub.code.value))
                    append(sub.value, to: &data)
                }
            }
            data.append(ISO2709Parser.fieldTerminator)
            directory.append(contentsOf: field.tag.utf8.prefix(3))
            appendDigits(data.count - start, 4, to: &directory)
            appendDigits(start, 5, to: &directory)
        }
        directory.append(ISO2709Parser.fieldTerminator)
        data.append(ISO2709Parser.recordTerminator)
        let base = 24 + directory.count
        var leader = Array(record.leader.utf8)
        if leader.count != 24 { leader = Array("     nam a22     uu 4500".utf8) }
        leader.replaceSubrange(0..<5, with: padded(base + data.count, 5))
        leader[9] = 0x61  // UTF-8
        leader[10] = 0x32
        leader[11] = 0x32
        leader.replaceSubrange(12..<17, with: padded(base, 5))
        leader.replaceSubrange(20..<24, with: Array("4500".utf8))
        return leader + directory + data
    }

    /// A value's bytes; the three ISO 2709 separators (which a CSV cell or a database column may
    /// hold, but a field cannot) become spaces, so that a value can never end its field, subfield
    /// or record early.
    private static func append(_ value: String, to data: inout [UInt8]) {
        if value.utf8.contains(where: { $0 >= 0x1D && $0 <= 0x1F }) {
            data.append(contentsOf: value.utf8.map { $0 >= 0x1D && $0 <= 0x1F ? 0x20 : $0 })
        } else {
            data.append(contentsOf: value.utf8)
        }
    }

    private static func appendDigits(_ value: Int, _ width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        for _ in 0..<width {
            out.append(UInt8(0x30 + (v / divisor) % 10))
            v %= divisor
            divisor /= 10
            if divisor == 0 { divisor = 1 }
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> [UInt8] {
        let digits = Array(String(value).utf8)
        return [UInt8](repeating: 0x30, count: max(0, width - digits.count)) + digits
    }
}
