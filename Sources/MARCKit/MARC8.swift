import Foundation

/// The graphic character sets that MARC-8 designates with escape sequences.
enum MARC8Set: UInt8 {
    case basicLatin = 0x42  // ASCII, "B"
    case extendedLatin = 0x45  // ANSEL, "E"
    case basicCyrillic = 0x4E  // ISO 5427, "N"
    case extendedCyrillic = 0x51  // "Q"
    case unsupported = 0
}

struct MARC8State {
    var g0 = MARC8Set.basicLatin
    var g1 = MARC8Set.extendedLatin
}

/// MARC-8 to Unicode for the Latin (ASCII and ANSEL, with its combining diacritics) and
/// Cyrillic sets. MARC-8 writes a diacritic before its letter; Unicode after, so marks wait for
/// their base character, and the result is put in composed form (NFC).
public enum MARC8 {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, state: inout MARC8State) -> String {
        var out = String.UnicodeScalarView()
        var pendingMarks: [Unicode.Scalar] = []
        var hasMarks = false
        var i = 0
        func emit(_ s: Unicode.Scalar, combining: Bool) {
            if combining {
                pendingMarks.append(s)
                hasMarks = true
            } else {
                out.append(s)
                out.append(contentsOf: pendingMarks)
                pendingMarks.removeAll(keepingCapacity: true)
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                i = escape(bytes, i, &state)
                continue
            }
            i += 1
            if b < 0x20 || b == 0x7F { continue }
            if b == 0x20 {
                emit(" ", combining: false)
            } else if b < 0x80 {
                let (s, c) = lookup(state.g0, b)
                emit(s, combining: c)
            } else if b >= 0xA0 {
                let (s, c) = lookup(state.g1, b)
                emit(s, combining: c)
            } else if let special = c1[b] {
                emit(special, combining: false)
            }
        }
        out.append(contentsOf: pendingMarks)
        let text = String(out)
        return hasMarks ? UnicodeNFC.compose(text).0 : text
    }

    /// Reads an escape sequence at `i`; returns the index after it.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ state: inout MARC8State) -> Int {
        guard i + 1 < bytes.count else { return i + 1 }
        let next = bytes[i + 1]
        // Technique 1 (subscript, superscript, Greek symbols: "b", "p", "g") and ESC s back to ASCII.
        if next == 0x73 {
            state.g0 = .basicLatin
            return i + 2
        }
        if next == 0x62 || next == 0x70 || next == 0x67 {
            state.g0 = .unsupported
            return i + 2
        }
        var j = i + 1
        var toG1 = false
        switch next {
        case 0x28, 0x2C: toG1 = false
        case 0x29, 0x2D: toG1 = true
        case 0x24:
            j += 1
            guard j < bytes.count else { return j }
            toG1 = bytes[j] == 0x29 || bytes[j] == 0x2D
            if bytes[j] == 0x31 {  // ESC $ 1: CJK straight to G0
                state.g0 = .unsupported
                return j + 1
            }
        default: return i + 1
        }
        j += 1
        guard j < bytes.count else { return j }
        var final = bytes[j]
        if final == 0x21 && j + 1 < bytes.count {  // "!E" is the ANSEL designation
            j += 1
            final = bytes[j]
        }
        let set = MARC8Set(rawValue: final) ?? .unsupported
        if toG1 { state.g1 = set } else { state.g0 = set }
        return j + 1
    }

    /// A byte in a set, as a scalar, and whether it is a combining mark.
    static func lookup(_ set: MARC8Set, _ byte: UInt8) -> (Unicode.Scalar, Bool) {
        let low = byte & 0x7F
        switch set {
        case .basicLatin:
            return (Unicode.Scalar(low), false)
        case .extendedLatin:
            let high = low | 0x80
            if let mark = anselCombining[high] { return (mark, true) }
            return (anselSpacing[high] ?? "\u{FFFD}", false)
        case .basicCyrillic:
            if low < 0x40 { return (Unicode.Scalar(low), false) }
            return (basicCyrillic[Int(low - 0x40)], false)
        case .extendedCyrillic:
            return (extendedCyrillic[low | 0x80] ?? "\u{FFFD}", false)
        case .unsupported:
            return ("\u{FFFD}", false)
        }
    }

    static let c1: [UInt8: Unicode.Scalar] = [0x88: "\u{98}", 0x89: "\u{9C}", 0x8D: "\u{200D}", 0x8E: "\u{200C}"]

    static let anselSpacing: [UInt8: Unicode.Scalar] = [
        0xA1: "\u{0141}", 0xA2: "\u{00D8}", 0xA3: "\u{0110}", 0xA4: "\u{00DE}", 0xA5: "\u{00C6}", 0xA6: "\u{0152}",
        0xA7: "\u{02B9}", 0xA8: "\u{00B7}", 0xA9: "\u{266D}", 0xAA: "\u{00AE}", 0xAB: "\u{00B1}", 0xAC: "\u{01A0}",
        0xAD: "\u{01AF}", 0xAE: "\u{02BC}", 0xB0: "\u{02BB}", 0xB1: "\u{0142}", 0xB2: "\u{00F8}", 0xB3: "\u{0111}",
        0xB4: "\u{00FE}", 0xB5: "\u{00E6}", 0xB6: "\u{0153}", 0xB7: "\u{02BA}", 0xB8: "\u{0131}", 0xB9: "\u{00A3}",
        0xBA: "\u{00F0}", 0xBC: "\u{01A1}", 0xBD: "\u{01B0}", 0xC0: "\u{00B0}", 0xC1: "\u{2113}", 0xC2: "\u{2117}",
        0xC3: "\u{00A9}", 0xC4: "\u{266F}", 0xC5: "\u{00BF}", 0xC6: "\u{00A1}", 0xC7: "\u{00DF}", 0xC8: "\u{20AC}",
    ]

    static let anselCombining: [UInt8: Unicode.Scalar] = [
        0xE0: "\u{0309}", 0xE1: "\u{0300}", 0xE2: "\u{0301}", 0xE3: "\u{0302}", 0xE4: "\u{0303}", 0xE5: "\u{0304}",
        0xE6: "\u{0306}", 0xE7: "\u{0307}", 0xE8: "\u{0308}", 0xE9: "\u{030C}", 0xEA: "\u{030A}", 0xEB: "\u{FE20}",
        0xEC: "\u{FE21}", 0xED: "\u{0315}", 0xEE: "\u{030B}", 0xEF: "\u{0310}", 0xF0: "\u{0327}", 0xF1: "\u{0328}",
        0xF2: "\u{0323}", 0xF3: "\u{0324}", 0xF4: "\u{0325}", 0xF5: "\u{0333}", 0xF6: "\u{0332}", 0xF7: "\u{0326}",
        0xF8: "\u{031C}", 0xF9: "\u{032E}", 0xFA: "\u{FE22}", 0xFB: "\u{FE23}", 0xFE: "\u{0313}",
    ]

    /// ISO 5427 (MARC-8 "N"), bytes 0x40–0x7E.
    static let basicCyrillic: [Unicode.Scalar] = Array("юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧ\u{FFFD}".unicodeScalars)

    static let extendedCyrillic: [UInt8: Unicode.Scalar] = [
        0xC0: "ґ", 0xC1: "ђ", 0xC2: "ѓ", 0xC3: "є", 0xC4: "ё", 0xC5: "ѕ", 0xC6: "і", 0xC7: "ї", 0xC8: "ј", 0xC9: "љ", 0xCA: "њ",
        0xCB: "ћ", 0xCC: "ќ", 0xCD: "ў", 0xCE: "џ", 0xD0: "ѣ", 0xD1: "ѳ", 0xD2: "ѵ", 0xD3: "ѫ", 0xDB: "[", 0xDD: "]", 0xDF: "_",
        0xE0: "Ґ", 0xE1: "Ђ", 0xE2: "Ѓ", 0xE3: "Є", 0xE4: "Ё", 0xE5: "Ѕ", 0xE6: "І", 0xE7: "Ї", 0xE8: "Ј", 0xE9: "Љ", 0xEA: "Њ",
        0xEB: "Ћ", 0xEC: "Ќ", 0xED: "Ў", 0xEE: "Џ", 0xEF: "Ъ", 0xF0: "Ѣ", 0xF1: "Ѳ", 0xF2: "Ѵ", 0xF3: "Ѫ",
    ]
}
