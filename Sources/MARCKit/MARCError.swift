/// Why a record could not be read. Every case names a structural problem of ISO 2709; none of them
/// stops the reader, which skips the record and goes on with the next one.
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
        }
    }
}
