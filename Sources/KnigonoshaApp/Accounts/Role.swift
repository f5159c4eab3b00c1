/// What an account may do.
public enum Role: String, Codable, CaseIterable, Sendable {
    /// Everything, in every branch.
    case admin
    /// Their branch's readers and work.
    case coordinator
    /// Only their own runs.
    case carrier
    /// Library management: reads and exports the statistics, events and projects of every
    /// branch, and sees no reader's record.
    case management

    /// Roles allowed to see and edit readers' records.
    static let readerStaff: Set<Role> = [.admin, .coordinator]
    /// Roles that read the statistics, the events and the projects.
    static let reportReaders: Set<Role> = [.admin, .coordinator, .management]
}
