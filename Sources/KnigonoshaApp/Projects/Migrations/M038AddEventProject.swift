import Fluent
import SQLKit

/// An event may belong to a social project; deleting the project keeps its events.
struct M038AddEventProject: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Event.schema)
            .field("project_id", .uuid, .references(Project.schema, "id", onDelete: .setNull))
            .update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "events_project_idx").on(Event.schema).column("project_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Event.schema).deleteField("project_id").update()
    }
}
