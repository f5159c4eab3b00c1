import Fluent

/// Shows a stored history value the way the record shows it: labels instead of codes, dates in the
/// reader's language, branch names instead of ids.
enum HistoryValue {
    private static let codePrefixes: [String: String] = [
        "disability_group": DisabilityGroup.labelPrefix, "needs": Need.labelPrefix, "formats": MaterialFormat.labelPrefix,
        "languages": MaterialLanguage.labelPrefix, "weekdays": Weekday.labelPrefix, "frequency": VisitFrequency.labelPrefix,
        "status": ReaderStatus.labelPrefix, "end_reason": EndReason.labelPrefix, "preferred_channel": ContactChannel.labelPrefix,
        "referral_source": ReferralSource.labelPrefix, "consent_signed_by": ConsentSigner.labelPrefix,
    ]
    private static let dates: Set<String> = [
        "birth_date", "pause_from", "pause_until", "ended_on", "registered_on", "consent_date", "consent_until",
    ]
    private static let flags: Set<String> = ["has_lift", "consent_third_party", "consent_publication"]

    /// The names a history's ids stand for: branches in `lang`, and carriers (the carrier of
    /// record), keyed by the id's uppercase text as the history stores it.
    static func names(_ lang: Lang, on db: any Database) async throws -> [String: String] {
        let branches = try await Branch.query(on: db).all().map { ($0.id!.uuidString, $0.name(lang)) }
        let carriers = try await User.query(on: db).filter(\.$role == .carrier).all().map { ($0.id!.uuidString, $0.fullName) }
        return Dictionary(branches + carriers) { a, _ in a }
    }

    static func display(_ field: String, _ raw: String?, _ ctx: PageContext, branchNames: [String: String]) -> String {
        guard let raw, !raw.isEmpty else { return "—" }
        if let prefix = codePrefixes[field] {
            return raw.components(separatedBy: "; ").map { code in
                ctx.l10n.has("\(prefix).\(code)") ? ctx.t("\(prefix).\(code)") : code
            }.joined(separator: ", ")
        }
        if dates.contains(field) { return ctx.date(raw) }
        if flags.contains(field) { return ctx.t(raw == "yes" ? "common.yes" : "common.no") }
        // `branchNames` holds carriers' names too, for the carrier of record.
        if field == "branch_id" || field == "carrier_id" { return branchNames[raw.uppercased()] ?? raw }
        if field == "phones" {
            return raw.components(separatedBy: "; ").map { entry in
                let parts = entry.components(separatedBy: ": ")
                guard parts.count == 2, ctx.l10n.has("phone_label." + parts[0]) else { return entry }
                return ctx.t("phone_label." + parts[0]) + ": " + (PhoneDisplay.format(parts[1]) ?? parts[1])
            }.joined(separator: "; ")
        }
        return raw
    }
}
