extension BibliographicMapping {
    /// `clean` for ASCII text without carriage returns, where every byte is a `Character`: the same
    /// steps on the bytes, without grapheme breaking. Most of any catalogue takes this path.
    static func cleanASCII(_ s: String) -> String {
        var source = s
        var out = s
        source.withUTF8 { b in
            var lo = 0
            var hi = b.count
            while lo < hi && ASCIIText.isSpace(b[lo]) { lo += 1 }
            while hi > lo && ASCIIText.isSpace(b[hi - 1]) { hi -= 1 }
            while hi > lo && isTrailingPunctuation(b[hi - 1]) { hi -= 1 }
            if hi > lo && b[hi - 1] == 0x2E && !(hi - lo >= 2 && b[hi - 2] == 0x2E) && !keepsStopASCII(b, lo, hi - 1) { hi -= 1 }
            while hi > lo && ASCIIText.isSpace(b[hi - 1]) { hi -= 1 }
            if lo > 0 || hi < b.count { out = String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self) }
        }
        return out
    }

    /// `keepsStop` on the bytes `lo..<end`.
    static func keepsStopASCII(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ end: Int) -> Bool {
        var space = end - 1
        while space >= lo && b[space] != 0x20 { space -= 1 }
        if space < lo { return end - lo <= 3 || isAbbreviationASCII(b, lo, end) }
        if end - (space + 1) <= 2 || isAbbreviationASCII(b, space + 1, end) { return true }
        guard space - 1 >= lo, b[space - 1] == 0x2E else { return false }
        let priorEnd = space - 1
        var before = priorEnd - 1
        while before >= lo && b[before] != 0x20 { before -= 1 }
        return priorEnd > before + 1 && isAbbreviationASCII(b, before + 1, priorEnd)
    }

    /// `isAbbreviation` on the bytes `start..<end`.
    static func isAbbreviationASCII(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var dash = -1
        for i in start..<end {
            if b[i] == 0x2E { return true }
            if b[i] == 0x2D { dash = i }
        }
        if dash > start && end - dash - 1 >= 1 && end - dash - 1 <= 2 { return true }
        guard end - start <= 12 else { return false }
        var word: [UInt8] = []
        word.reserveCapacity(end - start)
        for i in start..<end { word.append(b[i] >= 0x41 && b[i] <= 0x5A ? b[i] + 0x20 : b[i]) }
        return abbreviations.contains(String(decoding: word, as: UTF8.self))
    }

    /// `isbnUnicode` on bytes.
    static func isbnASCII(_ raw: String) -> String? {
        var value: [UInt8] = []
        for b in raw.utf8.drop(while: { $0 == 0x20 }) {
            if b == 0x20 { break }
            if b >= 0x30 && b <= 0x39 || b == 0x58 { value.append(b) } else if b == 0x78 { value.append(0x58) }
        }
        return value.count == 10 || value.count == 13 ? String(decoding: value, as: UTF8.self) : nil
    }

    /// `yearUnicode` on bytes: only the first four digits of a run are read as a year.
    static func yearASCII(_ text: String) -> Int? {
        var value = 0
        var count = 0
        for b in text.utf8 {
            guard b >= 0x30 && b <= 0x39 else {
                (value, count) = (0, 0)
                continue
            }
            count += 1
            if count <= 4 { value = value * 10 + Int(b - 0x30) }
            if count == 4 && (1400...2200).contains(value) { return value }
        }
        return nil
    }

    @inline(__always) static func isTrailingPunctuation(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x2F || b == 0x3A || b == 0x3B || b == 0x3D || b == 0x2C
    }
}

/// Byte-level shortcuts for text where bytes and characters coincide.
enum ASCIIText {
    /// ASCII without carriage returns: each byte is one `Character` («\r\n» would be one for two).
    static func isPlain(_ s: String) -> Bool {
        for b in s.utf8 where b >= 0x80 || b == 0x0D { return false }
        return true
    }

    /// Unicode white space within ASCII: tab to carriage return, and the space.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
