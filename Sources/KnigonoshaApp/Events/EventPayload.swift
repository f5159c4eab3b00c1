import Fluent
import Vapor

/// An event as the API reads and writes it (the web form is turned into one of these).
struct EventPayload: Content {
    var title: String?
    var type: String?
    var starts_on: String?
    var ends_on: String?
    var time_from: String?
    var time_to: String?
    var place: String?
    var organiser: String?
    var branch_id: UUID?
    var target_groups: [String]?
    var participants: String?
    var participants_total: Int?
    var children: Int?
    var youth: Int?
    var adults: Int?
    var disabled: Int?
    var goal: String?
    var expected_result: String?
    var actual_result: String?
    var notes: String?
    var project_id: UUID?
}

/// An event as the API returns it.
struct EventDTO: Content {
    var id: UUID
    var title: String
    var type: String
    var starts_on: String
    var ends_on: String?
    var time_from: String?
    var time_to: String?
    var place: String
    var organiser: String
    var branch_id: UUID?
    var target_groups: [String]
    var participants: String
    var participants_total: Int
    var children: Int?
    var youth: Int?
    var adults: Int?
    var disabled: Int?
    var goal: String
    var expected_result: String
    var actual_result: String?
    var notes: String?
    var project_id: UUID?

    init(_ e: Event) {
        id = e.id!
        title = e.title
        type = e.type
        starts_on = e.startsOn
        ends_on = e.endsOn
        time_from = e.timeFrom
        time_to = e.timeTo
        place = e.place
        organiser = e.organiser
        branch_id = e.$branch.id
        target_groups = e.groups.map(\.rawValue)
        participants = e.participants
        participants_total = e.participantsTotal
        children = e.children
        youth = e.youth
        adults = e.adults
        disabled = e.disabled
        goal = e.goal
        expected_result = e.expectedResult
        actual_result = e.actualResult
        notes = e.notes
        project_id = e.$project.id
    }

    var payload: EventPayload {
        EventPayload(
            title: title, type: type, starts_on: starts_on, ends_on: ends_on, time_from: time_from, time_to: time_to, place: place,
            organiser: organiser, branch_id: branch_id, target_groups: target_groups, participants: participants,
            participants_total: participants_total, children: children, youth: youth, adults: adults, disabled: disabled, goal: goal,
            expected_result: expected_result, actual_result: actual_result, notes: notes, project_id: project_id)
    }
}
