/// One MARC record: a 24-character leader and its fields, with text decoded to Unicode.
public struct MARCRecord: Sendable, Equatable {
    public var leader: String
    public var fields: [MARCField]

    public init(leader: String, fields: [MARCField]) {
        self.leader = leader
        self.fields = fields
    }

    /// The fields with `tag`, in record order.
    public func fields(_ tag: String) -> [MARCField] { fields.filter { $0.tag == tag } }

    /// The first field with `tag`.
    public func field(_ tag: String) -> MARCField? { fields.first { $0.tag == tag } }

    /// The value of a control field, such as 001 or 008.
    public func control(_ tag: String) -> String? { field(tag)?.value }

    /// The first value of subfield `code` in the first field with `tag`.
    public func first(_ tag: String, _ code: Unicode.Scalar) -> String? {
        for f in fields where f.tag == tag {
            if let v = f.first(code) { return v }
        }
        return nil
    }

    /// Every value of subfield `code` in every field with `tag`.
    public func all(_ tag: String, _ code: Unicode.Scalar) -> [String] {
        fields.filter { $0.tag == tag }.flatMap { $0.values(code) }
    }
}

/// A control field (tag 001–009) has a value; a data field has two indicators and subfields.
public struct MARCField: Sendable, Equatable {
    public var tag: String
    public var value: String?
    public var indicator1: Unicode.Scalar
    public var indicator2: Unicode.Scalar
    public var subfields: [MARCSubfield]

    public init(tag: String, value: String) {
        self.tag = tag
        self.value = value
        self.indicator1 = " "
        self.indicator2 = " "
        self.subfields = []
    }

    public init(tag: String, indicator1: Unicode.Scalar, indicator2: Unicode.Scalar, subfields: [MARCSubfield]) {
        self.tag = tag
        self.value = nil
        self.indicator1 = indicator1
        self.indicator2 = indicator2
        self.subfields = subfields
    }

    public var isControl: Bool { value != nil }

    public func first(_ code: Unicode.Scalar) -> String? { subfields.first { $0.code == code }?.value }

    public func values(_ code: Unicode.Scalar) -> [String] { subfields.filter { $0.code == code }.map(\.value) }

    /// Control tags are 001–009 (and 00X in general).
    public static func isControlTag(_ tag: String) -> Bool { tag.hasPrefix("00") }
}

/// A subfield: a one-character code and its text.
public struct MARCSubfield: Sendable, Equatable {
    public var code: Unicode.Scalar
    public var value: String

    public init(_ code: Unicode.Scalar, _ value: String) {
        self.code = code
        self.value = value
    }
}
