extension ISO2709Parser {
    /// One data field. Two valid indicators followed by a delimiter take the fast path; anything
    /// else goes through `oddStart`. A bad subfield code keeps its text under «?» and an empty
    /// subfield is dropped, each with a warning: only the record's readers know whether the field
    /// matters, and pymarc keeps such fields too.
    static func dataField(
        tag: String, body: UnsafeBufferPointer<UInt8>, utf8: Bool, coded: Bool, _ decoder: inout TextDecoder, _ notes: inout [MARCWarning]
    ) -> MARCField {
        let count = body.count
        var subfields: [MARCSubfield] = []
        var (i1, i2, q): (UInt8, UInt8, Int)
        if count >= 2 && isIndicator(body[0]) && isIndicator(body[1]) && (count == 2 || body[2] == subfieldDelimiter) {
            (i1, i2, q) = (body[0], body[1], 2)
        } else {
            (i1, i2, q) = oddStart(tag: tag, body: body, utf8: utf8, &decoder, &subfields, &notes)
        }
        while q < count {
            q += 1  // past the delimiter
            guard q < count, body[q] != subfieldDelimiter else {
                note(&notes, MARCWarning(.emptySubfield, .dropped, tag: tag))
                continue
            }
            var code = body[q]
            var start = q + 1
            if !isSubfieldCode(code) {
                note(&notes, MARCWarning(.invalidSubfieldCode, .keptUnderUnknownCode, tag: tag, found: MARCWarning.show(code), used: "?"))
                // A byte outside ASCII is a letter of the text whose code was left out.
                if code >= 0x80 { start = q }
                code = 0x3F
            }
            q = start
            while q < count && body[q] != subfieldDelimiter { q += 1 }
            let raw = UnsafeBufferPointer(rebasing: body[start..<q])
            let value = coded && code == 0x61 && isCodedData(raw) ? fixedText(raw, tag: tag, subfield: "a", utf8: utf8, &notes) : decoder.decode(raw)
            subfields.append(MARCSubfield(Unicode.Scalar(code), value))
        }
        return MARCField(tag: tag, indicator1: Unicode.Scalar(i1), indicator2: Unicode.Scalar(i2), subfields: subfields)
    }

    /// The indicators and any text before the first delimiter, when they are not simply two valid
    /// indicators. An indicator is one character: in UTF-8 a non-breaking space takes two bytes.
    /// An invalid one becomes a blank; text before the first delimiter is kept as $a (a field
    /// that lost its delimiter, or a wrapped line). A field with no delimiter at all whose first
    /// two characters cannot be indicators is all text.
    static func oddStart(
        tag: String, body: UnsafeBufferPointer<UInt8>, utf8: Bool, _ decoder: inout TextDecoder, _ subfields: inout [MARCSubfield],
        _ notes: inout [MARCWarning]
    ) -> (UInt8, UInt8, Int) {
        var d = 0
        while d < body.count && body[d] != subfieldDelimiter { d += 1 }
        var marks: [Range<Int>] = []
        var p = 0
        while marks.count < 2 && p < d {
            let w = utf8 ? scalarWidth(body, p, limit: d) : 1
            marks.append(p..<(p + w))
            p += w
        }
        var indicators: [UInt8] = [0x20, 0x20]
        let plain = marks.count == 2 && marks.allSatisfy { $0.count == 1 && isIndicator(body[$0.lowerBound]) }
        if d == body.count && !plain && d > 0 {
            p = 0  // no delimiter and no indicators: all of it is text
            note(&notes, MARCWarning(.missingIndicators, .replacedWithBlank, tag: tag, found: "0"))
        } else {
            if marks.count < 2 { note(&notes, MARCWarning(.missingIndicators, .replacedWithBlank, tag: tag, found: "\(marks.count)")) }
            for (k, range) in marks.enumerated() {
                if range.count == 1 && isIndicator(body[range.lowerBound]) {
                    indicators[k] = body[range.lowerBound]
                } else {
                    let found =
                        range.count == 1
                        ? MARCWarning.show(body[range.lowerBound])
                        : String(decoding: UnsafeBufferPointer(rebasing: body[range]), as: UTF8.self).unicodeScalars.first.map(MARCWarning.show)
                            ?? "?"
                    note(&notes, MARCWarning(.invalidIndicator, .replacedWithBlank, tag: tag, position: k + 1, found: found, used: " "))
                }
            }
        }
        if p < d {
            let text = decoder.decode(UnsafeBufferPointer(rebasing: body[p..<d]))
            if text.allSatisfy(\.isWhitespace) {
                note(&notes, MARCWarning(.missingDelimiter, .dropped, tag: tag))
            } else {
                subfields.append(MARCSubfield("a", text))
                note(&notes, MARCWarning(.missingDelimiter, .keptAsSubfieldA, tag: tag, used: "a"))
            }
        }
        return (indicators[0], indicators[1], d)
    }

    /// The byte length of the UTF-8 scalar at `p`, or 1 when the bytes there are not one.
    static func scalarWidth(_ body: UnsafeBufferPointer<UInt8>, _ p: Int, limit: Int) -> Int {
        let b = body[p]
        let w = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 1
        guard w > 1, p + w <= limit else { return 1 }
        for k in 1..<w where body[p + k] & 0xC0 != 0x80 { return 1 }
        return w
    }

    /// UNIMARC 100$a: 36 positions of coded data starting with the date entered (8 digits).
    static func isCodedData(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard raw.count >= 35 else { return false }
        for i in 0..<8 where raw[i] < 0x30 || raw[i] > 0x39 { return false }
        return true
    }

    /// A fixed-length field, read position by position so that every position stays where it is
    /// (008/35–37 is the language): a byte that is not printable ASCII becomes «|», the fill
    /// character, with a warning. In UTF-8 a whole character takes one position, as the
    /// cataloguer typed it; a stray byte takes one. Decoded as MARC-8, a stray byte would have
    /// been a diacritic and taken the next position with it.
    static func fixedText(
        _ body: UnsafeBufferPointer<UInt8>, tag: String, subfield: String?, utf8: Bool, _ notes: inout [MARCWarning]
    ) -> String {
        var clean = true
        for b in body where b < 0x20 || b >= 0x7F {
            clean = false
            break
        }
        if clean { return String(decoding: body, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while i < body.count {
            let b = body[i]
            if b >= 0x20 && b < 0x7F {
                out.append(b)
                i += 1
                continue
            }
            let w = utf8 ? scalarWidth(body, i, limit: body.count) : 1
            let found =
                w > 1
                ? String(decoding: UnsafeBufferPointer(rebasing: body[i..<(i + w)]), as: UTF8.self).unicodeScalars.first.map(MARCWarning.show) : nil
            note(
                &notes,
                MARCWarning(
                    .fixedFieldCharacter, .replacedWithFill, tag: tag, subfield: subfield, position: out.count, found: found ?? MARCWarning.show(b),
                    used: "|"))
            out.append(0x7C)
            i += w
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func note(_ notes: inout [MARCWarning], _ w: MARCWarning) { MARCWarning.add(w, to: &notes) }
}
