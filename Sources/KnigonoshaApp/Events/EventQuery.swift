import Fluent
import Vapor

/// The event list's filters, shared by the page, the CSV export and the API.
struct EventFilter: Content {
    var from: String?
    var to: String?
    var type: String?
    var branch_id: String?
    var group: String?

    /// RFC 3986's unreserved characters: what a query value keeps as it is.
    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// The query string that repeats these filters (for the export link).
    var query: String {
        let pairs: [(String, String?)] = [("from", from), ("to", to), ("type", type), ("branch_id", branch_id), ("group", group)]
        return pairs.compactMap { k, v in
            v.flatMap { $0.isEmpty ? nil : k + "=" + ($0.addingPercentEncoding(withAllowedCharacters: EventFilter.unreserved) ?? "") }
        }
        .joined(separator: "&")
    }
}

enum EventQuery {
    /// At most this many events per list; a longer period is narrowed with the filters.
    static let limit = 2000

    /// The events matching `f`, by date; a period defaults to the current year. Bad filters come
    /// back as field errors, with no events.
    static func find(
        _ f: EventFilter, today: LocalDate, on db: any Database
    ) async throws -> (events: [Event], from: LocalDate, to: LocalDate, errors: FieldErrors) {
        var e = FieldErrors()
        let from = EventService.date(f.from, "from", required: false, into: &e) ?? LocalDate(year: today.year, month: 1, day: 1)
        let to = EventService.date(f.to, "to", required: false, into: &e) ?? LocalDate(year: today.year, month: 12, day: 31)
        if to < from { e.add("to", "period.end_before_start") }
        let type = VisitRequests.code(f.type, EventType.self, "type", required: false, into: &e)
        let group = VisitRequests.code(f.group, TargetGroup.self, "group", required: false, into: &e)
        var branch: UUID?
        if let raw = f.branch_id, !raw.isEmpty {
            branch = UUID(uuidString: raw)
            if branch == nil { e.add("branch_id", "validation.choice") }
        }
        guard e.isEmpty else { return ([], from, to, e) }
        var q = Event.query(on: db).filter(\.$startsOn >= from.iso).filter(\.$startsOn <= to.iso)
        if let type { q = q.filter(\.$type == type) }
        if let group { q = q.filter(\.$targetGroups, .contains(inverse: false, .anywhere), " \(group) ") }
        if let branch { q = q.filter(\.$branch.$id == branch) }
        let events = try await q.sort(\.$startsOn).sort(\.$timeFrom).sort(\.$title).limit(limit).all()
        return (events, from, to, e)
    }
}
