import Foundation

/// Catalogue records from a CSV file, for small libraries without MARC. Each row is one copy;
/// rows that describe the same book (same ISBN, or same title, author and year) become one record
/// with several copies. Records are built as MARC 21, so they are stored, searched and exported
/// like imported MARC.
///
/// Columns, by header name (in any order; only `title` is required): title, subtitle, authors
/// (separated by «;»), year, publisher, place, isbn, language (ISO 639-2, «;»), subjects («;»),
/// genres («;»), series, series_number, format (print, large_print, audiobook, daisy, braille,
/// ebook, periodical), summary, audience, inventory_number, barcode, branch (code), shelf_mark.
public enum CSVCatalog {
    public struct RowError: Error, Sendable, Equatable {
        public let row: Int
        public let reason: String
        /// A stable key for the reason, for a localised report (set by `HoldingsCSV`).
        public var code: String? = nil
    }

    /// The records, each with the number of the first row it came from, and the rejected rows.
    public static func records(from text: String) -> (records: [(row: Int, record: MARCRecord)], errors: [RowError]) {
        let rows = CSVParser.parse(text)
        guard let header = rows.first else { return ([], [RowError(row: 1, reason: "the file is empty")]) }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names.contains("title") else { return ([], [RowError(row: 1, reason: "the header has no «title» column")]) }
        var groups: [String: (row: Int, fields: [String: String], holdings: [[String: String]])] = [:]
        var order: [String] = []
        var errors: [RowError] = []
        for (i, cells) in rows.dropFirst().enumerated() {
            let rowNumber = i + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var f: [String: String] = [:]
            for (n, name) in names.enumerated() where n < cells.count {
                let v = cells[n].trimmingCharacters(in: .whitespaces)
                if !v.isEmpty { f[name] = v }
            }
            guard let title = f["title"] else {
                errors.append(RowError(row: rowNumber, reason: "the title is missing"))
                continue
            }
            if let y = f["year"], Int(y) == nil || !(1400...2200).contains(Int(y)!) {
                errors.append(RowError(row: rowNumber, reason: "the year «\(y)» is not a year"))
                continue
            }
            if let form = f["format"], MaterialForm(rawValue: form) == nil {
                errors.append(
                    RowError(
                        row: rowNumber, reason: "the format «\(form)» is not one of \(MaterialForm.allCases.map(\.rawValue).joined(separator: ", "))")
                )
                continue
            }
            let key =
                f["isbn"].map { "isbn:" + $0.filter { $0.isNumber || $0 == "X" } }
                ?? "t:\(title.lowercased())|\(f["authors"]?.lowercased() ?? "")|\(f["year"] ?? "")"
            if groups[key] == nil {
                groups[key] = (rowNumber, f, [])
                order.append(key)
            }
            if f["inventory_number"] != nil || f["branch"] != nil { groups[key]!.holdings.append(f) }
        }
        return (order.map { (groups[$0]!.row, record(groups[$0]!.fields, holdings: groups[$0]!.holdings)) }, errors)
    }

    static func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func record(_ f: [String: String], holdings: [[String: String]]) -> MARCRecord {
        let form = f["format"].flatMap(MaterialForm.init(rawValue:)) ?? .print
        let type = form == .audiobook || form == .daisy ? "i" : "a"
        let level = form == .periodical ? "s" : "m"
        let languages = list(f["language"])
        let year = f["year"] ?? "    "
        let formOfItem = form == .largePrint ? "d" : form == .braille ? "f" : form == .ebook ? "o" : " "
        let fixed = "000000s\(year)    xx      \(formOfItem)     000 1 \(languages.first ?? "und") d"
        var fields = [MARCField(tag: "008", value: fixed)]
        func data(_ tag: String, _ i1: Unicode.Scalar = " ", _ i2: Unicode.Scalar = " ", subs: [(Unicode.Scalar, String?)]) {
            let s = subs.compactMap { c, v in v.map { MARCSubfield(c, $0) } }
            if !s.isEmpty { fields.append(MARCField(tag: tag, indicator1: i1, indicator2: i2, subfields: s)) }
        }
        data("020", subs: [("a", f["isbn"])])
        if !languages.isEmpty { data("041", "0", subs: languages.map { ("a", $0) }) }
        let authors = list(f["authors"])
        if let first = authors.first { data("100", "1", subs: [("a", first)]) }
        data("245", authors.isEmpty ? "0" : "1", "0", subs: [("a", f["title"]), ("b", f["subtitle"])])
        data("264", " ", "1", subs: [("a", f["place"]), ("b", f["publisher"]), ("c", f["year"])])
        if form == .largePrint { data("250", subs: [("a", "Large print")]) }
        if form == .daisy { data("538", subs: [("a", "DAISY")]) }
        data("490", "0", subs: [("a", f["series"]), ("v", f["series_number"])])
        data("520", subs: [("a", f["summary"])])
        data("521", subs: [("a", f["audience"])])
        for s in list(f["subjects"]) { data("650", " ", "4", subs: [("a", s)]) }
        for g in list(f["genres"]) { data("655", " ", "4", subs: [("a", g)]) }
        for a in authors.dropFirst() { data("700", "1", subs: [("a", a)]) }
        for h in holdings {
            data("852", subs: [("b", h["branch"]), ("h", h["shelf_mark"]), ("p", h["inventory_number"] ?? h["barcode"]), ("z", nil)])
        }
        return MARCRecord(leader: "00000n\(type)\(level) a2200000 i 4500", fields: fields)
    }
}

/// A small RFC 4180 reader: quoted cells, doubled quotes, CRLF or LF, and «,», «;» or a tab as the
/// separator (whichever the header line uses most; Koha and ИРБИС export tab-separated text).
public enum CSVParser {
    public static func parse(_ text: String) -> [[String]] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        let counts = [",", ";", "\t"].map { sep in (Character(sep), firstLine.filter { $0 == Character(sep) }.count) }
        let separator: Character = counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : "," } ?? ","
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var iterator = body.makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            cell.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == separator {
                row.append(cell)
                cell = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }
}
