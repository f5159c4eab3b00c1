import Fluent
import Vapor

/// The library-wide settings of the delivery service, with their defaults.
struct DeliverySettings: Sendable, Equatable {
    /// Months after which a title may go to the same reader again; nil means never.
    var resendAfterMonths: Int? = nil
    /// How far ahead planning looks, in weeks.
    var horizonWeeks = 8
    /// A carrier whose certificate of no criminal record has expired gets no new visits (issue 15, §1).
    var expiredCheckBlocks = true
    /// The week's plan (issue 15, §2): minutes of travel worth keeping a reader's own carrier, and
    /// the price of a carrier's week one hour off their fair share (it grows with the square).
    var planContinuityMinutes = 15
    var planImbalanceMinutes = 10

    static func load(on db: any Database) async throws -> DeliverySettings {
        var s = DeliverySettings()
        for row in try await LibrarySetting.query(on: db).all() {
            switch row.id {
            case "resend_after_months": s.resendAfterMonths = Int(row.value).flatMap { $0 > 0 ? $0 : nil }
            case "horizon_weeks": s.horizonWeeks = Int(row.value) ?? s.horizonWeeks
            case "expired_check_blocks": s.expiredCheckBlocks = row.value != "0"
            case "plan_continuity_minutes": s.planContinuityMinutes = Int(row.value) ?? s.planContinuityMinutes
            case "plan_imbalance_minutes": s.planImbalanceMinutes = Int(row.value) ?? s.planImbalanceMinutes
            default: break
            }
        }
        return s
    }

    func save(on db: any Database) async throws {
        try await LibrarySetting.put("resend_after_months", String(resendAfterMonths ?? 0), on: db)
        try await LibrarySetting.put("horizon_weeks", String(horizonWeeks), on: db)
        try await LibrarySetting.put("expired_check_blocks", expiredCheckBlocks ? "1" : "0", on: db)
        try await LibrarySetting.put("plan_continuity_minutes", String(planContinuityMinutes), on: db)
        try await LibrarySetting.put("plan_imbalance_minutes", String(planImbalanceMinutes), on: db)
    }
}
