/// The form of material: the coded data decide first (leader/06–07, 007/00, 008), the words of
/// notes only where the codes leave a text open (large print, DAISY, Braille).
extension BibliographicMapping {
    static func form21(_ r: MARCRecord, fixed: String) -> MaterialForm {
        let leader = Array(r.leader.utf8)
        let type = leader.count > 7 ? leader[6] : 0
        let level = leader.count > 7 ? leader[7] : 0
        let physical = r.control("007").flatMap { $0.unicodeScalars.first }
        switch type {
        case 0x65, 0x66: return .map  // e, f
        case 0x6B: return .image  // k
        case 0x63, 0x64: return .score  // c, d
        case 0x67: return .video  // g
        case 0x6A: return .music  // j
        case 0x6F, 0x70, 0x72: return .other  // o, p, r
        case 0x6D: return slice(fixed, 26, 1) == "d" ? .ebook : .other  // m: a computer file, a book only as a document
        default: break
        }
        // Language material whose first 007 says otherwise.
        switch physical {
        case "a": return .map
        case "k": return .image
        case "v", "m": return .video
        case "q": return .score
        default: break
        }
        let text = mentions(r, ["250", "300", "340", "500", "538", "655", "650"])
        if text.contains("daisy") { return .daisy }
        if physical == "f" || slice(fixed, 23, 1) == "f" || r.all("336", "b").contains("tct") || text.contains("braille")
            || text.contains("брайл")
        {
            return .braille
        }
        if type == 0x69 || physical == "s" || r.all("336", "b").contains("spw") || r.all("337", "b").contains("s") { return .audiobook }
        if level == 0x73 || level == 0x62 { return .periodical }
        if slice(fixed, 23, 1) == "d" || largePrint(text) { return .largePrint }
        if physical == "c" || ["o", "q", "s"].contains(slice(fixed, 23, 1) ?? "") || r.all("338", "b").contains("cr") { return .ebook }
        return .print
    }

    /// UNIMARC leader/06: c, d music; e, f maps; g video; i spoken sound; j music recordings;
    /// k graphics; l electronic; m multimedia; r objects.
    static func formUnimarc(_ r: MARCRecord) -> MaterialForm {
        let leader = Array(r.leader.utf8)
        let type = leader.count > 7 ? leader[6] : 0
        let level = leader.count > 7 ? leader[7] : 0
        switch type {
        case 0x63, 0x64: return .score
        case 0x65, 0x66: return .map
        case 0x67: return .video
        case 0x6A: return .music
        case 0x6B: return .image
        case 0x6D, 0x72: return .other
        default: break
        }
        let text = mentions(r, ["205", "215", "300", "899", "608"])
        if text.contains("daisy") { return .daisy }
        if text.contains("брайл") || text.contains("braille") || r.field("126") != nil && type == 0x69 && text.contains("точеч") {
            return .braille
        }
        if type == 0x69 { return .audiobook }
        if level == 0x73 { return .periodical }
        if largePrint(text) { return .largePrint }
        if type == 0x6C { return .ebook }
        return .print
    }

    static func largePrint(_ text: Mentions) -> Bool {
        ["large print", "large type", "крупный шрифт", "крупным шрифтом", "ірі қаріп"].contains { text.contains($0) }
    }

    /// The lower-cased text of the fields with `tags`, built straight into bytes: ASCII values are
    /// lowered byte by byte, others through `lowercased()`.
    static func mentions(_ r: MARCRecord, _ tags: [String]) -> Mentions {
        var bytes: [UInt8] = []
        let keys = tags.map(MARCField.key)
        for field in r.fields where keys.contains(field.tagKey) {
            for sub in field.subfields {
                if !bytes.isEmpty { bytes.append(0x20) }
                if ASCIIText.isPlain(sub.value) {
                    for b in sub.value.utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
                } else {
                    bytes.append(contentsOf: sub.value.lowercased().utf8)
                }
            }
        }
        return Mentions(bytes: bytes)
    }

    /// Lower-cased note text, searched as UTF-8 bytes: Foundation's `contains` is slow on Linux
    /// and this runs for every imported record.
    struct Mentions {
        let bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }
        init(bytes: [UInt8]) { self.bytes = bytes }

        func contains(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            guard !n.isEmpty, bytes.count >= n.count else { return false }
            var i = 0
            let last = bytes.count - n.count
            while i <= last {
                if bytes[i] == n[0] {
                    var j = 1
                    while j < n.count && bytes[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The first ISBN token, digits and X only: «978-5-17-081234-5 (hbk.)» → «9785170812345».
    static func isbn(_ raw: String) -> String? {
        ASCIIText.isPlain(raw) ? isbnASCII(raw) : isbnUnicode(raw)
    }

    static func isbnUnicode(_ raw: String) -> String? {
        let token = raw.split(separator: " ").first.map(String.init) ?? ""
        let value = token.filter { $0.isNumber || $0 == "X" || $0 == "x" }.uppercased()
        return value.count == 10 || value.count == 13 ? value : nil
    }

    static func year(_ text: String?) -> Int? {
        guard let text else { return nil }
        return ASCIIText.isPlain(text) ? yearASCII(text) : yearUnicode(text)
    }

    static func yearUnicode(_ text: String) -> Int? {
        var digits = ""
        for c in text {
            if c.isASCII && c.isNumber {
                digits.append(c)
                if digits.count == 4, let y = Int(digits), (1400...2200).contains(y) { return y }
            } else {
                digits = ""
            }
        }
        return nil
    }
}
