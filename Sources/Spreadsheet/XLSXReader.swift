import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the first worksheet of an XLSX file as rows of cell texts, so that staff can hand over
/// what their library system exported to Excel without saving it as CSV first. Shared strings,
/// inline strings, numbers and booleans are read; formulas give their cached value. A number is
/// given as written («45627» for a date cell: the caller knows which columns are dates).
public enum XLSXReader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func rows(_ data: Data) throws -> [[String]] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw Failure(description: "not an XLSX file") }
        func entry(_ path: String) throws -> Data? {
            guard let e = archive[path] else { return nil }
            var out = Data()
            _ = try archive.extract(e, skipCRC32: true) { out.append($0) }
            // A spreadsheet part never has a document type; one that does may declare entities
            // that expand a few bytes into gigabytes.
            if out.range(of: Data("<!DOCTYPE".utf8)) != nil || out.range(of: Data("<!ENTITY".utf8)) != nil {
                throw Failure(description: "the workbook declares a document type")
            }
            return out
        }
        var shared: [String] = []
        if let data = try entry("xl/sharedStrings.xml") {
            guard let strings = SharedStrings.parse(data) else { throw Failure(description: "the shared strings cannot be read") }
            shared = strings
        }
        var sheets: [String] = []
        for e in archive where e.path.hasPrefix("xl/worksheets/sheet") && e.path.hasSuffix(".xml") { sheets.append(e.path) }
        // sheet1.xml before sheet10.xml.
        sheets.sort { (a: String, b: String) -> Bool in a.count != b.count ? a.count < b.count : a < b }
        guard let first = sheets.first, let sheet = try entry(first) else { throw Failure(description: "the workbook has no worksheet") }
        guard let rows = SheetRows.parse(sheet, shared: shared) else { throw Failure(description: "the worksheet cannot be read") }
        return rows
    }

    /// The column index of a cell reference: «A7» → 0, «AB3» → 27.
    static func column(_ reference: String) -> Int? {
        var n = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            n = n * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : n - 1
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is one string, the text of all its `<t>` runs.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false

    /// Nil for XML that is not well-formed.
    static func parse(_ data: Data) -> [String]? {
        let delegate = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        return parser.parse() ? delegate.strings : nil
    }

    func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ p: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

/// A worksheet's `<row>`s of `<c r=… t=…>` cells, placed by their reference so that empty
/// cells keep the columns in place.
private final class SheetRows: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [[String]] = []
    var row: [String] = []
    var cellColumn = 0
    var cellType = ""
    var value = ""
    var reading = false

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String]) -> [[String]]? {
        let delegate = SheetRows(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        return parser.parse() ? delegate.rows : nil
    }

    func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row": row = []
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXReader.column) ?? row.count
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t": reading = true
        default: break
        }
    }

    func parser(_ p: XMLParser, foundCharacters string: String) { if reading { value += string } }

    func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": reading = false
        case "c":
            let text = cellType == "s" ? Int(value).flatMap { $0 < shared.count ? shared[$0] : nil } ?? "" : value
            // A sheet may place a cell far to the right; anything past 1,000 columns is not data.
            guard cellColumn < 1000 else { return }
            while row.count < cellColumn { row.append("") }
            if row.count == cellColumn { row.append(text) } else { row[cellColumn] = text }
        case "row": rows.append(row)
        default: break
        }
    }
}
