import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// MARCXML (the Library of Congress slim schema): writing, and reading as a stream.
public enum MARCXML {
    public static let namespace = "http://www.loc.gov/MARC21/slim"

    /// One `<record>` element.
    public static func record(_ r: MARCRecord) -> String {
        var out = "<record>\n  <leader>\(escape(r.leader))</leader>\n"
        for f in r.fields {
            if let value = f.value {
                out += "  <controlfield tag=\"\(escape(f.tag))\">\(escape(value))</controlfield>\n"
            } else {
                out += "  <datafield tag=\"\(escape(f.tag))\" ind1=\"\(escape(String(f.indicator1)))\" ind2=\"\(escape(String(f.indicator2)))\">\n"
                for s in f.subfields {
                    out += "    <subfield code=\"\(escape(String(s.code)))\">\(escape(s.value))</subfield>\n"
                }
                out += "  </datafield>\n"
            }
        }
        return out + "</record>\n"
    }

    public static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"\(namespace)\">\n"
    public static let footer = "</collection>\n"

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 cannot carry most control characters; they are dropped.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Reads MARCXML from a file with a streaming (SAX) parser and hands each record to `handler`
/// as soon as it is complete, so memory does not grow with the file.
public final class MARCXMLReader: NSObject, XMLParserDelegate {
    private let parser: XMLParser
    private var handler: (MARCReadResult) -> Void = { _ in }
    private var number = 0
    private var leader = ""
    private var fields: [MARCField] = []
    private var subfields: [MARCSubfield] = []
    private var tag = ""
    private var ind1: Unicode.Scalar = " "
    private var ind2: Unicode.Scalar = " "
    private var code: Unicode.Scalar = "a"
    private var text = ""
    private var recordError: MARCError?
    private var inRecord = false
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
        text = ""
        switch name {
        case "record":
            inRecord = true
            number += 1
            leader = ""
            fields = []
            recordError = nil
        case "controlfield":
            tag = attributes["tag"] ?? ""
        case "datafield":
            tag = attributes["tag"] ?? ""
            subfields = []
            ind1 = Self.indicator(attributes["ind1"])
            ind2 = Self.indicator(attributes["ind2"])
            if !Self.validIndicator(attributes["ind1"]) || !Self.validIndicator(attributes["ind2"]) {
                recordError = recordError ?? .invalidIndicator(tag: tag)
            }
        case "subfield":
            let raw = attributes["code"] ?? ""
            if raw.unicodeScalars.count != 1 || !(raw.unicodeScalars.first!.value > 0x20 && raw.unicodeScalars.first!.value < 0x7F) {
                recordError = recordError ?? .invalidSubfieldCode(tag: tag)
            }
            code = raw.unicodeScalars.first ?? "?"
        default: break
        }
        if (name == "controlfield" || name == "datafield") && !Self.validTag(tag) { recordError = recordError ?? .invalidTag(tag) }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "leader": leader = text
        case "controlfield": fields.append(MARCField(tag: tag, value: text))
        case "subfield": subfields.append(MARCSubfield(code, text))
        case "datafield": fields.append(MARCField(tag: tag, indicator1: ind1, indicator2: ind2, subfields: subfields))
        case "record":
            inRecord = false
            if leader.utf8.count != 24 { recordError = recordError ?? .invalidLeader("it is not 24 characters long") }
            if let recordError {
                handler(.failure(number: number, error: recordError))
            } else {
                handler(.record(number: number, record: MARCRecord(leader: leader, fields: fields), raw: nil))
            }
        default: break
        }
        text = ""
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fatalError = .xml("the document is not well-formed XML (line \(parser.lineNumber))")
    }

    static func indicator(_ s: String?) -> Unicode.Scalar { s?.unicodeScalars.first ?? " " }

    static func validIndicator(_ s: String?) -> Bool {
        guard let s, s.unicodeScalars.count <= 1 else { return false }
        guard let c = s.unicodeScalars.first, c.isASCII else { return s.isEmpty }
        return ISO2709Parser.isIndicator(UInt8(c.value))
    }

    static func validTag(_ t: String) -> Bool { t.utf8.count == 3 && t.utf8.allSatisfy { ISO2709Parser.isTagByte($0) } }
}
