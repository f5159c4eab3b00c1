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
