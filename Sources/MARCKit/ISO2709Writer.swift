/// Writes records as ISO 2709 in UTF-8 (leader position 09 set to «a»).
public enum ISO2709Writer {
    public static func encode(_ record: MARCRecord) -> [UInt8] {
        var directory: [UInt8] = []
        var data: [UInt8] = []
        directory.reserveCapacity(record.fields.count * 12)
        for field in record.fields {
            let start = data.count
            if let value = field.value {
                data.append(contentsOf: value.utf8)
            } else {
                data.append(UInt8(truncatingIfNeeded: field.indicator1.value))
                data.append(UInt8(truncatingIfNeeded: field.indicator2.value))
                for sub in field.subfields {
                    data.append(ISO2709Parser.subfieldDelimiter)
                    data.append(UInt8(truncatingIfNeeded: sub.code.value))
                    data.append(contentsOf: sub.value.utf8)
                }
            }
            data.append(ISO2709Parser.fieldTerminator)
            directory.append(contentsOf: Array(field.tag.utf8.prefix(3)))
            directory.append(contentsOf: padded(data.count - start, 4))
            directory.append(contentsOf: padded(start, 5))
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

    private static func padded(_ value: Int, _ width: Int) -> [UInt8] {
        let digits = Array(String(value).utf8)
        return [UInt8](repeating: 0x30, count: max(0, width - digits.count)) + digits
    }
}
