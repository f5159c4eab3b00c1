import Fluent
import Vapor

/// A project as the API reads and writes it. The lists are optional: a list that is left out
/// is kept as it is, a list that is given replaces the old one.
struct ProjectPayload: Content {
    struct Author: Content {
        var user_id: UUID?
        var name: String?
    }

    struct Presentation: Content {
        var venue: String?
        var venue_kk: String?
        var venue_kind: String?
        var presented_on: String?
        var material: String?
        var link: String?
        var notes: String?
    }

    struct Award: Content {
        var name: String?
        var name_kk: String?
        var awarded_by: String?
        var awarded_by_kk: String?
        var awarded_on: String?
        var recipient: String?
    }

    struct Indicator: Content {
        var name: String?
        var name_kk: String?
        var metric: String?
        var target: Int?
        var manual_value: Int?
        var source: String?
    }

    var name: String?
    var name_kk: String?
    var branch_id: UUID?
    var organisation: String?
    var organisation_kk: String?
    var target_groups: [String]?
    var goal: String?
    var goal_kk: String?
    var description: String?
    var description_kk: String?
    var starts_on: String?
    var ends_on: String?
    var status: String?
    var authors: [Author]?
    var presentations: [Presentation]?
    var awards: [Award]?
    var indicators: [Indicator]?
}

/// A project as the API returns it, with each indicator's actual value and where it came from.
struct ProjectDTO: Content {
    struct Author: Content {
        var user_id: UUID?
        var name: String
    }

    struct Indicator: Content {
        var name: String
        var name_kk: String?
        var metric: String
        var target: Int
        var manual_value: Int?
        var source: String?
        /// Computed from the data, or the manual value; null when a manual value is not yet given.
        var actual: Int?
        /// Percent of the target reached, when the target is above zero.
        var progress: Int?
    }

    var id: UUID
    var name: String
    var name_kk: String?
    var branch_id: UUID?
    var organisation: String
    var organisation_kk: String?
    var target_groups: [String]
    var goal: String
    var goal_kk: String?
    var description: String
    var description_kk: String?
    var starts_on: String
    var ends_on: String?
    var status: String
    var authors: [Author]
    var presentations: [ProjectPayload.Presentation]
    var awards: [ProjectPayload.Award]
    var indicators: [Indicator]
    var event_ids: [UUID]

    init(_ full: ProjectRecord) {
        let p = full.project
        id = p.id!
        name = p.name
        name_kk = p.nameKk
        branch_id = p.$branch.id
        organisation = p.organisation
        organisation_kk = p.organisationKk
        target_groups = p.groups.map(\.rawValue)
        goal = p.goal
        goal_kk = p.goalKk
        description = p.description
        description_kk = p.descriptionKk
        starts_on = p.startsOn
        ends_on = p.endsOn
        status = p.status
        authors = full.authors.map { Author(user_id: $0.$user.id, name: $0.name) }
        presentations = full.presentations.map {
            .init(
                venue: $0.venue, venue_kk: $0.venueKk, venue_kind: $0.venueKind, presented_on: $0.presentedOn, material: $0.material, link: $0.link,
                notes: $0.notes)
        }
        awards = full.awards.map {
            .init(
                name: $0.name, name_kk: $0.nameKk, awarded_by: $0.awardedBy, awarded_by_kk: $0.awardedByKk, awarded_on: $0.awardedOn,
                recipient: $0.recipient)
        }
        indicators = full.indicators.map { i in
            let actual = full.actuals[i.id!]
            return Indicator(
                name: i.name, name_kk: i.nameKk, metric: i.metric, target: i.target, manual_value: i.manualValue, source: i.source, actual: actual,
                progress: ProjectRecord.progress(actual, i.target))
        }
        event_ids = full.events.compactMap(\.id)
    }
}
