/// MARC 21 880 fields: the same data as a regular field, in another script (Cyrillic, Kazakh,
/// Chinese, Arabic, Hebrew). $6 names the field each one transcribes («245-01/(N»: 245,
/// occurrence 01, Cyrillic). Each 880 is read as the field it names, by the same mapping.
extension BibliographicMapping {
    static func alternate21(_ r: MARCRecord) -> AlternateScript {
        var linked: [MARCField] = []
        for f in r.fields(keyedIn: [key880]) {
            guard let link = f.first("6"), let tag = linkedTag(link) else { continue }
            linked.append(MARCField(tag: tag, indicator1: f.indicator1, indicator2: f.indicator2, subfields: f.subfields.filter { $0.code != "6" }))
        }
        guard !linked.isEmpty else { return AlternateScript() }
        let v = MARCRecord(leader: r.leader, fields: linked)
        var a = AlternateScript()
        if let t = v.field("245") {
            a.title = titleParts(t, first: "a").nilIfEmpty
            a.subtitle = t.first("b").map(clean)?.nilIfEmpty
        }
        a.contributors = contributors21(v)
        a.edition = v.first("250", "a").map(clean)?.nilIfEmpty
        let imprint = imprint21(v)
        a.place = imprint?.first("a").map(clean)?.nilIfEmpty
        a.publisher = imprint?.first("b").map(clean)?.nilIfEmpty
        a.series = series21(v)
        a.subjects = subjects21(v)
        a.summary = v.first("520", "a").map(clean)?.nilIfEmpty
        return a
    }

    static let key880 = MARCField.key("880")

    /// The tag in $6: three digits at its start.
    static func linkedTag(_ link: String) -> String? {
        let tag = String(trim(link).prefix(3))
        return tag.count == 3 && tag.allSatisfy(\.isASCII) && tag.allSatisfy(\.isNumber) ? tag : nil
    }
}
