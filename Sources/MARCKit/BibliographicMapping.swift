import Foundation

/// Reads the descriptive fields from MARC 21 or UNIMARC records, losing nothing a cataloguer
/// wrote: every part of a name, every subdivision of a subject, every series, the title from
/// wherever it was put, and the text in other scripts (880). docs/CATALOGUE.md has the table.
public enum BibliographicMapping {
    /// The descriptive fields. A record with no title anywhere has `title` empty: an import
    /// uses `prepare`, which skips it.
    public static func map(_ r: MARCRecord, flavor: MARCFlavor? = nil) -> Bibliographic {
        var b: Bibliographic
        switch flavor ?? MARCFlavor.detect(r) {
        case .marc21: b = marc21(r)
        case .unimarc: b = unimarc(r)
        }
        if !b.warnings.isEmpty {
            let number = r.warnings.first?.recordNumber ?? 0
            for i in b.warnings.indices {
                b.warnings[i].controlNumber = b.controlNumber
                b.warnings[i].recordNumber = number
            }
        }
        b.warnings = r.warnings + b.warnings
        return b
    }

    /// `map` for an import: a record with no title in any field a title may come from is
    /// skipped with `MARCError.noTitle` (never stored as «—»), and every warning carries the
    /// record's position.
    public static func prepare(_ r: MARCRecord, number: Int, flavor: MARCFlavor? = nil) throws(MARCError) -> Bibliographic {
        var b = map(r, flavor: flavor)
        guard !b.title.isEmpty else { throw .noTitle }
        for i in b.warnings.indices { b.warnings[i].recordNumber = number }
        return b
    }

    static func marc21(_ r: MARCRecord) -> Bibliographic {
        var b = Bibliographic(flavor: .marc21)
        b.controlNumber = r.control("001").map(trim)
        b.controlOrganisation = r.control("003").map(trim)
        (b.title, b.subtitle) = title21(r, &b.warnings)
        b.contributors = contributors21(r)
        b.edition = r.first("250", "a").map(clean)
        let imprint = imprint21(r)
        b.place = imprint?.first("a").map(clean)
        b.publisher = imprint?.first("b").map(clean)
        let fixed = r.control("008") ?? ""
        b.year = year(imprint?.first("c")) ?? year(slice(fixed, 7, 4))
        b.isbns = r.all("020", "a").compactMap(isbn)
        b.issns = r.all("022", "a").map(clean).filter { !$0.isEmpty }
        var languages = [slice(fixed, 35, 3)].compactMap { $0 }.filter { $0.count == 3 && $0.allSatisfy(\.isLetter) }
        for code in r.all("041", "a") { languages += chunks(code) }
        b.languages = unique(languages.map { $0.lowercased() })
        b.subjects = subjects21(r)
        b.genres = unique((r.all("655", "a") + r.all("380", "a")).map(clean))
        b.allSeries = series21(r)
        b.series = b.allSeries.first?.title
        b.seriesNumber = b.allSeries.first?.number
        b.physical = r.field("300").map { f in
            clean(f.subfields.filter { "abc".unicodeScalars.contains($0.code) }.map(\.value).joined(separator: " "))
        }
        b.summary = r.first("520", "a").map(clean)
        b.audience = r.first("521", "a").map(clean) ?? audienceCode(slice(fixed, 22, 1))
        b.form = form21(r, fixed: fixed)
        b.holdings = holdings21(r)
        b.alternateScript = alternate21(r)
        return b
    }

    /// 245 $a $n $p; without $a, the title is taken from 245 $k, 240, 740 or 246, in that order,
    /// with a warning. Empty when there is none.
    static func title21(_ r: MARCRecord, _ warnings: inout [MARCWarning]) -> (String, String?) {
        let main = r.field("245")
        let subtitle = main?.first("b").map(clean)?.nilIfEmpty
        if let t = main {
            let title = titleParts(t, first: "a")
            if !title.isEmpty { return (title, subtitle) }
            let form = titleParts(t, first: "k")
            if !form.isEmpty {
                warnings.append(MARCWarning(.titleFallback, .usedAsTitle, tag: "245", subfield: "k", used: form))
                return (form, subtitle)
            }
        }
        for tag in ["240", "740", "246"] {
            for f in r.fields(tag) {
                let title = titleParts(f, first: "a")
                guard !title.isEmpty else { continue }
                warnings.append(MARCWarning(.titleFallback, .usedAsTitle, tag: tag, subfield: "a", used: title))
                return (title, subtitle ?? (tag == "246" ? f.first("b").map(clean)?.nilIfEmpty : nil))
            }
        }
        return ("", subtitle)
    }

    /// Every `first` subfield, then the part numbers and names ($n, $p), cleaned and joined.
    static func titleParts(_ f: MARCField, first: Unicode.Scalar) -> String {
        let head = f.values(first).map(clean).filter { !$0.isEmpty }
        guard !head.isEmpty else { return "" }
        return (head + (f.values("n") + f.values("p")).map(clean).filter { !$0.isEmpty }).joined(separator: " ")
    }

    /// 100, 110, 111, 700, 710, 711 with every part of the name. The role is the relator term
    /// ($e; $j for meetings, whose $e is a subordinate unit), else the relator code $4.
    static func contributors21(_ r: MARCRecord) -> [Contributor] {
        var out: [Contributor] = []
        for tag in ["100", "110", "111", "700", "710", "711"] {
            for f in r.fields(tag) {
                let name = name21(f)
                guard !name.isEmpty else { continue }
                let relator = (tag.hasSuffix("11") ? f.first("j") : f.first("e")).map(clean)?.nilIfEmpty
                out.append(Contributor(name: name, role: relator ?? f.first("4") ?? (tag.hasPrefix("1") ? "author" : "contributor")))
            }
        }
        return out
    }

    /// 264 with second indicator 1 (publication), else 260, else any 264.
    static func imprint21(_ r: MARCRecord) -> MARCField? {
        r.fields("264").first { $0.indicator2 == "1" } ?? r.field("260") ?? r.field("264")
    }

    /// 600–651 with their subdivisions, 653 terms one by one.
    static func subjects21(_ r: MARCRecord) -> [String] {
        var out: [String] = []
        for f in r.fields(keyedIn: subjects21Keys) {
            if headings21.contains(f.tagKey) {
                let h = heading(f, subdivisions: "vxyz", corporate: f.tagKey == headings21[1], skip: f.tagKey == headings21[2] ? "j" : "e")
                if let h { out.append(h) }
            } else if f.tagKey == keywords21 {
                out += f.values("a").map(clean).filter { !$0.isEmpty }
            }
        }
        return unique(out)
    }

    /// Controlled series first (830, 440, 800–811), then transcribed ones (490), without repeats.
    static func series21(_ r: MARCRecord) -> [Series] {
        var out: [Series] = []
        for keys in series21Keys {
            for f in r.fields(keyedIn: keys) {
                let title = titleParts(f, first: f.tag.hasPrefix("8") && f.tag != "830" ? "t" : "a")
                guard !title.isEmpty, !out.contains(where: { $0.title == title }) else { continue }
                out.append(Series(title: title, number: f.first("v").map(clean)?.nilIfEmpty))
            }
        }
        return out
    }

    /// Tags as `MARCField.tagKey` numbers: the mapping looks at every field of every record, and
    /// comparing numbers costs less than comparing strings.
    static let headings21 = ["600", "610", "611", "630", "648", "650", "651"].map(MARCField.key)
    static let keywords21 = MARCField.key("653")
    static let subjects21Keys = headings21 + [keywords21]
    static let series21Keys = [["830", "440"], ["800", "810", "811"], ["490"]].map { $0.map(MARCField.key) }

    static func audienceCode(_ code: String?) -> String? {
        switch code {
        case "a", "b", "c", "j": "juvenile"
        case "d": "adolescent"
        case "e", "g": "adult"
        case "f": "specialized"
        default: nil
        }
    }
}
