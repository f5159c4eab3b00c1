import Fluent
import Foundation
import MARCKit

/// Issues and returns made through this service, for the library's own system (issue 14, §3):
/// loaded into the ILS, they make the library's circulation figures include the home service.
/// A loan counts in the period it was issued in, and its return in the period it came back in;
/// a loan ended as lost has no return and is told to the ILS through the copy's status instead.
enum CirculationExport {
    struct Event: Sendable, Equatable {
        enum Kind: String, Sendable { case issue, `return` }
        let kind: Kind
        let date: String
        let inventory: String
        let barcode: String?
        let branchCode: String?
        let shelfMark: String?
        /// The reader's card number: the key the ILS knows the reader by.
        let readerCard: String
        let dueOn: String
        let isbn: String?
        /// The record's 001 and 003 as imported, when it had them.
        let controlNumber: String?
        let controlOrganisation: String?
        let title: String
        /// Whether the copy is still out through this service after the period.
        let outAtEnd: Bool
    }

    static let columns = [
        "event", "date", "inventory_number", "barcode", "branch", "reader_card", "due_date", "isbn", "control_number", "title",
    ]

    /// The period's events, in date order (issues before returns on one day), for the readers of
    /// one branch or of the whole library.
    static func load(_ scope: StatsScope, on db: any Database) async throws -> [Event] {
        let from = scope.from.iso
        let to = scope.to.iso
        var query = Loan.query(on: db).join(Reader.self, on: \Loan.$reader.$id == \Reader.$id)
            .group(.or) { or in
                or.group(.and) { $0.filter(\.$issuedOn >= from).filter(\.$issuedOn <= to) }
                or.group(.and) { $0.filter(\.$returnedOn >= from).filter(\.$returnedOn <= to) }
            }
            .with(\.$reader).with(\.$bib).with(\.$copy) { $0.with(\.$branch) }
        if let branch = scope.branchID { query = query.filter(Reader.self, \.$branch.$id == branch) }
        var events: [Event] = []
        for loan in try await query.all() {
            let copy = loan.copy
            let control = Self.control(loan.bib.matchKey)
            func event(_ kind: Event.Kind, _ date: String) -> Event {
                Event(
                    kind: kind, date: date, inventory: copy.inventoryNumber, barcode: copy.barcode, branchCode: copy.branch?.code,
                    shelfMark: copy.shelfMark, readerCard: loan.reader.cardNumber, dueOn: loan.dueOn,
                    isbn: loan.bib.isbns.split(separator: " ").first.map(String.init), controlNumber: control?.number,
                    controlOrganisation: control?.organisation, title: loan.bib.title,
                    outAtEnd: loan.returnedOn.map { $0 > to } ?? (loan.loanStatus == .onLoan))
            }
            if loan.issuedOn >= from && loan.issuedOn <= to { events.append(event(.issue, loan.issuedOn)) }
            if let back = loan.returnedOn, back >= from, back <= to { events.append(event(.return, back)) }
        }
        return events.sorted { ($0.date, $0.kind == .issue ? 0 : 1, $0.inventory) < ($1.date, $1.kind == .issue ? 0 : 1, $1.inventory) }
    }

    /// 001 and 003 from a record's match key («ctl:ORG:NUMBER»); nil for records matched otherwise.
    static func control(_ matchKey: String) -> (organisation: String?, number: String)? {
        guard matchKey.hasPrefix("ctl:") else { return nil }
        let rest = matchKey.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let org = String(rest[..<colon])
        return (org.isEmpty ? nil : org, String(rest[rest.index(after: colon)...]))
    }

    /// One row an event; UTF-8 with a byte-order mark, for spreadsheets and ILS loaders alike.
    static func csv(_ events: [Event], separator: Character = ",") -> String {
        var out = "\u{FEFF}" + CSV.line(columns, separator: separator)
        for e in events {
            out += CSV.line(
                [
                    e.kind.rawValue, e.date, e.inventory, e.barcode ?? "", e.branchCode ?? "", e.readerCard, e.dueOn, e.isbn ?? "",
                    e.controlNumber ?? "", e.title,
                ], separator: separator)
        }
        return out
    }

    /// MARC 21 holdings records (leader/06 «x»), one a copy with events in the period: 004 links
    /// the ILS's bibliographic record, 852 the location, 876 the item with its status after the
    /// period in $j («on loan» or «available», the words 876 $j readers use) and the period's
    /// issues and returns in $x.
    static func marc(_ events: [Event], scope: StatsScope) -> [UInt8] {
        var byCopy: [String: [Event]] = [:]
        for e in events { byCopy[e.inventory, default: []].append(e) }
        var out: [UInt8] = []
        for inventory in byCopy.keys.sorted() {
            let list = byCopy[inventory]!
            let last = list.last!
            var fields = [MARCField(tag: "001", value: inventory)]
            if let org = last.controlOrganisation { fields.append(MARCField(tag: "003", value: org)) }
            if let number = last.controlNumber { fields.append(MARCField(tag: "004", value: number)) }
            var location: [MARCSubfield] = []
            if let b = last.branchCode { location.append(MARCSubfield("b", b)) }
            if let h = last.shelfMark { location.append(MARCSubfield("h", h)) }
            if let p = last.barcode { location.append(MARCSubfield("p", p)) }
            fields.append(MARCField(tag: "852", indicator1: " ", indicator2: " ", subfields: location))
            let issues = list.filter { $0.kind == .issue }.count
            let returns = list.count - issues
            var item = [MARCSubfield("a", inventory)]
            if let p = last.barcode { item.append(MARCSubfield("p", p)) }
            item.append(MARCSubfield("j", last.outAtEnd ? "on loan" : "available"))
            item.append(
                MARCSubfield("x", "Knigonosha \(scope.from.iso)–\(scope.to.iso): \(issues) issued, \(returns) returned"))
            if last.outAtEnd { item.append(MARCSubfield("x", "due \(last.dueOn)")) }
            fields.append(MARCField(tag: "876", indicator1: " ", indicator2: " ", subfields: item))
            out += ISO2709Writer.encode(MARCRecord(leader: "00000nx  a22000003n 4500", fields: fields))
        }
        return out
    }

    static func fileName(_ scope: StatsScope, _ ext: String) -> String { "circulation-\(scope.from.iso)-\(scope.to.iso).\(ext)" }
}
