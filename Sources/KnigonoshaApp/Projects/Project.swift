import Fluent
import Vapor

/// A social project of the library, such as Книгоноша: who runs it, for whom, what for, and how
/// far it has come.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "name") var name: String
    @OptionalField(key: "name_kk") var nameKk: String?
    @OptionalParent(key: "branch_id") var branch: Branch?
    /// The organisation, when the project is not one branch's (or is run with partners).
    @Field(key: "organisation") var organisation: String
    @OptionalField(key: "organisation_kk") var organisationKk: String?
    /// Target-group codes between spaces, as on events.
    @Field(key: "target_groups") var targetGroups: String
    @Field(key: "goal") var goal: String
    @OptionalField(key: "goal_kk") var goalKk: String?
    @Field(key: "description") var description: String
    @OptionalField(key: "description_kk") var descriptionKk: String?
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @Field(key: "status") var status: String

    init() {}

    var groups: [TargetGroup] { targetGroups.split(separator: " ").compactMap { TargetGroup(rawValue: String($0)) } }
    var projectStatus: ProjectStatus { ProjectStatus(rawValue: status) ?? .active }
}

enum ProjectStatus: String, LabeledCode {
    case planned, active, finished, suspended
    static let labelPrefix = "project_status"
}

/// An author: a staff account, or a person named in words.
final class ProjectAuthor: Model, @unchecked Sendable {
    static let schema = "project_authors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    init() {}
}

/// Where the project was shown: a conference or a competition, when, and in what form.
final class ProjectPresentation: Model, @unchecked Sendable {
    static let schema = "project_presentations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "venue") var venue: String
    @OptionalField(key: "venue_kk") var venueKk: String?
    @Field(key: "venue_kind") var venueKind: String
    @Field(key: "presented_on") var presentedOn: String
    @Field(key: "material") var material: String
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "notes") var notes: String?

    init() {}
}

enum VenueKind: String, LabeledCode {
    case competition, conference, seminar, other
    static let labelPrefix = "venue_kind"
}

enum PresentationMaterial: String, LabeledCode {
    case video, slides, talk, poster, other
    static let labelPrefix = "presentation_material"
}

/// An award or badge the project, or someone in it, received.
final class ProjectAward: Model, @unchecked Sendable {
    static let schema = "project_awards"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "name") var name: String
    @OptionalField(key: "name_kk") var nameKk: String?
    @Field(key: "awarded_by") var awardedBy: String
    @OptionalField(key: "awarded_by_kk") var awardedByKk: String?
    @Field(key: "awarded_on") var awardedOn: String
    @Field(key: "recipient") var recipient: String

    init() {}
}

/// A target and how far the project is towards it. The actual value is computed from the data
/// for every metric but `manual`, which is typed in with its source.
final class ProjectIndicator: Model, @unchecked Sendable {
    static let schema = "project_indicators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "name") var name: String
    @OptionalField(key: "name_kk") var nameKk: String?
    @Field(key: "metric") var metric: String
    @Field(key: "target") var target: Int
    @OptionalField(key: "manual_value") var manualValue: Int?
    @OptionalField(key: "source") var source: String?
    @Field(key: "position") var position: Int

    init() {}
}

/// What an indicator counts. All but `manual` come from the delivery and event data.
enum IndicatorMetric: String, LabeledCode {
    case readersServed = "readers_served", visitsDone = "visits_done", itemsIssued = "items_issued", eventsHeld = "events_held", participants,
        carrierHours = "carrier_hours", manual
    static let labelPrefix = "indicator_metric"
}

/// The lists on a project's page that are added to one entry at a time.
enum ProjectPart: String, CaseIterable, Sendable {
    case presentations, awards, indicators
}
