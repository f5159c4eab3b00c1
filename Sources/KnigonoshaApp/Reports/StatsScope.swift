import Foundation

/// What a statistics figure covers: a period, and one branch or the whole library.
struct StatsScope: Sendable, Equatable {
    var from: LocalDate
    var to: LocalDate
    var branchID: UUID?

    /// The day overdue loans are counted on: the period's end, or today while it runs.
    func asOf(today: LocalDate) -> LocalDate { to < today ? to : today }

    /// The months a period touches, as `yyyy-MM`, in order; at most the first 36.
    static func monthKeys(from: LocalDate, to: LocalDate) -> [String] {
        var keys: [String] = []
        var m = LocalDate(year: from.year, month: from.month, day: 1)
        while m <= to && keys.count < 36 {
            keys.append(String(m.iso.prefix(7)))
            m = LocalDate(m.schedulingDay.adding(months: 1))
        }
        return keys
    }
}

/// The age bands the delivery statistics count readers in, by age on the period's last day.
enum AgeBand: String, LabeledCode {
    case upTo14 = "0_14", youth = "15_30", adults = "31_59", elderly = "60_plus", unknown
    static let labelPrefix = "age_band"

    init(birthDate: String?, on day: LocalDate) {
        guard let b = birthDate.flatMap(LocalDate.init) else {
            self = .unknown
            return
        }
        let age = b.years(until: day)
        switch age {
        case ..<0: self = .unknown
        case 0...14: self = .upTo14
        case 15...30: self = .youth
        case 31...59: self = .adults
        default: self = .elderly
        }
    }
}

/// How a visit that did not happen is counted: by its outcome, and a cancellation by its reason.
enum VisitFailure {
    static let codes = ["no_answer"] + CancelReason.allCases.map { "cancelled_" + $0.rawValue } + ["rescheduled"]

    static func code(status: String, reason: String?) -> String? {
        switch status {
        case VisitStatus.noAnswer.rawValue: "no_answer"
        case VisitStatus.cancelled.rawValue: "cancelled_" + (reason.flatMap(CancelReason.init(rawValue:)) ?? .other).rawValue
        case VisitStatus.rescheduled.rawValue: "rescheduled"
        default: nil
        }
    }
}

/// A title's language as the statistics count it: the first language of its record.
enum StatsLanguage {
    static let marc: [String: String] = ["rus": "ru", "kaz": "kk", "eng": "en"]

    static func code(_ languages: String) -> String {
        let first = languages.split(separator: " ").first.map(String.init) ?? ""
        return marc[first] ?? "other"
    }
}
