import MARCKit

/// How a copy's status here follows the library's own system (issue 14, §3). The system's export
/// is the truth about the shelf; this service's own holds (a reservation for a visit, a loan
/// issued by a carrier) are the truth about what it did. Where they disagree nothing is
/// overwritten: the import reports a conflict for a person to settle.
enum ILSStatusRule {
    enum Decision: Equatable {
        case set(CopyStatus)
        case keep
        /// The copy is held here, and the system says it cannot be.
        case conflict
    }

    /// - Parameters:
    ///   - ils: the status in the export; nil when the export does not say (852 alone, 899).
    ///   - current: the copy's status here; nil for a copy the import creates.
    ///   - loanedHere: the copy has an open loan issued through this service.
    ///   - absentBefore: a sync withdrew the copy because it had left the export.
    static func decide(ils: HoldingStatus?, current: CopyStatus?, loanedHere: Bool, absentBefore: Bool) -> Decision {
        let mapped = ils.flatMap(local)
        guard let current else { return .set(mapped ?? .available) }
        if current == .reserved || loanedHere {
            switch mapped {
            case nil, .available: return .keep
            // The system shows this service's own loan once the loans export has gone back to it.
            case .onLoan where loanedHere: return .keep
            default: return .conflict
            }
        }
        if let mapped { return mapped == current ? .keep : .set(mapped) }
        // Back in the export after a sync withdrew it, with no status given: on the shelf again.
        if absentBefore && current == .withdrawn { return .set(.available) }
        return .keep
    }

    /// The status here for a status of the system; nil for one no mapping knows, which leaves
    /// the copy as it is (a new copy is taken as available) and is reported.
    static func local(_ s: HoldingStatus) -> CopyStatus? {
        switch s {
        case .available: .available
        case .onLoan: .onLoan
        case .lost: .lost
        case .withdrawn: .withdrawn
        case .damaged: .damaged
        case .notForLoan: .notForLoan
        case .unknown: nil
        }
    }
}

/// What an import or a sync did to copies, for its report.
struct CopyChanges: Sendable, Equatable {
    struct Change: Sendable, Equatable {
        let inventory: String
        let from: String
        let to: String
    }
    struct Conflict: Sendable, Equatable {
        let inventory: String
        /// The copy's status here (reserved, on_loan).
        let local: String
        /// The system's status («lost», «absent» for a copy that left the export).
        let ils: String
    }

    var added = 0
    var changes: [Change] = []
    var conflicts: [Conflict] = []
    /// Copies whose export status no mapping knows, with the status as written.
    var unknown: [(inventory: String, raw: String)] = []
    /// Holdings CSV rows that match no copy here (a CSV row has no record to add a copy to).
    var unmatched: [String] = []
    /// Copies withdrawn because they left the export (a sync only).
    var withdrawn: [String] = []
    /// Copies the export lists under another record than before (record ids from → to).
    var moved: [Change] = []

    static func == (a: CopyChanges, b: CopyChanges) -> Bool {
        a.added == b.added && a.changes == b.changes && a.conflicts == b.conflicts && a.unknown.map(\.inventory) == b.unknown.map(\.inventory)
    }

    /// Nothing was seen at all: no copy added, changed, withdrawn or in conflict.
    var isEmpty: Bool { added == 0 && changes.isEmpty && conflicts.isEmpty && withdrawn.isEmpty && seen == 0 }
    /// Copies the export listed that were here already.
    var seen = 0

    mutating func merge(_ other: CopyChanges) {
        added += other.added
        seen += other.seen
        changes += other.changes
        conflicts += other.conflicts
        unknown += other.unknown
        unmatched += other.unmatched
        withdrawn += other.withdrawn
        moved += other.moved
    }
}
