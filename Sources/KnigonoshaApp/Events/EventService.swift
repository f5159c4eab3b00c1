import Fluent
import Vapor

/// Checks an event and copies it onto the model; nothing is changed when there are errors.
enum EventService {
    static func apply(_ p: EventPayload, to event: Event, by user: CurrentUser, on db: any Database) async throws -> FieldErrors {
        var e = FieldErrors()
        let title = e.text(p.title, "title", required: true, max: 300)
        let type = VisitRequests.code(p.type, EventType.self, "type", required: true, into: &e)
        let start = date(p.starts_on, "starts_on", required: true, into: &e)
        let end = date(p.ends_on, "ends_on", required: false, into: &e)
        if let start, let end, end < start { e.add("ends_on", "event.ends_before_start") }
        let (from, to) = times(p.time_from, p.time_to, sameDay: end == nil || end == start, into: &e)
        let place = e.text(p.place, "place", required: true, max: 300)
        let organiser = e.text(p.organiser, "organiser", max: 300)
        var groups: [String] = []
        for g in p.target_groups ?? [] {
            guard TargetGroup(rawValue: g) != nil else {
                e.add("target_groups", "validation.choice")
                continue
            }
            if !groups.contains(g) { groups.append(g) }
        }
        let participants = e.text(p.participants, "participants", max: 500)
        let counts = checkCounts(p, into: &e)
        let goal = e.text(p.goal, "goal", max: 2000)
        let expected = e.text(p.expected_result, "expected_result", max: 2000)
        let actual = e.text(p.actual_result, "actual_result", max: 4000)
        let notes = e.text(p.notes, "notes", max: 4000)
        let branch = try await branchID(p.branch_id, user: user, on: db, into: &e)
        if let project = p.project_id, try await Project.find(project, on: db) == nil { e.add("project_id", "validation.choice") }
        guard e.isEmpty, let title, let type, let start, let place else { return e }
        event.title = title
        event.type = type
        event.startsOn = start.iso
        event.endsOn = end == start ? nil : end?.iso
        event.timeFrom = from
        event.timeTo = to
        event.place = place
        event.organiser = organiser ?? ""
        event.$branch.id = branch
        // Stored in the list's order, so filters and reports read the same codes.
        event.targetGroups = groups.isEmpty ? "" : " " + TargetGroup.allCases.map(\.rawValue).filter(groups.contains).joined(separator: " ") + " "
        event.participants = participants ?? ""
        event.participantsTotal = counts.total
        event.children = counts.children
        event.youth = counts.youth
        event.adults = counts.adults
        event.disabled = counts.disabled
        event.goal = goal ?? ""
        event.expectedResult = expected ?? ""
        event.actualResult = actual
        event.notes = notes
        event.$project.id = p.project_id
        return e
    }

    /// A place as the twin check compares it: letter case and spacing aside.
    static func placeKey(_ place: String) -> String { place.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Another event on the same first day, of the same type, at the same place (letter case and
    /// spacing aside), if there is one.
    static func twin(of event: Event, on db: any Database) async throws -> Event? {
        let key = placeKey
        var query = Event.query(on: db).filter(\.$startsOn == event.startsOn).filter(\.$type == event.type)
        if let id = event.id { query = query.filter(\.$id != id) }
        return try await query.sort(\.$createdAt).all().first { key($0.place) == key(event.place) }
    }

    static func date(_ raw: String?, _ field: String, required: Bool, into e: inout FieldErrors) -> LocalDate? {
        e.date(raw, field, required: required)
    }

    /// Times are optional; on a one-day event the end comes after the start.
    static func times(_ from: String?, _ to: String?, sameDay: Bool, into e: inout FieldErrors) -> (String?, String?) {
        func time(_ raw: String?, _ field: String) -> String? {
            guard let v = raw?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            let parts = v.split(separator: ":")
            guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
            else {
                e.add(field, "validation.time")
                return nil
            }
            return String(format: "%02d:%02d", h, m)
        }
        let f = time(from, "time_from")
        let t = time(to, "time_to")
        if sameDay, let f, let t, t <= f { e.add("time_to", "event.ends_before_start") }
        return (f, t)
    }

    struct Counts {
        var total = 0
        var children: Int?
        var youth: Int?
        var adults: Int?
        var disabled: Int?
    }

    /// No count is negative; the age bands add up to the total at most, and so do the
    /// participants with disabilities (who also belong to an age band).
    static func checkCounts(_ p: EventPayload, into e: inout FieldErrors) -> Counts {
        var c = Counts()
        func count(_ v: Int?, _ field: String) -> Int? {
            guard let v else { return nil }
            guard v >= 0 else {
                e.add(field, "validation.not_negative")
                return nil
            }
            guard v <= 1_000_000 else {
                e.add(field, "validation.too_large")
                return nil
            }
            return v
        }
        if p.participants_total == nil { e.add("participants_total", "validation.required") }
        c.total = count(p.participants_total, "participants_total") ?? 0
        c.children = count(p.children, "children")
        c.youth = count(p.youth, "youth")
        c.adults = count(p.adults, "adults")
        c.disabled = count(p.disabled, "disabled")
        guard e["participants_total"] == nil else { return c }
        let bands = (c.children ?? 0) + (c.youth ?? 0) + (c.adults ?? 0)
        if bands > c.total {
            // At the last band given: the one whose number tipped the sum over.
            let last = [("adults", c.adults), ("youth", c.youth), ("children", c.children)].first { $0.1 != nil }?.0 ?? "children"
            e.add(last, "event.breakdown_over_total", ["sum": String(bands), "total": String(c.total)])
        }
        if let d = c.disabled, d > c.total { e.add("disabled", "event.disabled_over_total", ["total": String(c.total)]) }
        return c
    }

    /// Coordinators hold events at their own branch; administrators at any.
    static func branchID(_ id: UUID?, user: CurrentUser, on db: any Database, into e: inout FieldErrors) async throws -> UUID? {
        guard user.role == .admin else {
            if let id, id != user.branchID { e.add("branch_id", "event.own_branch_only") }
            return user.branchID
        }
        guard let id else { return nil }
        if try await Branch.find(id, on: db) == nil { e.add("branch_id", "validation.choice") }
        return id
    }
}
