import Fluent
import Foundation
import Vapor

/// Stores the readers of a library system's export, all of them or none. Every row passes the
/// reader form's own rules; one row that fails stops the whole file, and every failing cell is
/// reported with its row and column, so the person fixes the file once and loads it again.
///
/// A reader new here arrives «awaiting consent» (`ReaderStatus.pending`): the library system's
/// registration consent does not cover home delivery by carriers, so no visit is planned until the
/// coordinator records the home service's own consent.
enum ReaderImport {
    /// A library's home-service readers are hundreds; the limit bounds how long one import holds
    /// the database's write lock (all or nothing is one transaction).
    static let maxRows = 5_000

    struct Options: Sendable {
        /// For the rows with no branch column, or an empty cell.
        var branchID: UUID?
        /// For the rows whose address has no settlement: most libraries serve one town.
        var settlement: String?
        /// Readers already here (by card number) take the file's values; otherwise they are left as they are.
        var updateExisting = false
    }

    enum Result: String, Sendable {
        case created, updated, unchanged
        var labelKey: String {
            switch self {
            case .created: "reader_import.result_created"
            case .updated: "reader_import.result_updated"
            case .unchanged: "reader_import.result_unchanged"
            }
        }
    }

    struct Problem: Sendable, Equatable {
        init(row: Int, column: String, position: Int, field: String, message: Message, value: String) {
            self.row = row
            self.column = column
            self.position = position
            self.field = field
            self.message = message
            self.value = ReaderImportColumns.shown(value)
        }

        let row: Int
        /// The header as the file wrote it, or the field's name when no column holds it.
        let column: String
        /// The column's place in the file: a row's problems are listed left to right.
        let position: Int
        let field: String
        let message: Message
        let value: String
    }

    struct Done: Sendable {
        let id: UUID?
        let card: String
        let name: String
        let result: Result
    }

    struct Outcome: Sendable {
        var rows = 0
        var done: [Done] = []
        var problems: [Problem] = []
        var failure: String?
        var stored: Bool { failure == nil && problems.isEmpty }
        func count(_ r: Result) -> Int { stored ? done.filter { $0.result == r }.count : 0 }
    }

    static func run(
        _ file: ReaderFile, options: Options, user: CurrentUser, today: LocalDate, channel: String, route: String? = nil,
        on db: any Database
    ) async throws -> Outcome {
        var out = Outcome()
        if let failure = file.failure {
            out.failure = failure
            return out
        }
        out.rows = file.rows.count
        guard file.rows.count <= maxRows else {
            out.failure = "too_many_rows"
            return out
        }
        let branches = try await BranchNames(on: db)
        let existing = try await ReaderLookup.byCard(Set(file.rows.compactMap { $0.cells[.card] }), full: options.updateExisting, on: db)
        var seen: [String: Int] = [:]
        var creates: [ReaderRecord] = []
        var updates: [(Reader, ReaderRecord, ReaderRecord)] = []
        for row in file.rows {
            let problemsBefore = out.problems.count
            func problem(_ column: ReaderFile.Column?, _ field: String, _ raw: Message) {
                let message = ReaderImportColumns.message(raw, field: field, column: column)
                let header = column.flatMap { file.columns[$0] } ?? field
                // One message a cell: an unreadable address is not also «house required», and an
                // empty «ФИО» is not reported once for the family name and again for the given one.
                if out.problems[problemsBefore...].contains(where: { $0.field == field || $0.column == header }) {
                    return
                }
                out.problems.append(
                    .init(
                        row: row.row, column: header, position: column.flatMap { file.positions[$0] } ?? Int.max, field: field,
                        message: message, value: column.flatMap { row.cells[$0] } ?? ""))
            }
            let card = row.cells[.card] ?? ""
            if !card.isEmpty, let first = seen[card] {
                problem(.card, "card_number", Message("reader_import.duplicate_card", ["row": String(first)]))
                continue
            }
            seen[card] = row.row
            let old = existing[card]
            if old?.removedAs != nil {
                // A removed reader's pseudonym: nothing is written back into the emptied row.
                problem(.card, "card_number", Message("reader_import.card_removed"))
                continue
            }
            if let old, !user.canAccess(branchID: old.$branch.id) {
                // Another branch's reader: a coordinator neither sees nor changes them (94-V).
                problem(.card, "card_number", Message("reader_import.card_other_branch"))
                continue
            }
            if old != nil && !options.updateExisting {
                out.done.append(.init(id: old?.id, card: card, name: old.map(Self.name) ?? "", result: .unchanged))
                continue
            }
            var p = old.map { ReaderPayload(ReaderStore.record(of: $0)) } ?? newPayload(options)
            let before = p.phones ?? []
            for (column, field, key) in ReaderRowMapping.apply(row.cells, to: &p) { problem(column, field, Message(key)) }
            if let old {
                p.phones = PhoneMerge.merge(before, p.phones ?? [])
                // A reader who moved: the old map point, entrance, floor, intercom and lift belong
                // to the old address, and a route planned on them would go there.
                if (p.settlement, p.street, p.building) != (old.settlement, old.street, old.building) {
                    (p.latitude, p.longitude, p.entrance, p.floor, p.intercom, p.has_lift) = (nil, nil, nil, nil, nil, nil)
                    let flatGiven = row.cells[.apartment] != nil || row.cells[.address].flatMap { AddressParts($0).apartment } != nil
                    if !flatGiven { p.apartment = nil }
                }
            }
            if let name = row.cells[.branch] {
                if let id = branches.find(name) { p.branch_id = id } else { problem(.branch, "branch_id", Message("reader_import.unknown_branch")) }
            }
            let validator = ReaderValidator(user: user, today: today, db: db, readerID: old?.id)
            let (record, errors) = try await validator.validate(p)
            for item in errors.items { problem(ReaderImportColumns.column(for: item.field, in: file), item.field, item.message) }
            out.problems[problemsBefore...].sort { $0.position < $1.position }
            guard let record, out.problems.count == problemsBefore else { continue }
            if let old {
                let was = ReaderStore.record(of: old)
                let changed = was.snapshot.map { $0.1 } != record.snapshot.map { $0.1 }
                if changed { updates.append((old, was, record)) }
                out.done.append(.init(id: old.id, card: card, name: Self.name(old), result: changed ? .updated : .unchanged))
            } else {
                creates.append(record)
                out.done.append(.init(id: nil, card: card, name: "\(record.family_name) \(record.given_name)", result: .created))
            }
        }
        guard out.problems.isEmpty else { return out }
        let ids = try await store(creates, updates, user: user, channel: channel, route: route, on: db)
        // The created readers' ids, in the file's order, for the links on the result page.
        var next = ids.makeIterator()
        out.done = out.done.map { $0.result == .created ? Done(id: next.next(), card: $0.card, name: $0.name, result: .created) : $0 }
        return out
    }

    private static func newPayload(_ options: Options) -> ReaderPayload {
        var p = ReaderPayload()
        p.branch_id = options.branchID
        p.settlement = options.settlement
        p.status = ReaderStatus.pending.rawValue
        return p
    }

    private static func store(
        _ creates: [ReaderRecord], _ updates: [(Reader, ReaderRecord, ReaderRecord)], user: CurrentUser, channel: String,
        route: String?, on db: any Database
    ) async throws -> [UUID] {
        try await db.transaction { tx in
            var ids: [UUID] = []
            for record in creates {
                let reader = try await ReaderStore.create(record, by: user, on: tx)
                ids.append(reader.id!)
                try await AuditEntry(.create, "reader", reader.id, userID: user.id, channel: channel, route: route).create(on: tx)
            }
            for (reader, was, record) in updates {
                try await ReaderStore.update(reader, from: was, to: record, by: user, on: tx)
                try await AuditEntry(.update, "reader", reader.id, userID: user.id, channel: channel, route: route).create(on: tx)
            }
            return ids
        }
    }

    private static func name(_ r: Reader) -> String { "\(r.familyName) \(r.givenName)" }
}
