/// Names and subject headings with all their parts.
extension BibliographicMapping {
    /// A MARC 21 name (X00, X10, X11) from its name parts, in the order written. A corporate
    /// name keeps its subordinate units («United States. War Dept.»), a meeting its number, date
    /// and place («Conference on Ada (3rd : 1987 : Paris)»). MARC 21 carries its own punctuation,
    /// so parts are joined with a space; a unit after a part without a full stop gets one.
    static func name21(_ f: MARCField) -> String {
        // X10 corporate, X11 meeting, other tags personal: the key holds the tag's bytes.
        let kind: UInt32 = (f.tagKey >> 8) & 0xFF == 0x31 && f.tagKey != .max ? f.tagKey & 0xFF : 0x39
        switch kind {
        case 0x30: return joinParts(f.subfields.filter { "abcdgn".unicodeScalars.contains($0.code) }, hierarchy: true)
        case 0x31: return joinParts(f.subfields.filter { "anqdce".unicodeScalars.contains($0.code) }, hierarchy: false)
        default: return joinParts(f.subfields.filter { "abcq".unicodeScalars.contains($0.code) }, hierarchy: false)
        }
    }

    static func joinParts(_ parts: [MARCSubfield], hierarchy: Bool) -> String {
        if parts.count == 1 { return clean(parts[0].value) }
        var text = ""
        for part in parts {
            let v = trim(part.value)
            guard !v.isEmpty else { continue }
            if !text.isEmpty {
                if hierarchy && part.code == "b", let last = text.last, !".!?".contains(last) { text += "." }
                text += " "
            }
            text += v
        }
        return clean(text)
    }

    /// A UNIMARC personal name (700–702, 600): entry element, rest of the name and numeration
    /// ($a $b $d), then additions ($c) after a comma. UNIMARC data carry no punctuation.
    static func personalUnimarc(_ f: MARCField) -> String {
        let head = f.subfields.filter { "abd".unicodeScalars.contains($0.code) }.map { clean($0.value) }.filter { !$0.isEmpty }
        let additions = f.values("c").map(clean).filter { !$0.isEmpty }
        return ([head.joined(separator: " ")] + additions).filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// A UNIMARC corporate or meeting name (710–712, 601): the entry element with its inverted
    /// and other parts ($a $g $h), each subdivision after a full stop ($b), and the qualifiers
    /// in parentheses ($c; a meeting's number $d, date $f and place $e): «Конференция (3 ; 2001 ;
    /// Москва)».
    static func corporateUnimarc(_ f: MARCField) -> String {
        var text = f.subfields.filter { "agh".unicodeScalars.contains($0.code) }.map { clean($0.value) }.filter { !$0.isEmpty }
            .joined(separator: " ")
        for unit in f.values("b").map(clean) where !unit.isEmpty {
            text += text.isEmpty ? unit : (text.hasSuffix(".") ? " " : ". ") + unit
        }
        let qualifiers = (f.values("c") + f.values("d") + f.values("f") + f.values("e")).map { part in
            clean(String(trim(part).unicodeScalars.drop { $0 == "(" }).trimmingSuffix(")"))
        }.filter { !$0.isEmpty }
        if !qualifiers.isEmpty { text += (text.isEmpty ? "(" : " (") + qualifiers.joined(separator: " ; ") + ")" }
        return text
    }

    /// A subject heading: its main part (the subfields before the first subdivision, relator
    /// `skip` left out) and each subdivision (`subdivisions`: MARC 21 $v $x $y $z, UNIMARC $j $x
    /// $y $z), in the order written, joined with « — ».
    static func heading(
        _ f: MARCField, subdivisions: String, skip: String, main: ([MARCSubfield]) -> String
    ) -> String? {
        var head: [MARCSubfield] = []
        var parts: [String] = []
        var inSubdivisions = false
        for s in f.subfields where s.code.value >= 0x61 && s.code.value <= 0x7A {
            if subdivisions.unicodeScalars.contains(s.code) {
                inSubdivisions = true
                let v = clean(s.value)
                if !v.isEmpty { parts.append(v) }
            } else if !inSubdivisions && !skip.unicodeScalars.contains(s.code) {
                head.append(s)
            }
        }
        let first = head.isEmpty ? "" : main(head)
        let all = (first.isEmpty ? [] : [first]) + parts
        return all.isEmpty ? nil : all.joined(separator: " — ")
    }

    static func heading(_ f: MARCField, subdivisions: String, corporate: Bool, skip: String) -> String? {
        heading(f, subdivisions: subdivisions, skip: skip) { joinParts($0, hierarchy: corporate) }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
