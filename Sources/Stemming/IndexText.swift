extension SearchAnalyzer {
    /// The index terms of `texts`, joined by single spaces: the same as
    /// `texts.flatMap(indexTerms).joined(separator: " ")`, but worked out on the UTF-8 bytes.
    /// Every imported record passes through this five times, and building a `String` per word and
    /// hashing it (which normalises Unicode) was a quarter of an import's preparation time.
    public func indexText(_ texts: [String]) -> String {
        var out: [UInt8] = []
        var terms = 0
        for text in texts {
            var text = text
            text.withUTF8 { appendTerms(of: $0, to: &out, count: &terms) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func appendTerms(of text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], count: inout Int) {
        SearchAnalyzer.foldWords(text) { word in
            if count > 0 { out.append(0x20) }
            count += 1
            // A number is its own term; keeping numbers (years, call numbers) out of the table
            // leaves room there for words.
            if word.digitsOnly { out.append(contentsOf: word.bytes) } else { stemTable.appendStems(of: word, to: &out) }
        }
    }

    /// Calls `body` with each folded word of `text` (UTF-8): letters and digits in lower case,
    /// «ё» read as «е», apostrophes and combining marks inside a word dropped. Documents and
    /// queries both split here. A combining mark never breaks a word: text arrives in NFC, so the
    /// marks left are those with no precomposed letter, like the tie of ALA-LC's «t͡s» and «I͡U».
    @inline(__always)
    static func foldWords(_ text: UnsafeBufferPointer<UInt8>, _ body: (WordBuffer) -> Void) {
        var word = WordBuffer()
        func flush() {
            guard !word.bytes.isEmpty else { return }
            body(word)
            word.reset()
        }
        var i = 0
        while i < text.count {
            let b = text[i]
            // ASCII, most of any catalogue, is decided without Unicode property tables.
            if b < 0x80 {
                i += 1
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    word.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    word.append(b + 0x20)
                } else if b != 0x27 {
                    flush()
                }
                continue
            }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for k in 1..<width { value = value << 6 | UInt32(text[i + k] & 0x3F) }
            i += width
            switch value {
            case 0x0430...0x044F: word.append(scalar: value)  // а–я
            case 0x0410...0x042F: word.append(scalar: value + 0x20)  // А–Я
            case 0x0401, 0x0451: word.append(scalar: 0x0435)  // Ё, ё read as е
            case 0x2019: continue  // «д’Артаньян» stays one word
            default:
                let s = Unicode.Scalar(value)!
                if s.properties.isAlphabetic || s.properties.numericType != nil {
                    for l in s.properties.lowercaseMapping.unicodeScalars { word.append(scalar: l == "ё" ? 0x0435 : l.value) }
                } else if !isMark(s) {
                    flush()
                }
            }
        }
        flush()
    }

    /// A combining mark that is not itself a letter (letters such as Devanagari vowel signs are
    /// kept by the caller).
    @inline(__always)
    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

/// A folded word being collected, with its hash kept up to date byte by byte (FNV-1a).
struct WordBuffer {
    var bytes: [UInt8] = []
    var hash: UInt64 = WordBuffer.seed
    var digitsOnly = true
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    init() { bytes.reserveCapacity(64) }

    @inline(__always) mutating func append(_ byte: UInt8) {
        bytes.append(byte)
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        if byte < 0x30 || byte > 0x39 { digitsOnly = false }
    }

    mutating func append(scalar value: UInt32) {
        if value < 0x80 {
            append(UInt8(value))
        } else if value < 0x800 {
            append(UInt8(0xC0 | value >> 6))
            append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            append(UInt8(0xE0 | value >> 12))
            append(UInt8(0x80 | value >> 6 & 0x3F))
            append(UInt8(0x80 | value & 0x3F))
        } else {
            append(UInt8(0xF0 | value >> 18))
            append(UInt8(0x80 | value >> 12 & 0x3F))
            append(UInt8(0x80 | value >> 6 & 0x3F))
            append(UInt8(0x80 | value & 0x3F))
        }
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        hash = Self.seed
        digitsOnly = true
    }
}
