@testable import MARCKit

/// Records written in a test, field by field.
enum Build {
    static func record(_ leader: String, _ fields: [MARCField]) -> MARCRecord { MARCRecord(leader: leader, fields: fields) }

    static func record(_ fields: [MARCField]) -> MARCRecord { record("00000nam a2200000 i 4500", fields) }

    static func unimarc(_ fields: [MARCField]) -> MARCRecord { record("00000nam0 2200000   450 ", fields) }

    static func control(_ tag: String, _ value: String) -> MARCField { MARCField(tag: tag, value: value) }

    static func data(_ tag: String, _ indicators: String = "  ", _ subfields: [(Unicode.Scalar, String)]) -> MARCField {
        let i = Array(indicators.unicodeScalars)
        return MARCField(tag: tag, indicator1: i[0], indicator2: i[1], subfields: subfields.map { MARCSubfield($0.0, $0.1) })
    }

    /// A MARC 21 book with a title, and `fields` after it.
    static func book(_ fields: [MARCField], title: String = "Title") -> MARCRecord {
        record([control("001", "t-1"), data("245", "10", [("a", title)])] + fields)
    }
}
