import Foundation
import TextKit

/// Turns one row of a library system's reader export into what the reader form would send, so
/// that the form's own rules (`ReaderValidator`) judge it. Whatever cannot be read is left for
/// those rules to refuse, never guessed.
enum ReaderRowMapping {
    /// The fields of `ReaderPayload` a row's cells fill in, and the cells' problems that are not
    /// the validator's to find (a disability group it cannot name, an address with no house).
    static func apply(_ cells: [ReaderFile.Column: String], to p: inout ReaderPayload) -> [(ReaderFile.Column, String, String)] {
        var problems: [(ReaderFile.Column, String, String)] = []
        if let v = cells[.card] { p.card_number = v }
        if let full = cells[.fullName] {
            let words = full.split(whereSeparator: \.isWhitespace).map(String.init)
            // Фамилия Имя Отчество is the order every library system in Kazakhstan writes a name in.
            p.family_name = words.first
            p.given_name = words.count > 1 ? words[1] : nil
            // Many systems keep «Фамилия Имя» only: a patronymic already here is then kept.
            if words.count > 2 { p.patronymic = words[2...].joined(separator: " ") }
        }
        if let v = cells[.familyName] { p.family_name = v }
        if let v = cells[.givenName] { p.given_name = v }
        if let v = cells[.patronymic] { p.patronymic = v }
        if let v = cells[.birthDate] { p.birth_date = HistoryFile.date(v, earliestSerial: 61)?.iso ?? v }
        if let v = cells[.registeredOn] { p.registered_on = HistoryFile.date(v, earliestSerial: 61)?.iso ?? v }
        if let v = cells[.phone] { p.phones = phones(v) }
        if let v = cells[.address] {
            let parts = AddressParts(v)
            p.settlement = parts.settlement ?? p.settlement
            p.street = parts.street
            p.building = parts.building
            // A flat the line does not name is cleared by the import when the reader moved.
            p.apartment = parts.apartment ?? p.apartment
            if parts.building == nil && cells[.building] == nil { problems.append((.address, "building", "reader_import.address_unreadable")) }
        }
        if let v = cells[.settlement] { p.settlement = v }
        if let v = cells[.street] { p.street = v }
        if let v = cells[.building] { p.building = v }
        if let v = cells[.apartment] { p.apartment = v }
        if let v = cells[.disability] {
            if let group = disability(v) {
                p.disability_group = group
            } else {
                problems.append((.disability, "disability_group", "reader_import.disability_unknown"))
            }
        }
        if let v = cells[.notes] { p.notes = v }
        return problems
    }

    /// Several numbers in one cell, as «87051234567, 8 (7222) 52-11-00» or with «;».
    static func phones(_ cell: String) -> [PhoneEntry] {
        cell.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { number in
                // Kazakhstan's mobile operators' codes; the rest (7222 Семей, 7232 Өскемен…) are
                // landlines, at home for a reader.
                let mobile = PhoneNumber(parsing: number).map { mobileCodes.contains(String($0.e164.dropFirst(2).prefix(3))) } ?? true
                return PhoneEntry(label: mobile ? PhoneLabel.mobile.rawValue : PhoneLabel.home.rawValue, number: number)
            }
    }

    static let mobileCodes: Set<String> = [
        "700", "701", "702", "705", "706", "707", "708", "747", "750", "751", "760", "761", "762", "763", "764", "771", "775", "776",
        "777", "778",
    ]

    /// «I группа», «2», «II топ», «вторая», «ребёнок-инвалид», «нет». Nil for anything else.
    static func disability(_ cell: String) -> String? {
        let v = cell.lowercased().replacingOccurrences(of: "ё", with: "е")
        if ["ребен", "дет", "бала", "child"].contains(where: v.contains) { return DisabilityGroup.child.rawValue }
        if DisabilityGroup(rawValue: v) != nil { return v }
        let word = v.replacingOccurrences(of: "группа", with: "").replacingOccurrences(of: "топ", with: "")
            .replacingOccurrences(of: "group", with: "").replacingOccurrences(of: "-", with: "").trimmingCharacters(in: .whitespaces)
        switch word {
        case "1", "i", "первая", "бірінші": return DisabilityGroup.group1.rawValue
        case "2", "ii", "вторая", "екінші": return DisabilityGroup.group2.rawValue
        case "3", "iii", "третья", "үшінші": return DisabilityGroup.group3.rawValue
        case "", "нет", "жоқ", "none", "no": return DisabilityGroup.none.rawValue
        default: return nil
        }
    }
}
