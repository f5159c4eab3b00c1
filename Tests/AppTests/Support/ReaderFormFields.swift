import Foundation

@testable import KnigonoshaApp

/// Form fields of a valid reader, as a browser would post them.
enum ReaderFormFields {
    static func valid(branch: Branch, card: String? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("family_name", "Абенова"), ("given_name", "Гульжан"), ("patronymic", "Маратовна"), ("birth_date", "1950-03-25"),
            ("branch_id", branch.id!.uuidString), ("phone_label[]", "mobile"), ("phone_number[]", "8 701 234-56-78"),
            ("phone_label[]", "home"), ("phone_number[]", ""), ("settlement", "Семей"), ("street", "ул. Шакарима"),
            ("building", "25"), ("apartment", "12"), ("floor", "5"), ("has_lift", "no"), ("latitude", "50,4265"),
            ("longitude", "80.2461"), ("disability_group", "group2"), ("needs[]", "wheelchair"), ("formats[]", "large_print"),
            ("languages[]", "kk"), ("languages[]", "ru"), ("subjects", "Поэзия\nКраеведение"), ("items_per_visit", "3"),
            ("frequency", "biweekly"), ("weekdays[]", "tue"), ("status", "active"), ("registered_on", "2024-02-01"),
            ("consent_date", "2024-02-01"), ("consent_signed_by", "reader"),
        ]
        if let card { fields.append(("card_number", card)) }
        return fields
    }

    /// The valid fields with one field replaced (or removed when `value` is nil).
    static func with(_ base: [(String, String)], _ name: String, _ value: String?) -> [(String, String)] {
        var out = base.filter { $0.0 != name }
        if let value { out.append((name, value)) }
        return out
    }
}
