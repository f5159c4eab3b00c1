import Foundation

/// Reads the descriptive fields from MARC 21 or UNIMARC records.
public enum BibliographicMapping {
    public static func map(_ r: MARCRecord, flavor: MARCFlavor? = nil) -> Bibliographic {
        switch flavor ?? MARCFlavor.detect(r) {
        case .marc21: marc21(r)
        case .unimarc: unimarc(r)
        }
    }

    static func marc21(_ r: MARCRecord) -> Bibliographic {
        var b = Bibliographic(flavor: .marc21)
        b.controlNumber = r.control("001").map(trim)
        b.controlOrganisation = r.control("003").map(trim)
        if let t = r.field("245") {
            b.title = ([t.first("a")] + t.values("n") + t.values("p")).compactMap { $0 }.map(clean).joined(separator: " ")
            b.subtitle = t.first("b").map(clean)
        }
        for tag in ["100", "110", "111", "700", "710", "711"] {
            for f in r.fields(tag) {
                guard let name = f.first("a").map(clean), !name.isEmpty else { continue }
                let role = f.first("e").map(clean) ?? f.first("4") ?? (tag.hasPrefix("1") ? "author" : "contributor")
                b.contributors.append(Contributor(name: name, role: role))
            }
        }
        b.edition = r.first("250", "a").map(clean)
        let imprint = r.fields("264").first { $0.indicator2 == "1" } ?? r.field("260") ?? r.field("264")
        b.place = imprint?.first("a").map(clean)
        b.publisher = imprint?.first("b").map(clean)
        let fixed = r.control("008") ?? ""
        b.year = year(imprint?.first("c")) ?? year(slice(fixed, 7, 4))
        b.isbns = r.all("020", "a").compactMap(isbn)
        b.issns = r.all("022", "a").map(clean).filter { !$0.isEmpty }
        var languages = [slice(fixed, 35, 3)].compactMap { $0 }.filter { $0.count == 3 && $0.allSatisfy(\.isLetter) }
        for code in r.all("041", "a") { languages += chunks(code) }
        b.languages = unique(languages.map { $0.lowercased() })
        for tag in ["600", "610", "611", "630", "650", "651"] {
            for f in r.fields(tag) {
                let parts = (f.values("a") + f.values("x") + f.values("z")).map(clean).filter { !$0.isEmpty }
                if !parts.isEmpty { b.subjects.append(parts.joined(separator: " — ")) }
            }
        }
        b.subjects = unique(b.subjects)
        b.genres = unique((r.all("655", "a") + r.all("380", "a")).map(clean))
        if let s = r.field("830") ?? r.field("490") {
            b.series = s.first("a").map(clean)
            b.seriesNumber = s.first("v").map(clean)
        }
        b.physical = r.field("300").map { f in
            clean(f.subfields.filter { "abc".unicodeScalars.contains($0.code) }.map(\.value).joined(separator: " "))
        }
        b.summary = r.first("520", "a").map(clean)
        b.audience = r.first("521", "a").map(clean) ?? audienceCode(slice(fixed, 22, 1))
        b.form = form21(r, fixed: fixed, b: b)
        b.holdings = r.fields("852").map { f in
            Holding(
                branchCode: f.first("b").map(trim), shelfMark: [f.first("h"), f.first("i")].compactMap { $0 }.joined(separator: " ").nilIfEmpty,
                inventoryNumber: (f.first("p") ?? f.first("j")).map(trim), barcode: f.first("p").map(trim), note: f.first("z")
            )
        }
        return b
    }

    static func unimarc(_ r: MARCRecord) -> Bibliographic {
        var b = Bibliographic(flavor: .unimarc)
        b.controlNumber = r.control("001").map(trim)
        b.controlOrganisation = r.first("801", "b").map(trim)
        if let t = r.field("200") {
            b.title = ([t.first("a")] + t.values("h") + t.values("i")).compactMap { $0 }.map(clean).joined(separator: " ")
            b.subtitle = t.first("e").map(clean)
        }
        for tag in ["700", "701", "702", "710", "711", "712"] {
            for f in r.fields(tag) {
                guard let a = f.first("a") else { continue }
                let name = clean([a, f.first("b")].compactMap { $0 }.joined(separator: " "))
                let role = f.first("4").map { unimarcRoles[$0] ?? $0 } ?? (tag == "700" || tag == "710" ? "author" : "contributor")
                b.contributors.append(Contributor(name: name, role: role))
            }
        }
        b.edition = r.first("205", "a").map(clean)
        let imprint = r.field("210") ?? r.field("214")
        b.place = imprint?.first("a").map(clean)
        b.publisher = imprint?.first("c").map(clean)
        b.year = year(imprint?.first("d")) ?? year(r.first("100", "a").flatMap { slice($0, 9, 4) })
        b.isbns = r.all("010", "a").compactMap(isbn)
        b.issns = r.all("011", "a").map(clean)
        b.languages = unique(r.all("101", "a").flatMap(chunks).map { $0.lowercased() })
        for tag in ["600", "601", "602", "605", "606", "607"] {
            for f in r.fields(tag) {
                let parts = (f.values("a") + f.values("x") + f.values("y")).map(clean).filter { !$0.isEmpty }
                if !parts.isEmpty { b.subjects.append(parts.joined(separator: " — ")) }
            }
        }
        b.subjects = unique(b.subjects)
        b.genres = unique(r.all("608", "a").map(clean))
        if let s = r.field("225") ?? r.field("410") {
            b.series = s.first("a").map(clean)
            b.seriesNumber = s.first("v").map(clean)
        }
        b.physical = r.field("215").map { clean($0.subfields.map(\.value).joined(separator: " ")) }
        b.summary = r.first("330", "a").map(clean)
        b.audience = r.first("333", "a").map(clean)
        b.form = formUnimarc(r, b: b)
        b.holdings = r.fields("899").map { f in
            Holding(
                branchCode: f.first("a").map(trim), shelfMark: f.first("j").map(trim), inventoryNumber: f.first("p").map(trim),
                barcode: f.first("x").flatMap { $0.allSatisfy(\.isNumber) ? $0 : nil },
                note: f.first("x").flatMap { $0.allSatisfy(\.isNumber) ? nil : $0 }
            )
        }
        return b
    }

    /// Leader/06–07, 007/00, 008/23 and 336–338, and the words of notes where the codes are silent.
    static func form21(_ r: MARCRecord, fixed: String, b: Bibliographic) -> MaterialForm {
        let leader = Array(r.leader.utf8)
        let type = leader.count > 7 ? leader[6] : 0
        let level = leader.count > 7 ? leader[7] : 0
        let physical = r.control("007").flatMap { $0.first }
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

    static func formUnimarc(_ r: MARCRecord, b: Bibliographic) -> MaterialForm {
        let leader = Array(r.leader.utf8)
        let type = leader.count > 7 ? leader[6] : 0
        let level = leader.count > 7 ? leader[7] : 0
        let text = mentions(r, ["205", "215", "300", "899", "608"])
        if text.contains("daisy") { return .daisy }
        if text.contains("брайл") || text.contains("braille") || r.field("126") != nil && type == 0x69 && text.contains("точеч") {
            return .braille
        }
        if type == 0x69 || type == 0x6A { return .audiobook }
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
    private static func mentions(_ r: MARCRecord, _ tags: [String]) -> Mentions {
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

    static let unimarcRoles = ["070": "author", "340": "editor", "730": "translator", "440": "illustrator", "651": "compiler"]

    static func audienceCode(_ code: String?) -> String? {
        switch code {
        case "a", "b", "c", "j": "juvenile"
        case "d": "adolescent"
        case "e", "g": "adult"
        case "f": "specialized"
        default: nil
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

    static func slice(_ s: String, _ start: Int, _ length: Int) -> String? {
        let bytes = s.utf8
        if bytes.count == s.unicodeScalars.count {  // ASCII, as fixed fields are
            guard bytes.count >= start + length else { return nil }
            let from = bytes.index(bytes.startIndex, offsetBy: start)
            return String(decoding: bytes[from..<bytes.index(from, offsetBy: length)], as: UTF8.self)
        }
        let u = Array(s.unicodeScalars)
        guard u.count >= start + length else { return nil }
        return String(String.UnicodeScalarView(u[start..<(start + length)]))
    }

    static func chunks(_ code: String) -> [String] {
        let letters = Array(code.filter(\.isLetter))
        return stride(from: 0, to: letters.count - 2, by: 3).map { String(letters[$0..<($0 + 3)]) }
    }

    static func unique(_ values: [String]) -> [String] {
        // Most lists are a handful long: comparing beats hashing, which normalises Unicode.
        if values.count <= 8 {
            var out: [String] = []
            for v in values where !v.isEmpty && !out.contains(v) { out.append(v) }
            return out
        }
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func trim(_ s: String) -> String {
        // Fast path: nothing to trim at either end (the usual case).
        // (All ASCII white space counts: a line break at the end once survived here.)
        if let f = s.utf8.first, let l = s.utf8.last, f < 0x80, l < 0x80, !ASCIIText.isSpace(f), !ASCIIText.isSpace(l) { return s }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Drops ISBD punctuation that ends a subfield: «Путь Абая :» → «Путь Абая».
    static func clean(_ s: String) -> String {
        ASCIIText.isPlain(s) ? cleanASCII(s) : cleanUnicode(s)
    }

    static func cleanUnicode(_ s: String) -> String {
        var t = trim(s)
        while let last = t.last, " /:;=,".contains(last) { t.removeLast() }
        if t.hasSuffix(".") && !t.hasSuffix("..") {
            let beforeDot = t.dropLast()
            // Keep the dot of an initial or an abbreviation («Jr.», «Wyd.»).
            if let space = beforeDot.lastIndex(of: " "), beforeDot.distance(from: space, to: beforeDot.endIndex) <= 3 {
            } else if beforeDot.count > 3 {
                t.removeLast()
            }
        }
        return trim(t)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
