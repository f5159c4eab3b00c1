/// What an administrator does to a reader's personal data once its purpose has ended.
enum RemovalKind: String, LabeledCode {
    /// Personal fields go; visits, loans and every statistic stay, under a pseudonym.
    case anonymise
    /// Everything about the person goes; statistics keep counts only.
    case erase
    static let labelPrefix = "removal_kind"

    /// What the reader row records afterwards.
    var stored: String { self == .anonymise ? "anonymised" : "erased" }
}

/// Why a reader's data was anonymised or erased; the law asks for a reason on record.
enum RemovalReason: String, LabeledCode {
    case died
    case consentWithdrawn = "consent_withdrawn"
    case serviceEnded = "service_ended"
    case subjectRequest = "subject_request"
    /// Applied by the retention job, never chosen by hand.
    case retention
    static let labelPrefix = "removal_reason"

    /// The reasons a person may choose.
    static let chosen: [RemovalReason] = [.died, .consentWithdrawn, .serviceEnded, .subjectRequest]
}

extension Reader {
    /// An anonymised or erased record is never edited again: its emptiness is the point.
    func requireNotRemoved() throws {
        if removedAs != nil { throw AppError.conflict(Message("removal.no_edit")) }
    }
}
