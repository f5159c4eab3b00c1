import Fluent
import Foundation
import Vapor

/// The audit page's and `GET /api/v1/audit`'s filters: whose record (a reader's card number or
/// id), which account, which action, which period, and the page.
struct AuditQuery: Content {
    var reader: String?
    var user_id: String?
    var action: String?
    var from: String?
    var to: String?
    var page: Int?
    var per_page: Int?

    static let maxPerPage = 200
    var pageNumber: Int { max(1, min(page ?? 1, 100_000)) }
    var perPage: Int { max(1, min(per_page ?? 50, Self.maxPerPage)) }

    /// The filters as the links of the page keep them.
    var items: [(String, String)] {
        [("reader", reader ?? ""), ("user_id", user_id ?? ""), ("action", action ?? ""), ("from", from ?? ""), ("to", to ?? "")]
    }

    /// Every filter checked before anything is read: a field error, never a quietly ignored filter.
    func problems() -> FieldErrors {
        var e = FieldErrors()
        // A value that is present must be valid, an empty one included: the page's form leaves
        // empty fields out (`pageQuery`), so only a hand-made request sends `user_id=`.
        if let u = user_id, UUID(uuidString: u) == nil { e.add("user_id", "validation.choice") }
        if let a = action, AuditAction(rawValue: a) == nil { e.add("action", "validation.choice") }
        if let r = reader, r.unicodeScalars.count > 100 { e.add("reader", "validation.too_long", ["max": "100"]) }
        if let r = reader, TextRules.hasControlCharacters(r) { e.add("reader", "validation.control_chars") }
        for (field, value) in [("from", from), ("to", to)] {
            if let v = value, LocalDate(v) == nil { e.add(field, "validation.date") }
        }
        if let a = from.flatMap(LocalDate.init), let b = to.flatMap(LocalDate.init), b < a { e.add("to", "validation.end_before_start") }
        if let p = per_page, !(1...Self.maxPerPage).contains(p) { e.add("per_page", "validation.range", ["min": "1", "max": "200"]) }
        if let p = page, !(1...100_000).contains(p) { e.add("page", "validation.range", ["min": "1", "max": "100000"]) }
        return e
    }

    /// The entries, newest first, and how many match. `reader` matches the reader's id or card
    /// number; one that names no reader matches nothing.
    func run(timeZone: TimeZone, on db: any Database, limit: Int? = nil) async throws -> (entries: [AuditEntry], total: Int) {
        let q = AuditEntry.query(on: db).with(\.$user)
        if let r = reader?.trimmingCharacters(in: .whitespaces), !r.isEmpty {
            var id = UUID(uuidString: r)
            if id == nil { id = try await Reader.query(on: db).filter(\.$cardNumber == r).first()?.id }
            q.filter(\.$entityID == (id ?? UUID())).filter(\.$entity == "reader")
        }
        if let u = user_id.flatMap(UUID.init(uuidString:)) { q.filter(\.$user.$id == u) }
        if let a = action, !a.isEmpty { q.filter(\.$action == a) }
        if let d = from.flatMap(LocalDate.init) { q.filter(\.$at >= d.start(in: timeZone)) }
        if let d = to.flatMap(LocalDate.init) { q.filter(\.$at < d.adding(days: 1).start(in: timeZone)) }
        let total = try await q.count()
        let entries = try await q.sort(\.$at, .descending).sort(\.$id).offset(limit == nil ? (pageNumber - 1) * perPage : 0)
            .limit(limit ?? perPage).all()
        return (entries, total)
    }
}

extension LocalDate {
    /// Midnight at the start of the day, in the library's time zone.
    func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date.distantPast
    }
}
