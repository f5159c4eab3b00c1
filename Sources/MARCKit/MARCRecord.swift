/// One MARC record: a 24-character leader and its fields, with text decoded to Unicode (NFC).
public struct MARCRecord: Sendable, Equatable {
    public var leader: String
    public var fields: [MARCField]
    /// What was odd in the bytes the record was read from, and what was done about it. Not part of
    /// equality: two readings of the same record are the same record, however clean the bytes.
    public var warnings: [MARCWarning] = []

    public init(leader: String, fields: [MARCField]) {
        self.leader = leader
        self.fields = fields
    }

    public static func == (a: MARCRecord, b: MARCRecord) -> Bool { a.leader == b.leader && a.fields == b.fields }

    /// The fields with `tag`, in record order.
    public func fields(_ tag: String) -> [MARCField] {
        let key = MARCField.key(tag)
        return fields.filter { $0.has(key, tag) }
    }

    /// The fields whose `tagKey` is one of `keys`, in record order. The others are not copied:
    /// the mapping looks for a few tags among every field of every record.
    func fields(keyedIn keys: [UInt32]) -> [MARCField] {
        var out: [MARCField] = []
        for i in fields.indices where keys.contains(fields[i].tagKey) { out.append(fields[i]) }
        return out
    }

    /// The first field with `tag`.
    public func field(_ tag: String) -> MARCField? {
        let key = MARCField.key(tag)
        return fields.first { $0.has(key, tag) }
    }

    /// The value of a control field, such as 001 or 008.
    public func control(_ tag: String) -> String? { field(tag)?.value }

    /// The first value of subfield `code` in the first field with `tag`.
    public func first(_ tag: String, _ code: Unicode.Scalar) -> String? {
        let key = MARCField.key(tag)
        for f in fields where f.has(key, tag) {
            if let v = f.first(code) { return v }
        }
        return nil
    }

    /// Every value of subfield `code` in every field with `tag`.
    public func all(_ tag: String, _ code: Unicode.Scalar) -> [String] {
        let key = MARCField.key(tag)
        var out: [String] = []
        for f in fields where f.has(key, tag) {
            for s in f.subfields where s.code == code { out.append(s.value) }
        }
        return out
    }
}

/// A control field (tag 001–009) has a value; a data field has two indicators and subfields.
public struct MARCField: Sendable, Equatable {
    public var tag: String { didSet { tagKey = Self.key(tag) } }
    /// The tag's three bytes as a number: looking fields up by tag compares these instead of
    /// strings, which mapping a record does a few hundred times.
    private(set) var tagKey: UInt32
    public var value: String?
    public var indicator1: Unicode.Scalar
    public var indicator2: Unicode.Scalar
    public var subfields: [MARCSubfield]

    public init(tag: String, value: String) {
        self.tag = tag
        tagKey = Self.key(tag)
        self.value = value
        self.indicator1 = " "
        self.indicator2 = " "
        self.subfields = []
    }

    public init(tag: String, indicator1: Unicode.Scalar, indicator2: Unicode.Scalar, subfields: [MARCSubfield]) {
        self.tag = tag
        tagKey = Self.key(tag)
        self.value = nil
        self.indicator1 = indicator1
        self.indicator2 = indicator2
        self.subfields = subfields
    }

    public var isControl: Bool { value != nil }

    /// Three-byte tags as a number; any other tag as `UInt32.max`, compared as text.
    static func key(_ tag: String) -> UInt32 {
        var key: UInt32 = 0
        var count = 0
        for b in tag.utf8 {
            count += 1
            if count > 3 { return .max }
            key = key << 8 | UInt32(b)
        }
        return count == 3 ? key : .max
    }

    @inline(__always) func has(_ key: UInt32, _ tag: String) -> Bool {
        key == .max ? tagKey == .max && self.tag == tag : tagKey == key
    }

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
