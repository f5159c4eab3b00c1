extension ISO2709Parser {
    /// A field's tag and where its data lie: `start..<end`, `end` being its field terminator.
    struct Entry {
        var tag: (UInt8, UInt8, UInt8)
        var start: Int
        var end: Int
        /// Why the entry's numbers could not be used, when they could not.
        var fault: MARCWarning.Kind?
    }

    /// The directory's entries, and whether the fields lie in directory order with nothing
    /// between them. Entries whose numbers do not land on a field terminator are repaired by
    /// `repair`; a directory with nothing readable is the one fault that skips the record.
    static func directory(
        _ bytes: UnsafeBufferPointer<UInt8>, base: Int, _ notes: inout [MARCWarning]
    ) throws(MARCError) -> (entries: [Entry], laidOut: Bool) {
        let n = bytes.count
        var entries: [Entry] = []
        entries.reserveCapacity((base - 25) / 12)
        var p = 24
        var laidOut = true
        var expectedStart = 0
        var faults = 0
        while p < base - 1 {
            var tag = (bytes[p], bytes[p + 1], bytes[p + 2])
            if !isTagByte(tag.0) || !isTagByte(tag.1) || !isTagByte(tag.2) { tag = oddTag(bytes, at: p, &notes) }
            let len = digits(bytes, p + 3, 4)
            let start = digits(bytes, p + 7, 5)
            if let len, let start, len >= 1, base + start + len <= n - 1, bytes[base + start + len - 1] == fieldTerminator {
                entries.append(Entry(tag: tag, start: base + start, end: base + start + len - 1))
                laidOut = laidOut && start == expectedStart
                expectedStart = start + len
            } else {
                entries.append(
                    Entry(
                        tag: tag, start: start.map { base + $0 } ?? -1, end: -1, fault: len == nil || start == nil ? .directoryEntry : .fieldPosition)
                )
                faults += 1
            }
            p += 12
        }
        guard !entries.isEmpty else { throw .noFields }
        laidOut = laidOut && base + expectedStart + 1 == n
        if faults > 0 {
            repair(&entries, bytes, base: base, &notes)
            guard !entries.isEmpty else { throw .brokenDirectory("no entry locates its field") }
        }
        return (entries, laidOut && faults == 0)
    }

    /// A tag with bytes other than letters and digits is kept when printable (pymarc keeps any);
    /// other bytes become «?».
    static func oddTag(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, _ notes: inout [MARCWarning]) -> (UInt8, UInt8, UInt8) {
        func printable(_ b: UInt8) -> UInt8 { b > 0x20 && b < 0x7F ? b : 0x3F }
        let tag = (printable(bytes[p]), printable(bytes[p + 1]), printable(bytes[p + 2]))
        let used = String(decoding: [tag.0, tag.1, tag.2], as: UTF8.self)
        let kept = tag == (bytes[p], bytes[p + 1], bytes[p + 2])
        notes.append(MARCWarning(.invalidTag, kept ? .kept : .replacedWithFill, tag: used, found: ascii(bytes, p, 3), used: used))
        return tag
    }

    /// Places the fields whose directory numbers are wrong. When the data hold exactly one
    /// terminated field per entry and the sound entries agree with that order, every entry takes
    /// the field in its turn (lengths counted in characters, not bytes, shift all later starts).
    /// Otherwise a field with a readable start runs to the next terminator, and one without is
    /// dropped.
    static func repair(_ entries: inout [Entry], _ bytes: UnsafeBufferPointer<UInt8>, base: Int, _ notes: inout [MARCWarning]) {
        let n = bytes.count
        var pieces: [(Int, Int)] = []
        var from = base
        for i in base..<(n - 1) where bytes[i] == fieldTerminator {
            pieces.append((from, i))
            from = i + 1
        }
        if from < n - 1 { pieces.append((from, n - 1)) }
        let inOrder =
            pieces.count == entries.count
            && zip(entries, pieces).allSatisfy { e, piece in e.fault != nil || (e.start == piece.0 && e.end == piece.1) }
        var kept: [Entry] = []
        for (i, var e) in entries.enumerated() {
            guard let fault = e.fault else {
                kept.append(e)
                continue
            }
            let tag = String(decoding: [e.tag.0, e.tag.1, e.tag.2], as: UTF8.self)
            if inOrder {
                (e.start, e.end) = pieces[i]
                notes.append(MARCWarning(fault, .readInOrder, tag: tag))
            } else if e.start >= base && e.start < n - 1 {
                var end = e.start
                while end < n - 1 && bytes[end] != fieldTerminator { end += 1 }
                e.end = end
                notes.append(MARCWarning(fault, .readToTerminator, tag: tag))
            } else {
                notes.append(MARCWarning(fault, .dropped, tag: tag))
                continue
            }
            e.fault = nil
            kept.append(e)
        }
        entries = kept
    }
}
