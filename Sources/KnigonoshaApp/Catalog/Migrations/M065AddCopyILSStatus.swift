import Fluent

/// A copy remembers what the library's own system last said of it (issue 14, §3): the status in
/// its export, when that was, and which sync run last saw it. A sync that does not see a copy an
/// earlier sync saw knows the copy has left the system; copies no sync has seen (added by hand,
/// or by a plain import) have no run and are never withdrawn that way.
struct M065AddCopyILSStatus: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Copy.schema).field("ils_status", .string).update()
        try await database.schema(Copy.schema).field("ils_seen_at", .datetime).update()
        try await database.schema(Copy.schema).field("ils_run", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["ils_run", "ils_seen_at", "ils_status"] { try await database.schema(Copy.schema).deleteField(.string(field)).update() }
    }
}
