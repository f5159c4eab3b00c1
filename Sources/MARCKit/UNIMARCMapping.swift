/// UNIMARC and RUSMARC. The data carry no ISBD punctuation between subfields, so names and
/// headings are put together here with the punctuation a Russian catalogue card shows.
extension BibliographicMapping {
    static func unimarc(_ r: MARCRecord) -> Bibliographic {
        var b = Bibliographic(flavor: .unimarc)
        b.controlNumber = r.control("001").map(trim)
        b.controlOrganisation = r.first("801", "b").map(trim)
        (b.title, b.subtitle) = titleUnimarc(r, &b.warnings)
        for tag in ["700", "701", "702", "710", "711", "712"] {
            for f in r.fields(tag) {
                let name = tag.hasPrefix("71") ? corporateUnimarc(f) : personalUnimarc(f)
                guard !name.isEmpty else { continue }
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
        b.subjects = subjectsUnimarc(r)
        b.genres = unique(r.all("608", "a").map(clean))
        b.allSeries = seriesUnimarc(r)
        b.series = b.allSeries.first?.title
        b.seriesNumber = b.allSeries.first?.number
        b.physical = r.field("215").map { clean($0.subfields.map(\.value).joined(separator: " ")) }
        b.summary = r.first("330", "a").map(clean)
        b.audience = r.first("333", "a").map(clean)
        b.form = formUnimarc(r)
        b.holdings = holdingsUnimarc(r)
        return b
    }

    /// 200 $a (several $a, for works without a collective title, joined with « ; ») with the
    /// part's number and name ($h $i); without $a, the first of 500, 540, 517, 510, 512–516 and
    /// 532 that has one, with a warning.
    static func titleUnimarc(_ r: MARCRecord, _ warnings: inout [MARCWarning]) -> (String, String?) {
        let main = r.field("200")
        let subtitle = main?.first("e").map(clean)?.nilIfEmpty
        if let t = main {
            let head = t.values("a").map(clean).filter { !$0.isEmpty }
            if !head.isEmpty {
                let parts = (t.values("h") + t.values("i")).map(clean).filter { !$0.isEmpty }
                return (([head.joined(separator: " ; ")] + parts).joined(separator: " "), subtitle)
            }
        }
        for tag in ["500", "540", "517", "510", "512", "513", "514", "515", "516", "532"] {
            for f in r.fields(tag) {
                let title = titleParts(f, first: "a")
                guard !title.isEmpty else { continue }
                warnings.append(MARCWarning(.titleFallback, .usedAsTitle, tag: tag, subfield: "a", used: title))
                return (title, subtitle)
            }
        }
        return ("", subtitle)
    }

    /// 600–607 with subdivisions $j $x $y $z; 610 uncontrolled terms one by one.
    static func subjectsUnimarc(_ r: MARCRecord) -> [String] {
        var out: [String] = []
        for f in r.fields(keyedIn: headingsUnimarc + [keywordsUnimarc]) {
            if f.tagKey == headingsUnimarc[0] {
                let h = heading(f, subdivisions: "jxyz", skip: "") {
                    corporateUnimarc(MARCField(tag: "601", indicator1: " ", indicator2: " ", subfields: $0))
                }
                if let h { out.append(h) }
            } else if headingsUnimarc.contains(f.tagKey) {
                if let h = heading(f, subdivisions: "jxyz", corporate: false, skip: "") { out.append(h) }
            } else if f.tagKey == keywordsUnimarc {
                out += f.values("a").map(clean).filter { !$0.isEmpty }
            }
        }
        return unique(out)
    }

    /// 225 (the series as printed) then 410 (the linked series: its embedded 200 $a, or $t).
    static func seriesUnimarc(_ r: MARCRecord) -> [Series] {
        var out: [Series] = []
        for tag in ["225", "410"] {
            for f in r.fields(tag) {
                let title = tag == "410" && f.first("a") == nil ? titleParts(f, first: "t") : titleUnimarcSeries(f)
                guard !title.isEmpty, !out.contains(where: { $0.title == title }) else { continue }
                out.append(Series(title: title, number: f.first("v").map(clean)?.nilIfEmpty))
            }
        }
        return out
    }

    static func titleUnimarcSeries(_ f: MARCField) -> String {
        let head = f.values("a").map(clean).filter { !$0.isEmpty }
        guard !head.isEmpty else { return "" }
        return (head + (f.values("h") + f.values("i")).map(clean).filter { !$0.isEmpty }).joined(separator: " ")
    }

    /// 601 first: it is read as a corporate name.
    static let headingsUnimarc = ["601", "600", "602", "604", "605", "606", "607"].map(MARCField.key)
    static let keywordsUnimarc = MARCField.key("610")

    static let unimarcRoles = ["070": "author", "340": "editor", "730": "translator", "440": "illustrator", "651": "compiler"]
}
