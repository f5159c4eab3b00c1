import Fluent
import Vapor

/// A project with everything that belongs to it, and its indicators' actual values.
struct ProjectRecord {
    var project: Project
    var authors: [ProjectAuthor]
    var presentations: [ProjectPresentation]
    var awards: [ProjectAward]
    var indicators: [ProjectIndicator]
    var events: [Event]
    var actuals: [UUID: Int]

    /// The project with its lists; `actuals` counts the indicators' values from the delivery
    /// data, which only pages and answers that show them need.
    static func load(_ project: Project, today: LocalDate, on db: any Database, actuals: Bool = true) async throws -> ProjectRecord {
        let id = try project.requireID()
        let events = try await Event.query(on: db).filter(\.$project.$id == id).sort(\.$startsOn).all()
        let indicators = try await ProjectIndicator.query(on: db).filter(\.$project.$id == id).sort(\.$position).all()
        return ProjectRecord(
            project: project,
            authors: try await ProjectAuthor.query(on: db).filter(\.$project.$id == id).sort(\.$position).all(),
            presentations: try await ProjectPresentation.query(on: db).filter(\.$project.$id == id).sort(\.$presentedOn).all(),
            awards: try await ProjectAward.query(on: db).filter(\.$project.$id == id).sort(\.$awardedOn).all(),
            indicators: indicators, events: events,
            actuals: actuals ? try await ProjectIndicators.actuals(indicators, project: project, events: events, today: today, on: db) : [:])
    }

    /// Percent of the target, rounded down; none for a zero target or a missing value.
    static func progress(_ actual: Int?, _ target: Int) -> Int? {
        guard let actual, target > 0 else { return nil }
        return actual * 100 / target
    }
}
