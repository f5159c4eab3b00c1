import Foundation

/// Locale-aware formatting of numbers and dates, independent of the host's ICU data.
public enum Formats {
    /// Groups thousands: «12 345» in Russian and Kazakh (narrow no-break space), «12,345» in English.
    public static func number(_ value: Int, _ lang: Lang) -> String {
        let digits = String(abs(value))
        let separator = lang == .en ? "," : "\u{202F}"
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return value < 0 ? "−" + out : out
    }

    /// A decimal number with the language's decimal mark (comma in Russian and Kazakh).
    public static func decimal(_ value: Double, fractionDigits: Int, _ lang: Lang) -> String {
        let text = String(format: "%.\(fractionDigits)f", value)
        return lang == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A calendar date given as `yyyy-MM-dd`: «05.03.2024» (ru, kk) or «5 Mar 2024» (en).
    public static func date(_ iso: String?, _ lang: Lang) -> String {
        guard let iso, let day = LocalDate(iso) else { return "" }
        switch lang {
        case .ru, .kk:
            return String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
        case .en:
            return "\(day.day) \(englishMonths[day.month - 1]) \(day.year)"
        }
    }

    /// A moment in the library's time zone, with minutes.
    public static func dateTime(_ date: Date?, _ lang: Lang, timeZone: TimeZone) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        return Formats.date(day.iso, lang) + String(format: ", %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
