import Foundation

/// Why copies missing from an export were left as they are.
struct WithdrawalHeld: Codable, Sendable, Equatable {
    enum Reason: String, Codable, Sendable { case unreadable, tooMany = "too_many" }
    let reason: Reason
    /// Copies missing from the export.
    let absent: Int
    /// Records or rows that could not be read (`unreadable`), or the system's copies here (`tooMany`).
    let of: Int

    var english: String {
        switch reason {
        case .unreadable: "\(absent) copies are missing from the export, but \(of) records or rows could not be read: none was withdrawn"
        case .tooMany: "\(absent) of \(of) copies are missing from the export: none was withdrawn (run again with --force if that is right)"
        }
    }
}

/// A sync's report: counts, and one entry a change, conflicts first, in the order a person acts
/// on them. Stored as JSON so that the import page can show it in the reader's language.
struct SyncReport: Codable, Sendable, Equatable {
    struct Counts: Codable, Sendable, Equatable {
        var recordsNew = 0
        var recordsReread = 0
        var skipped = 0
        var copiesNew = 0
        var changed = 0
        var withdrawn = 0
        var conflicts = 0
    }

    struct Entry: Codable, Sendable, Equatable {
        enum Kind: String, Codable, Sendable { case conflict, moved, changed, withdrawn, unknown, unmatched, skipped }
        var kind: Kind
        /// The copy's inventory number, or the record's or row's number for `skipped`.
        var copy: String
        var from: String? = nil
        var to: String? = nil
    }

    var counts = Counts()
    var held: WithdrawalHeld?
    var entries: [Entry] = []

    init(_ s: ImportSummary, held: WithdrawalHeld?) {
        let c = s.copies
        counts = Counts(
            recordsNew: s.imported, recordsReread: s.updated, skipped: s.skipped, copiesNew: c.added, changed: c.changes.count,
            withdrawn: c.withdrawn.count, conflicts: c.conflicts.count)
        self.held = held
        entries += c.conflicts.map { Entry(kind: .conflict, copy: $0.inventory, from: $0.local, to: $0.ils) }
        entries += c.moved.map { Entry(kind: .moved, copy: $0.inventory, from: $0.from, to: $0.to) }
        entries += c.changes.map { Entry(kind: .changed, copy: $0.inventory, from: $0.from, to: $0.to) }
        entries += c.withdrawn.map { Entry(kind: .withdrawn, copy: $0) }
        entries += c.unknown.map { Entry(kind: .unknown, copy: $0.inventory, to: $0.raw) }
        entries += c.unmatched.map { Entry(kind: .unmatched, copy: $0) }
        entries += s.issues.map { Entry(kind: .skipped, copy: String($0.number), to: $0.reason) }
    }

    var headline: String {
        "records: \(counts.recordsNew) new, \(counts.recordsReread) re-read, \(counts.skipped) skipped; copies: \(counts.copiesNew) new, "
            + "\(counts.changed) changed, \(counts.withdrawn) withdrawn, \(counts.conflicts) conflicts"
    }

    /// The report as the command prints it.
    var lines: [String] {
        var out = [headline]
        if let held { out.append("held: \(held.english)") }
        for e in entries {
            switch e.kind {
            case .conflict: out.append("conflict: copy \(e.copy) is \(e.from ?? "") here, the library system says \(e.to ?? ""); left as it is")
            case .moved: out.append("moved: copy \(e.copy) from record \(e.from ?? "") to record \(e.to ?? ""); is the title there twice?")
            case .changed: out.append("changed: copy \(e.copy) \(e.from ?? "") → \(e.to ?? "")")
            case .withdrawn: out.append("withdrawn: copy \(e.copy) has left the export")
            case .unknown: out.append("unknown status: copy \(e.copy) «\(e.to ?? "")», kept as it was")
            case .unmatched: out.append("no such copy: \(e.copy)")
            case .skipped: out.append("skipped: record \(e.copy): \(e.to ?? "")")
            }
        }
        return out
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }

    static func decode(_ text: String) -> SyncReport? { try? JSONDecoder().decode(SyncReport.self, from: Data(text.utf8)) }
}
