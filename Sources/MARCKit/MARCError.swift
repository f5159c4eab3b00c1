/// Why a record was skipped: it could not be read at all, or it has nothing to catalogue. None of
/// them stops the reader, which skips the record and goes on with the next one. `code` names the
/// case for a localised report; `description` is for logs.
public enum MARCError: Error, Sendable, Equatable, CustomStringConvertible {
    case truncated(expected: Int, available: Int)
    case invalidLength(String)
    case invalidLeader(String)
    case invalidBaseAddress(Int)
    case brokenDirectory(String)
    case fieldOutOfBounds(tag: String)
    case missingFieldTerminator(tag: String)
    case missingRecordTerminator
    case invalidIndicator(tag: String)
    case invalidSubfieldCode(tag: String)
    case invalidTag(String)
    case xml(String)
    case unrecognised(String)
    /// The directory lists no field that could be read.
    case noFields
    /// No title in 245/200 nor in any field a title may be taken from.
    case noTitle

    public var description: String {
        switch self {
        case .truncated(let e, let a): "truncated record: the length says \(e) bytes, only \(a) remain"
        case .invalidLength(let s): "invalid record length \"\(s)\""
        case .invalidLeader(let s): "invalid leader: \(s)"
        case .invalidBaseAddress(let b): "invalid base address of data \(b)"
        case .brokenDirectory(let s): "broken directory: \(s)"
        case .fieldOutOfBounds(let t): "field \(t) lies outside the record"
        case .missingFieldTerminator(let t): "field \(t) has no field terminator"
        case .missingRecordTerminator: "the record terminator is missing"
        case .invalidIndicator(let t): "field \(t) has an invalid indicator"
        case .invalidSubfieldCode(let t): "field \(t) has an invalid subfield code"
        case .invalidTag(let t): "invalid tag \"\(t)\""
        case .xml(let s): "MARCXML: \(s)"
        case .unrecognised(let s): "unrecognised file: \(s)"
        case .noFields: "the record has no readable field"
        case .noTitle: "the record has no title"
        }
    }

    /// A stable key per case, for messages in the reader's language.
    public var code: String {
        switch self {
        case .truncated: "truncated"
        case .invalidLength: "invalid_length"
        case .invalidLeader: "invalid_leader"
        case .invalidBaseAddress: "invalid_base_address"
        case .brokenDirectory: "broken_directory"
        case .fieldOutOfBounds: "field_out_of_bounds"
        case .missingFieldTerminator: "missing_field_terminator"
        case .missingRecordTerminator: "missing_record_terminator"
        case .invalidIndicator: "invalid_indicator"
        case .invalidSubfieldCode: "invalid_subfield_code"
        case .invalidTag: "invalid_tag"
        case .xml: "xml"
        case .unrecognised: "unrecognised"
        case .noFields: "no_fields"
        case .noTitle: "no_title"
        }
    }
}
