import Fluent
import Vapor

/// Checks a project and its lists, and saves them together; nothing is saved when anything is
/// wrong.
enum ProjectService {
    /// The lists to replace; a nil list is kept as it is.
    struct Parts {
        var authors: [ProjectAuthor]?
        var presentations: [ProjectPresentation]?
        var awards: [ProjectAward]?
        var indicators: [ProjectIndicator]?
    }

    /// The target groups a project may name: the eight of «Разные – Равные».
    static let groups = Array(TargetGroup.allCases.prefix(8))

    static func apply(_ p: ProjectPayload, to project: Project, by user: CurrentUser, on db: any Database) async throws -> (FieldErrors, Parts) {
        var e = FieldErrors()
        var parts = Parts()
        let name = e.text(p.name, "name", required: true, max: 300)
        let nameKk = e.text(p.name_kk, "name_kk", max: 300)
        let status = VisitRequests.code(p.status, ProjectStatus.self, "status", required: true, into: &e)
        let start = EventService.date(p.starts_on, "starts_on", required: true, into: &e)
        let end = EventService.date(p.ends_on, "ends_on", required: false, into: &e)
        if let start, let end, end < start { e.add("ends_on", "period.end_before_start") }
        let organisation = e.text(p.organisation, "organisation", max: 300)
        let organisationKk = e.text(p.organisation_kk, "organisation_kk", max: 300)
        let branch = try await EventService.branchID(p.branch_id, user: user, on: db, into: &e)
        if branch == nil && (organisation ?? "").isEmpty && e["branch_id"] == nil && e["organisation"] == nil {
            e.add("organisation", "project.branch_or_organisation")
        }
        var groups: [String] = []
        for g in p.target_groups ?? [] {
            guard let group = TargetGroup(rawValue: g), Self.groups.contains(group) else {
                e.add("target_groups", "validation.choice")
                continue
            }
            if !groups.contains(g) { groups.append(g) }
        }
        let goal = e.text(p.goal, "goal", max: 2000)
        let goalKk = e.text(p.goal_kk, "goal_kk", max: 2000)
        let description = e.text(p.description, "description", max: 8000)
        let descriptionKk = e.text(p.description_kk, "description_kk", max: 8000)
        if let authors = p.authors { parts.authors = try await self.authors(authors, on: db, into: &e) }
        if project.id == nil && parts.authors == nil { e.add("authors", "project.authors_required") }
        parts.presentations = p.presentations?.enumerated().compactMap { i, x in presentation(x, prefix: "presentations[\(i)].", into: &e) }
        parts.awards = p.awards?.enumerated().compactMap { i, x in award(x, prefix: "awards[\(i)].", into: &e) }
        parts.indicators = p.indicators?.enumerated().compactMap { i, x in indicator(x, prefix: "indicators[\(i)].", position: i, into: &e) }
        guard e.isEmpty, let name, let status, let start else { return (e, parts) }
        project.name = name
        project.nameKk = nameKk
        project.status = status
        project.startsOn = start.iso
        project.endsOn = end?.iso
        project.organisation = organisation ?? ""
        project.organisationKk = organisationKk
        project.$branch.id = branch
        project.targetGroups = groups.isEmpty ? "" : " " + TargetGroup.allCases.map(\.rawValue).filter(groups.contains).joined(separator: " ") + " "
        project.goal = goal ?? ""
        project.goalKk = goalKk
        project.description = description ?? ""
        project.descriptionKk = descriptionKk
        return (e, parts)
    }

    /// Staff accounts by id (their name is copied, so the list reads the same if the account
    /// goes), and other people by name. At least one.
    static func authors(_ list: [ProjectPayload.Author], on db: any Database, into e: inout FieldErrors) async throws -> [ProjectAuthor] {
        var out: [ProjectAuthor] = []
        let before = e.items.count
        for (i, a) in list.enumerated() {
            let author = ProjectAuthor()
            author.position = i
            if let id = a.user_id {
                guard let user = try await User.find(id, on: db) else {
                    e.add("authors[\(i)].user_id", "validation.choice")
                    continue
                }
                author.$user.id = id
                author.name = user.fullName
            } else {
                guard let name = e.text(a.name, "authors[\(i)].name", required: true, max: 200) else { continue }
                author.name = name
            }
            if !out.contains(where: { $0.name == author.name && $0.$user.id == author.$user.id }) { out.append(author) }
        }
        if out.isEmpty && e.items.count == before { e.add("authors", "project.authors_required") }
        return out
    }

    /// An http(s) address with a host, and only the characters an address may hold: `https://x"><i>`
    /// once passed a prefix check (review of issue 19).
    static func isWebAddress(_ link: String) -> Bool {
        guard link.hasPrefix("https://") || link.hasPrefix("http://"),
            !link.unicodeScalars.contains(where: { $0.value <= 0x20 || "\"'<>\\`{}|^".unicodeScalars.contains($0) }),
            let url = URLComponents(string: link), let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    static func presentation(_ x: ProjectPayload.Presentation, prefix: String, into e: inout FieldErrors) -> ProjectPresentation? {
        let before = e.items.count
        let venue = e.text(x.venue, prefix + "venue", required: true, max: 300)
        let venueKk = e.text(x.venue_kk, prefix + "venue_kk", max: 300)
        let kind = VisitRequests.code(x.venue_kind, VenueKind.self, prefix + "venue_kind", required: true, into: &e)
        let day = EventService.date(x.presented_on, prefix + "presented_on", required: true, into: &e)
        let material = VisitRequests.code(x.material, PresentationMaterial.self, prefix + "material", required: true, into: &e)
        let link = e.text(x.link, prefix + "link", max: 500)
        if let link, !Self.isWebAddress(link) {
            e.add(prefix + "link", "validation.url")
        }
        let notes = e.text(x.notes, prefix + "notes", max: 2000)
        guard e.items.count == before, let venue, let kind, let day, let material else { return nil }
        let p = ProjectPresentation()
        p.venue = venue
        p.venueKk = venueKk
        p.venueKind = kind
        p.presentedOn = day.iso
        p.material = material
        p.link = link
        p.notes = notes
        return p
    }

    static func award(_ x: ProjectPayload.Award, prefix: String, into e: inout FieldErrors) -> ProjectAward? {
        let before = e.items.count
        let name = e.text(x.name, prefix + "name", required: true, max: 300)
        let nameKk = e.text(x.name_kk, prefix + "name_kk", max: 300)
        let by = e.text(x.awarded_by, prefix + "awarded_by", required: true, max: 300)
        let byKk = e.text(x.awarded_by_kk, prefix + "awarded_by_kk", max: 300)
        let day = EventService.date(x.awarded_on, prefix + "awarded_on", required: true, into: &e)
        let to = e.text(x.recipient, prefix + "recipient", required: true, max: 300)
        guard e.items.count == before, let name, let by, let day, let to else { return nil }
        let a = ProjectAward()
        a.name = name
        a.nameKk = nameKk
        a.awardedBy = by
        a.awardedByKk = byKk
        a.awardedOn = day.iso
        a.recipient = to
        return a
    }

    /// A computed indicator takes no typed value; a typed value needs its source.
    static func indicator(_ x: ProjectPayload.Indicator, prefix: String, position: Int, into e: inout FieldErrors) -> ProjectIndicator? {
        let before = e.items.count
        let name = e.text(x.name, prefix + "name", required: true, max: 200)
        let nameKk = e.text(x.name_kk, prefix + "name_kk", max: 200)
        let metric = VisitRequests.code(x.metric, IndicatorMetric.self, prefix + "metric", required: true, into: &e)
        if x.target == nil { e.add(prefix + "target", "validation.required") }
        for (field, v) in [("target", x.target), ("manual_value", x.manual_value)] {
            if let v, v < 0 { e.add(prefix + field, "validation.not_negative") }
            if let v, v > 100_000_000 { e.add(prefix + field, "validation.too_large") }
        }
        let source = e.text(x.source, prefix + "source", max: 500)
        if metric != nil, metric != IndicatorMetric.manual.rawValue, x.manual_value != nil {
            e.add(prefix + "manual_value", "indicator.computed_no_value")
        }
        if metric == IndicatorMetric.manual.rawValue, x.manual_value != nil, source == nil {
            e.add(prefix + "source", "indicator.source_required")
        }
        guard e.items.count == before, let name, let metric, let target = x.target else { return nil }
        let i = ProjectIndicator()
        i.name = name
        i.nameKk = nameKk
        i.metric = metric
        i.target = target
        i.manualValue = metric == IndicatorMetric.manual.rawValue ? x.manual_value : nil
        i.source = source
        i.position = position
        return i
    }

    /// Saves the project and replaces the lists given, in one transaction.
    static func save(_ project: Project, _ parts: Parts, on db: any Database) async throws {
        try await db.transaction { tx in
            try await project.save(on: tx)
            let id = try project.requireID()
            if let list = parts.authors {
                try await ProjectAuthor.query(on: tx).filter(\.$project.$id == id).delete()
                for a in list {
                    a.$project.id = id
                    try await a.create(on: tx)
                }
            }
            if let list = parts.presentations {
                try await ProjectPresentation.query(on: tx).filter(\.$project.$id == id).delete()
                for x in list {
                    x.$project.id = id
                    try await x.create(on: tx)
                }
            }
            if let list = parts.awards {
                try await ProjectAward.query(on: tx).filter(\.$project.$id == id).delete()
                for x in list {
                    x.$project.id = id
                    try await x.create(on: tx)
                }
            }
            if let list = parts.indicators {
                try await ProjectIndicator.query(on: tx).filter(\.$project.$id == id).delete()
                for x in list {
                    x.$project.id = id
                    try await x.create(on: tx)
                }
            }
        }
    }

    /// Removes a project with its lists; its events stay, no longer linked. Done by hand as well as
    /// by the foreign keys, so that it holds whether or not SQLite enforces them.
    static func delete(_ project: Project, on db: any Database) async throws {
        let id = try project.requireID()
        try await db.transaction { tx in
            try await Event.query(on: tx).filter(\.$project.$id == id).set(\.$project.$id, to: nil).update()
            try await ProjectAuthor.query(on: tx).filter(\.$project.$id == id).delete()
            try await ProjectPresentation.query(on: tx).filter(\.$project.$id == id).delete()
            try await ProjectAward.query(on: tx).filter(\.$project.$id == id).delete()
            try await ProjectIndicator.query(on: tx).filter(\.$project.$id == id).delete()
            try await project.delete(on: tx)
        }
    }
}
