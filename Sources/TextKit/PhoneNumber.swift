import Foundation

/// A Kazakhstan phone number in its stored form, `+7` followed by ten digits.
///
/// People write the same number as `8 701 234 56 78`, `+7 (701) 234-56-78` or
/// `87012345678`; all of them normalise to `+77012345678`.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits after the country code.
    public let nationalDigits: String

    /// Parses a phone number, accepting spaces, dashes, dots and brackets.
    /// Returns `nil` when the text is not a Kazakhstan (+7) number with ten national digits.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var digits = ""
        for (index, ch) in trimmed.enumerated() {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else if ch == "+" && index == 0 {
                continue
            } else if " -().\u{00A0}".contains(ch) {
                continue
            } else {
                return nil
            }
        }
        let hasPlus = trimmed.hasPrefix("+")
        switch digits.count {
        case 11 where digits.hasPrefix("7"):
            nationalDigits = String(digits.dropFirst())
        case 11 where digits.hasPrefix("8") && !hasPlus:
            nationalDigits = String(digits.dropFirst())
        case 10 where !hasPlus:
            nationalDigits = digits
        default:
            return nil
        }
        // Kazakhstan numbers start with 6 or 7 (mobile 70x/74x/77x, landlines 71x–72x).
        guard let first = nationalDigits.first, first == "6" || first == "7" else { return nil }
    }

    /// The normalised form stored in the database: `+7XXXXXXXXXX`.
    public var e164: String { "+7" + nationalDigits }

    /// A readable form, grouped as the number is said: a mobile or Almaty's 3-digit area code
    /// `+7 701 234 56 78`, `+7 727 234 56 78`; another city's 4-digit area code keeps together,
    /// `+7 7222 52 33 44` (Semey), not `+7 722 252 33 44`. (Rural 5-digit codes show as 4 + 6.)
    public var display: String {
        let d = Array(nationalDigits)
        func part(_ r: Range<Int>) -> String { String(d[r]) }
        let landline = d[0] == "7" && (d[1] == "1" || d[1] == "2")
        if landline && part(0..<3) != "727" {
            return "+7 \(part(0..<4)) \(part(4..<6)) \(part(6..<8)) \(part(8..<10))"
        }
        return "+7 \(part(0..<3)) \(part(3..<6)) \(part(6..<8)) \(part(8..<10))"
    }

    public var description: String { e164 }
}
