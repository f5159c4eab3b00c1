import Fluent

/// The Kazakh versions of names that appear in official reports (issue 12, finding 13): a
/// project's name, its indicators' names, its awards' names and issuers, and the venues it was
/// presented at, and its organisation, goal and description (its page is printed as its report).
/// The existing columns hold the Russian version; the Kazakh one may be missing
/// for older records, and the Kazakh report then shows the Russian one, marked.
struct M064AddKazakhNames: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Project.schema).field("name_kk", .string).update()
        try await database.schema(Project.schema).field("organisation_kk", .string).update()
        try await database.schema(Project.schema).field("goal_kk", .string).update()
        try await database.schema(Project.schema).field("description_kk", .string).update()
        try await database.schema(ProjectIndicator.schema).field("name_kk", .string).update()
        try await database.schema(ProjectAward.schema).field("name_kk", .string).update()
        try await database.schema(ProjectAward.schema).field("awarded_by_kk", .string).update()
        try await database.schema(ProjectPresentation.schema).field("venue_kk", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectPresentation.schema).deleteField("venue_kk").update()
        try await database.schema(ProjectAward.schema).deleteField("awarded_by_kk").update()
        try await database.schema(ProjectAward.schema).deleteField("name_kk").update()
        try await database.schema(ProjectIndicator.schema).deleteField("name_kk").update()
        for field in ["description_kk", "goal_kk", "organisation_kk", "name_kk"] {
            try await database.schema(Project.schema).deleteField(.string(field)).update()
        }
    }
}
