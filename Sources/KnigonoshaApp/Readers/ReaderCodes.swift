/// A closed list of codes stored as text, each with a catalog key for its label.
protocol LabeledCode: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    /// The catalog key prefix, for example `disability` for `disability.group1`.
    static var labelPrefix: String { get }
}

extension LabeledCode {
    var labelKey: String { "\(Self.labelPrefix).\(rawValue)" }
    static var codes: [String] { allCases.map(\.rawValue) }
}

/// Kazakhstan's disability categories, as reported in the statistics.
enum DisabilityGroup: String, LabeledCode {
    case none, group1, group2, group3, child
    static let labelPrefix = "disability"
}

/// What shapes the formats offered and how a visit goes.
enum Need: String, LabeledCode {
    case lowVision = "low_vision", blind, hearing, wheelchair, bedridden, cognitive
    static let labelPrefix = "need"
}

/// Formats of library materials a reader can use.
enum MaterialFormat: String, LabeledCode {
    case print, largePrint = "large_print", audiobook, daisy, braille, periodicals
    static let labelPrefix = "format"
}

/// Languages a reader reads.
enum MaterialLanguage: String, LabeledCode {
    case ru, kk, en, other
    static let labelPrefix = "language"
}

enum Weekday: String, LabeledCode {
    case mon, tue, wed, thu, fri, sat, sun
    static let labelPrefix = "weekday"
}

enum VisitFrequency: String, LabeledCode {
    case weekly, biweekly, monthly, onRequest = "on_request"
    static let labelPrefix = "frequency"
}

enum ReaderStatus: String, LabeledCode {
    // `pending`: registered (from the library system) but no consent to home service yet; no visits.
    case pending, active, paused, ended
    static let labelPrefix = "status"
}

enum EndReason: String, LabeledCode {
    case moved, died, declined, recovered, other
    static let labelPrefix = "end_reason"
}

enum ContactChannel: String, LabeledCode {
    case call, whatsapp, telegram, sms, caregiver
    static let labelPrefix = "channel"
}

enum PhoneLabel: String, LabeledCode {
    case mobile, home, work, other
    static let labelPrefix = "phone_label"
}

enum ReferralSource: String, LabeledCode {
    case selfReferral = "self", relative, socialWorker = "social_worker", medical, ngo, library, other
    static let labelPrefix = "referral"
}

enum ConsentSigner: String, LabeledCode {
    case reader, representative
    static let labelPrefix = "consent_signer"
}

/// The kinds of repeatable values kept in `reader_tags`.
enum TagKind: String, Codable, Sendable, CaseIterable {
    case need, format, language, weekday
    case subject, genre, author, excludedTopic = "excluded_topic", excludedAuthor = "excluded_author", series
}
