import Fluent
import Vapor

/// A library event on the card the library reports with: what, when, where, who came and how
/// many, what it was for and what came of it.
final class Event: Model, @unchecked Sendable {
    static let schema = "events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "title") var title: String
    @Field(key: "type") var type: String
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "time_from") var timeFrom: String?
    @OptionalField(key: "time_to") var timeTo: String?
    @Field(key: "place") var place: String
    @Field(key: "organiser") var organiser: String
    @OptionalParent(key: "branch_id") var branch: Branch?
    /// Target-group codes, each between spaces (« youth disabled »), so one LIKE finds a group.
    @Field(key: "target_groups") var targetGroups: String
    /// Who took part, in words («специалисты библиотеки»).
    @Field(key: "participants") var participants: String
    @Field(key: "participants_total") var participantsTotal: Int
    @OptionalField(key: "children") var children: Int?
    @OptionalField(key: "youth") var youth: Int?
    @OptionalField(key: "adults") var adults: Int?
    @OptionalField(key: "disabled") var disabled: Int?
    @Field(key: "goal") var goal: String
    @Field(key: "expected_result") var expectedResult: String
    @OptionalField(key: "actual_result") var actualResult: String?
    @OptionalField(key: "notes") var notes: String?
    @OptionalParent(key: "project_id") var project: Project?

    init() {}

    var eventType: EventType { EventType(rawValue: type) ?? .other }
    var groups: [TargetGroup] { targetGroups.split(separator: " ").compactMap { TargetGroup(rawValue: String($0)) } }
}

/// The kinds of event the library holds.
enum EventType: String, LabeledCode {
    case lesson, presentation, meeting, exhibition, club, other
    static let labelPrefix = "event_type"
}

/// Target groups: the eight of the «Разные – Равные» competition, then library specialists and
/// the general public.
enum TargetGroup: String, LabeledCode {
    case youth, children, families, crisis, elderly, deviant, migrants, disabled, specialists, general
    static let labelPrefix = "target_group"
}
