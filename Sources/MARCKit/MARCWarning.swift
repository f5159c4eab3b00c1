/// Something odd in a record that was read or mapped all the same, and what was done about it.
/// Every part is a code or a raw value, never a sentence: the app says it in the reader's
/// language, keyed on `kind` and `action`.
public struct MARCWarning: Sendable, Hashable {
    /// What was odd.
    public enum Kind: String, Sendable, CaseIterable {
        /// Leader/00–04 disagrees with where the record terminator is (often a length counted in
        /// characters instead of bytes).
        case recordLength = "record_length"
        /// Leader/12–16 does not point just past the directory.
        case baseAddress = "base_address"
        /// A control character or a byte outside ASCII in the leader.
        case leaderCharacter = "leader_character"
        /// A MARCXML leader that is not 24 characters long.
        case leaderLength = "leader_length"
        /// A directory entry whose length or start is not a number.
        case directoryEntry = "directory_entry"
        /// A field whose length or start does not end on its field terminator.
        case fieldPosition = "field_position"
        /// A tag that is not three letters or digits.
        case invalidTag = "invalid_tag"
        case invalidIndicator = "invalid_indicator"
        /// A data field shorter than its two indicators.
        case missingIndicators = "missing_indicators"
        case invalidSubfieldCode = "invalid_subfield_code"
        /// A subfield delimiter with nothing after it.
        case emptySubfield = "empty_subfield"
        /// Text before the first subfield delimiter, or a field with none (a wrapped line).
        case missingDelimiter = "missing_delimiter"
        /// A byte that is not printable ASCII in a fixed-length field (006, 007, 008, UNIMARC 100$a).
        case fixedFieldCharacter = "fixed_field_character"
        /// No title in 245$a or 200$a: it was taken from another field (`tag`, `subfield`).
        case titleFallback = "title_fallback"
    }

    /// What was done.
    public enum Action: String, Sendable, CaseIterable {
        /// The record or field was read up to its terminator.
        case readToTerminator = "read_to_terminator"
        /// Fields were matched to directory entries in order, by their terminators.
        case readInOrder = "read_in_order"
        /// The base address was taken from the end of the directory.
        case recomputed
        case replacedWithBlank = "replaced_with_blank"
        /// Replaced with «|», the fill character that means «not coded».
        case replacedWithFill = "replaced_with_fill"
        /// Padded with blanks or cut to 24 characters.
        case resized
        /// Kept under the subfield code «?».
        case keptUnderUnknownCode = "kept_under_unknown_code"
        /// Kept as subfield $a.
        case keptAsSubfieldA = "kept_as_subfield_a"
        case kept
        case dropped
        /// Used as the title.
        case usedAsTitle = "used_as_title"
    }

    public var kind: Kind
    public var action: Action
    /// The record's position in its file, 1-based; 0 until a reader sets it.
    public var recordNumber: Int
    /// The record's 001, when it has one.
    public var controlNumber: String?
    public var tag: String?
    public var subfield: String?
    /// A character position, in the leader or in a fixed-length field.
    public var position: Int?
    /// The raw value found, printable: «-», «U+00A0», «0x1B», «120».
    public var found: String?
    /// What was used instead, when something was.
    public var used: String?
    /// How many times the same thing happened in the record.
    public var count: Int

    public init(
        _ kind: Kind, _ action: Action, tag: String? = nil, subfield: String? = nil, position: Int? = nil, found: String? = nil,
        used: String? = nil, recordNumber: Int = 0, controlNumber: String? = nil
    ) {
        self.kind = kind
        self.action = action
        self.tag = tag
        self.subfield = subfield
        self.position = position
        self.found = found
        self.used = used
        self.recordNumber = recordNumber
        self.controlNumber = controlNumber
        count = 1
    }

    /// The same oddity again in one record (say, «-» as every indicator) is counted, not repeated.
    static func add(_ w: MARCWarning, to list: inout [MARCWarning]) {
        if let i = list.firstIndex(where: {
            $0.kind == w.kind && $0.action == w.action && $0.tag == w.tag && $0.subfield == w.subfield && $0.found == w.found
                && $0.position == w.position
        }) {
            list[i].count += 1
        } else {
            list.append(w)
        }
    }

    /// A byte as it is shown in a warning: itself when printable ASCII, else «0x1B».
    static func show(_ byte: UInt8) -> String {
        byte > 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + hex(UInt32(byte), width: 2)
    }

    /// A character as it is shown in a warning: itself when printable ASCII, else «U+00A0».
    static func show(_ scalar: Unicode.Scalar) -> String {
        scalar.value > 0x20 && scalar.value < 0x7F ? String(scalar) : "U+" + hex(scalar.value, width: 4)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
