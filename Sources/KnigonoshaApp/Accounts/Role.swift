/// What an account may do.
public enum Role: String, Codable, CaseIterable, Sendable {
    /// Everything, in every branch.
    case admin
    /// Their branch's readers and work.
    case coordinator
    /// Only their own runs.
    case carrier

    /// Roles allowed to see and edit readers' records.
    static let readerStaff: Set<Role> = [.admin, .coordinator]
}
