import FluentKit
import FluentPostgresDriver
import PostgresKit
import PostgresNIO

/// Bulk writes to PostgreSQL with `COPY … FROM STDIN` (issue 17, §1): one stream of rows instead
/// of statements with tens of thousands of binds, which PostgreSQL must parse and plan. The rows go
/// on the connection of the transaction given, so they commit or roll back with it.
enum PostgresCopy {
    struct NotPostgres: Error {}

    static func copy(_ rows: CopyRows, into table: String, columns: [String], on db: any Database) async throws {
        guard rows.count > 0 else { return }
        guard let postgres = db as? any PostgresDatabase else { throw NotPostgres() }
        let logger = db.logger
        try await postgres.withConnection { connection in
            let done = connection.eventLoop.makePromise(of: Void.self)
            done.completeWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    try await writer.write(rows.buffer)
                }
            }
            return done.futureResult
        }.get()
    }
}
