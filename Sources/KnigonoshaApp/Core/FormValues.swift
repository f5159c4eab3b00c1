import Foundation

/// Values typed into web form fields, read once with their error at the field.
extension FieldErrors {
    /// A whole number; an empty field is nil, anything else that is not a number is an error.
    mutating func wholeNumber(_ raw: String?, _ field: String) -> Int? {
        guard let t = raw?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        guard let n = Int(t) else {
            add(field, "validation.whole_number")
            return nil
        }
        return n
    }

    /// A record chosen from a list; an empty choice is nil, an unreadable one is an error.
    mutating func optionalID(_ raw: String?, _ field: String) -> UUID? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            add(field, "validation.choice")
            return nil
        }
        return id
    }
}
