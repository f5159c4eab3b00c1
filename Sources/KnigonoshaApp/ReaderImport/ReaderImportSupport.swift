import Fluent
import Foundation
import TextKit

extension ReaderPayload {
    /// A stored reader as the form would send it back unchanged: the two types share their wire
    /// names, so one encoding carries every field and a new field needs no line here.
    init(_ record: ReaderRecord) {
        let data = (try? JSONEncoder().encode(record)) ?? Data("{}".utf8)
        self = (try? JSONDecoder().decode(ReaderPayload.self, from: data)) ?? ReaderPayload()
    }
}

/// Branches by their code or either name, as a library system's export writes them.
struct BranchNames {
    private var ids: [String: UUID] = [:]

    init(on db: any Database) async throws {
        for b in try await Branch.query(on: db).all() {
            guard let id = b.id else { continue }
            for name in [b.code, b.nameRu, b.nameKk] { ids[Self.key(name)] = id }
        }
    }

    func find(_ name: String) -> UUID? { ids[Self.key(name)] }

    private static func key(_ s: String) -> String { SearchFolding.fold(s.trimmingCharacters(in: .whitespaces)) }
}

enum ReaderLookup {
    /// The readers with these card numbers; with `full`, with everything their record needs (to
    /// update them), else only the reader rows (to list them as already here).
    static func byCard(_ cards: Set<String>, full: Bool, on db: any Database) async throws -> [String: Reader] {
        var out: [String: Reader] = [:]
        for chunk in Array(cards).chunked(500) {
            let query = Reader.query(on: db).filter(\.$cardNumber ~~ Array(chunk))
            if full { query.with(\.$phones).with(\.$tags).with(\.$branch) }
            for r in try await query.all() {
                out[r.cardNumber] = r
            }
        }
        return out
    }
}

enum PhoneMerge {
    /// The reader's phones with the file's new numbers added after them: a number a coordinator
    /// typed is never dropped because the library system does not know it.
    static func merge(_ kept: [PhoneEntry], _ file: [PhoneEntry]) -> [PhoneEntry] {
        func key(_ e: PhoneEntry) -> String { PhoneNumber(parsing: e.number ?? "")?.e164 ?? (e.number ?? "") }
        var known = Set(kept.map(key))
        return kept + file.filter { known.insert(key($0)).inserted }
    }
}

enum ReaderImportColumns {
    /// The form's message, said the way a file needs it: a one-line address missing its town or
    /// house is a problem of the address, and a date is not asked for in the form's ISO format.
    static func message(_ m: Message, field: String, column: ReaderFile.Column?) -> Message {
        switch (m.key, field, column) {
        case ("validation.required", "settlement", .address?): Message("reader_import.no_settlement")
        case ("validation.required", "street", .address?), ("validation.required", "building", .address?):
            Message("reader_import.address_unreadable")
        case ("validation.required", "given_name", .fullName?): Message("reader_import.no_given_name")
        case ("validation.date", _, _), ("validation.too_long", "birth_date", _), ("validation.too_long", "registered_on", _):
            Message("reader_import.bad_date")
        default: m
        }
    }

    /// A cell as the error table shows it: 100 characters, control characters as «�».
    static func shown(_ value: String) -> String {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
        return clean.count > 100 ? String(clean.prefix(100)) + "…" : clean
    }

    /// The column that holds a payload field, for the error's «column» cell.
    static func column(for field: String, in file: ReaderFile) -> ReaderFile.Column? {
        let candidates: [ReaderFile.Column]
        switch field {
        case "card_number": candidates = [.card]
        case "family_name", "given_name", "patronymic": candidates = [ReaderFile.Column(rawValue: camel(field))!, .fullName]
        case "birth_date": candidates = [.birthDate]
        case "branch_id": candidates = [.branch]
        case "settlement", "street", "building", "apartment": candidates = [ReaderFile.Column(rawValue: field)!, .address]
        case "disability_group": candidates = [.disability]
        case "registered_on": candidates = [.registeredOn]
        case "notes": candidates = [.notes]
        case let f where f.hasPrefix("phones"): candidates = [.phone]
        default: candidates = []
        }
        return candidates.first { file.columns[$0] != nil }
    }

    private static func camel(_ s: String) -> String {
        let parts = s.split(separator: "_")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
