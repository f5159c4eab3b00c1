import Foundation

/// Turns field bytes into Unicode text (NFC) in one of the MARC encodings. MARC-8 escape sequences
/// hold until the end of the field, so the decoder is reset at the start of each field.
struct TextDecoder {
    let encoding: MARCEncoding
    private var marc8 = MARC8State()
    /// False when the record's bytes hold nothing NFC could change (see `ISO2709Parser.scan`).
    let checkNFC: Bool
    /// Set when normalising changed a value: the record's bytes are then not as the writer
    /// would write them.
    private(set) var normalised = false

    init(_ encoding: MARCEncoding, checkNFC: Bool = true) {
        self.encoding = encoding
        self.checkNFC = checkNFC
    }

    mutating func startField() { marc8 = MARC8State() }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch encoding {
        case .utf8:
            let text = String(decoding: bytes, as: UTF8.self)
            guard checkNFC, UnicodeNFC.mightChange(bytes) else { return text }
            let (n, changed) = UnicodeNFC.compose(text)
            if changed { normalised = true }
            return n
        case .windows1251:
            var scalars = String.UnicodeScalarView()
            for b in bytes { scalars.append(Windows1251.scalar(b)) }
            return String(scalars)
        case .marc8:
            return MARC8.decode(bytes, state: &marc8)
        }
    }
}

/// Windows code page 1251 (Cyrillic).
public enum Windows1251 {
    /// Code points for bytes 0x80–0xFF.
    static let high: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    static func scalar(_ b: UInt8) -> Unicode.Scalar {
        if b < 0x80 { return Unicode.Scalar(b) }
        if b >= 0xC0 { return Unicode.Scalar(0x0410 + UInt32(b - 0xC0))! }
        return Unicode.Scalar(high[Int(b - 0x80)]) ?? "\u{FFFD}"
    }
}

/// Windows-1251 for text outside MARC records (CSV files).
public enum Windows1251Text {
    public static func scalar(_ b: UInt8) -> Unicode.Scalar { Windows1251.scalar(b) }
}
