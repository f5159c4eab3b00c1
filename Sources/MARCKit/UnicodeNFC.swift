import Foundation

/// Unicode NFC for text read from records. Normalising every value would cost a good part of the
/// parse, and nearly all values are NFC already; a value is normalised only when its UTF-8 holds
/// a scalar that NFC may change: a combining mark (Е + U+0308 → Ё), a Hangul jamo, or a scalar
/// NFC never keeps (a singleton or composition exclusion).
///
/// The composing itself is the standard library's own NFC (`_nfcCodeUnits`, public though
/// underscored, the one String comparison uses): Foundation's `precomposedStringWithCanonicalMapping`
/// took the parse of the Library of Congress file, where two records in five carry combining
/// marks, from 102,000 to 59,000 records a second.
enum UnicodeNFC {
    /// The value in NFC, and whether that changed its bytes.
    static func normalize(_ s: String) -> (String, changed: Bool) {
        var copy = s
        let suspect = copy.withUTF8 { mightChange($0) }
        guard suspect else { return (s, false) }
        return compose(s)
    }

    /// NFC of a value. The usual case, a letter followed by one mark with plain letters around
    /// them (LoC's «Mu\u{308}ller»), is composed pair by pair from a cache of the pairs met so far;
    /// anything else (marks in a row, jamo, a mark at the start) goes to the standard library
    /// whole. A pair between two characters that never combine is its own segment of NFC, so
    /// composing it alone gives what composing the whole value would.
    static func compose(_ s: String) -> (String, changed: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var changed = false
        var previous: Unicode.Scalar?
        var previousStart = 0
        var previousSuspect = false
        for x in s.unicodeScalars {
            let start = out.count
            guard suspect(x.value) else {
                UTF8.encode(x) { out.append($0) }
                (previous, previousStart, previousSuspect) = (x, start, false)
                continue
            }
            guard let p = previous, !previousSuspect else { return whole(s) }
            let packed = pairs.composed(p, x)
            let first = Unicode.Scalar(UInt32(truncatingIfNeeded: packed))!
            let second = packed >> 32 == 0 ? nil : Unicode.Scalar(UInt32(truncatingIfNeeded: packed >> 32) - 1)
            if first != p || second != x {
                changed = true
                out.removeSubrange(previousStart...)
                UTF8.encode(first) { out.append($0) }
                if let second { UTF8.encode(second) { out.append($0) } }
            } else {
                UTF8.encode(x) { out.append($0) }
            }
            (previous, previousSuspect) = (x, true)
        }
        return changed ? (String(decoding: out, as: UTF8.self), true) : (s, false)
    }

    static func whole(_ s: String) -> (String, changed: Bool) {
        let units = s._nfcCodeUnits
        if units.elementsEqual(s.utf8) { return (s, false) }
        return (String(decoding: units, as: UTF8.self), true)
    }

    static let pairs = PairCache()

    /// NFC of two-scalar strings, remembered: a catalogue uses a few hundred such pairs. A
    /// result is packed as its first scalar, and its second plus one (0: none) above it.
    final class PairCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [UInt64: UInt64] = [:]

        func composed(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
            let key = UInt64(a.value) << 32 | UInt64(b.value)
            lock.lock()
            let hit = known[key]
            lock.unlock()
            if let hit { return hit }
            let n = String(decoding: String(String.UnicodeScalarView([a, b]))._nfcCodeUnits, as: UTF8.self).unicodeScalars
            var value = UInt64(n.first?.value ?? a.value)
            if n.count > 1 { value |= UInt64(n[n.index(after: n.startIndex)].value + 1) << 32 }
            lock.lock()
            known[key] = value
            lock.unlock()
            return value
        }
    }

    /// Scans UTF-8 for a scalar that NFC may change. Bytes below 0xCC are ASCII, continuation
    /// bytes or scalars below U+0300, none of which NFC touches on their own.
    static func mightChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0xCC {
                i += 1
                continue
            }
            var value: UInt32
            var width: Int
            if b < 0xE0 {
                (value, width) = (UInt32(b & 0x1F), 2)
            } else if b < 0xF0 {
                (value, width) = (UInt32(b & 0x0F), 3)
            } else {
                (value, width) = (UInt32(b & 0x07), 4)
            }
            guard i + width <= n else { return false }
            for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            if suspect(value) { return true }
            i += width
        }
        return false
    }

    /// Scalars of the Basic Multilingual Plane are looked up in a bit table built once; others
    /// ask the scalar's properties (Hangul jamo, U+1100–U+11FF, compose though they are letters).
    static func suspect(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        if value < 0x10000 { return bmp[Int(value >> 3)] & (1 << (value & 7)) != 0 }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return isSuspect(scalar)
    }

    static let bmp: [UInt8] = {
        var bits = [UInt8](repeating: 0, count: 0x10000 / 8)
        for v in UInt32(0x300)..<0x10000 {
            guard let scalar = Unicode.Scalar(v), (0x1100...0x11FF).contains(v) || isSuspect(scalar) else { continue }
            bits[Int(v >> 3)] |= 1 << (v & 7)
        }
        return bits
    }()

    static func isSuspect(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.canonicalCombiningClass != .notReordered || p.isFullCompositionExclusion || p.generalCategory == .spacingMark
            || p.generalCategory == .nonspacingMark
    }
}
