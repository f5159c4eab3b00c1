import Fluent
import SQLiteNIO
import Vapor

/// SQLite lets one writer in at a time. A transaction that read first and then wants to write
/// gets "busy" at once when another writer got in between (waiting would not help: its snapshot
/// is stale). Such a transaction is run again from the start, when it will see the other
/// writer's result; PostgreSQL never gets here.
enum BusyRetry {
    static func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as SQLiteError where [.busy, .locked, .busyInSnapshot, .busyTimeout].contains(error.reason) && attempt < 60 {
                // Twenty staff at once on one visit, on a loaded machine, needed more than twenty
                // tries now and then: up to sixty, waiting at most 0.1 s between them (about 5 s).
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(min(attempt, 20)) * 5_000_000)
            }
        }
    }
}
