import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads MARCXML from a file with a streaming (SAX) parser and hands each record to `handler`
/// as soon as it is complete, so memory does not grow with the file. Like pymarc, it keeps every
/// record of a well-formed document: odd indicators, codes, tags and leaders are repaired as the
/// ISO 2709 parser repairs them, with the same warnings. Text is put in NFC.
public final class MARCXMLReader: NSObject, XMLParserDelegate {
    private let parser: XMLParser
    private var handler: (MARCReadResult) -> Void = { _ in }
    private var number = 0
    private var leader = ""
    private var fields: [MARCField] = []
    private var subfields: [MARCSubfield] = []
    private var notes: [MARCWarning] = []
    private var tag = ""
    private var ind1: Unicode.Scalar = " "
    private var ind2: Unicode.Scalar = " "
    private var code: Unicode.Scalar = "a"
    private var text = ""
    /// Text inside a datafield but outside its subfields: a field that lost its delimiters.
    private var loose = ""
    private var inDatafield = false
    public private(set) var fatalError: MARCError?

    private var invalidUTF8At: Int?

    /// Opens a MARCXML file. Foundation's XML parser can crash on malformed UTF-8, so the file is
    /// checked first, in a streaming pass; an invalid file is refused before parsing.
    public init?(path: String) {
        guard let stream = InputStream(fileAtPath: path) else { return nil }
        invalidUTF8At = UTF8Check.firstInvalidByte(path: path)
        parser = XMLParser(stream: stream)
        super.init()
        parser.delegate = self
        parser.shouldProcessNamespaces = true
    }

    public init(data: Data) {
        invalidUTF8At = String(validating: data, as: UTF8.self) == nil ? UTF8Check.firstInvalidByte(Array(data)) : nil
        parser = XMLParser(data: data)
        super.init()
        parser.delegate = self
        parser.shouldProcessNamespaces = true
    }

    /// Parses the whole document; a malformed document ends with `fatalError` set.
    public func read(_ handler: @escaping (MARCReadResult) -> Void) {
        self.handler = handler
        if let at = invalidUTF8At {
            fatalError = .xml("the file is not valid UTF-8 (byte \(at))")
            return
        }
        if !parser.parse() && fatalError == nil {
            fatalError = .xml(parser.parserError.map { "\($0.localizedDescription)" } ?? "the document is not well-formed XML")
        }
    }

    public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if inDatafield && name == "subfield" { loose += text }
        text = ""
        switch name {
        case "record":
            number += 1
            leader = ""
            fields = []
            notes = []
        case "controlfield":
            tag = checkedTag(attributes["tag"])
        case "datafield":
            tag = checkedTag(attributes["tag"])
            subfields = []
            loose = ""
            inDatafield = true
            ind1 = indicator(attributes["ind1"], position: 1)
            ind2 = indicator(attributes["ind2"], position: 2)
        case "subfield":
            let raw = attributes["code"] ?? ""
            if raw.unicodeScalars.count == 1, let c = raw.unicodeScalars.first, c.value > 0x20 && c.value < 0x7F {
                code = c
            } else {
                code = "?"
                notes.append(MARCWarning(.invalidSubfieldCode, .keptUnderUnknownCode, tag: tag, found: raw, used: "?"))
            }
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "leader": leader = text
        case "controlfield":
            let fixed = tag == "006" || tag == "007" || tag == "008"
            fields.append(MARCField(tag: tag, value: fixed ? fixedText(text) : UnicodeNFC.normalize(text).0))
        case "subfield": subfields.append(MARCSubfield(code, UnicodeNFC.normalize(text).0))
        case "datafield":
            loose += text
            if !loose.allSatisfy(\.isWhitespace) {
                subfields.insert(MARCSubfield("a", UnicodeNFC.normalize(BibliographicMapping.trim(loose)).0), at: 0)
                notes.append(MARCWarning(.missingDelimiter, .keptAsSubfieldA, tag: tag, used: "a"))
            }
            inDatafield = false
            fields.append(MARCField(tag: tag, indicator1: ind1, indicator2: ind2, subfields: subfields))
        case "record":
            var record = MARCRecord(leader: checkedLeader(leader), fields: fields)
            let control = record.control("001")
            for i in notes.indices {
                notes[i].recordNumber = number
                notes[i].controlNumber = control
            }
            record.warnings = notes
            handler(.record(number: number, record: record, raw: nil))
        default: break
        }
        text = ""
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fatalError = .xml("the document is not well-formed XML (line \(parser.lineNumber))")
    }

    /// An indicator is one character; an empty attribute is a blank. Anything else («-», a
    /// non-breaking space, two characters) becomes a blank with a warning.
    private func indicator(_ raw: String?, position: Int) -> Unicode.Scalar {
        guard let raw else {
            notes.append(MARCWarning(.missingIndicators, .replacedWithBlank, tag: tag, position: position))
            return " "
        }
        let scalars = raw.unicodeScalars
        if scalars.isEmpty { return " " }
        if scalars.count == 1, let c = scalars.first, c.isASCII, ISO2709Parser.isIndicator(UInt8(c.value)) { return c }
        notes.append(MARCWarning(.invalidIndicator, .replacedWithBlank, tag: tag, position: position, found: Self.show(raw), used: " "))
        return " "
    }

    /// Tags are three letters or digits; another printable tag is kept, other characters become
    /// «?» and the tag is cut or padded to three.
    private func checkedTag(_ raw: String?) -> String {
        let raw = raw ?? ""
        if raw.utf8.count == 3 && raw.utf8.allSatisfy(ISO2709Parser.isTagByte) { return raw }
        let bytes = raw.unicodeScalars.prefix(3).map { $0.value > 0x20 && $0.value < 0x7F ? UInt8($0.value) : 0x3F }
        let used = String(decoding: bytes + Array(repeating: 0x3F, count: 3 - bytes.count), as: UTF8.self)
        notes.append(MARCWarning(.invalidTag, used == raw ? .kept : .replacedWithFill, tag: used, found: Self.show(raw), used: used))
        return used
    }

    /// 24 characters of printable ASCII, as in ISO 2709.
    private func checkedLeader(_ raw: String) -> String {
        var scalars = Array(raw.unicodeScalars)
        if scalars.count != 24 {
            notes.append(MARCWarning(.leaderLength, .resized, found: "\(scalars.count)", used: "24"))
            scalars = Array(scalars.prefix(24)) + Array(repeating: " ", count: max(0, 24 - scalars.count))
        }
        for i in scalars.indices where scalars[i].value < 0x20 || scalars[i].value >= 0x7F {
            notes.append(MARCWarning(.leaderCharacter, .replacedWithBlank, position: i, found: MARCWarning.show(scalars[i]), used: " "))
            scalars[i] = " "
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// 006–008, one position per character, as `ISO2709Parser.fixedText` reads them.
    private func fixedText(_ raw: String) -> String {
        guard raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F }) else { return raw }
        var out = String.UnicodeScalarView()
        for (i, c) in raw.unicodeScalars.enumerated() {
            if c.value < 0x20 || c.value >= 0x7F {
                notes.append(MARCWarning(.fixedFieldCharacter, .replacedWithFill, tag: tag, position: i, found: MARCWarning.show(c), used: "|"))
                out.append("|")
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    static func show(_ raw: String) -> String {
        raw.unicodeScalars.map(MARCWarning.show).joined()
    }
}
