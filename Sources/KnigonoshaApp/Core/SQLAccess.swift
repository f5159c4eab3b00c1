import Fluent
import SQLKit

/// The SQL side of a Fluent database (issue 18, §5). Both drivers the service runs on speak SQL,
/// and `DatabaseSetup.use` checks it once at start; code that needs SQL asks here and gets an
/// error it cannot miss, where it used to `guard … else { return [] }` and quietly do nothing.
extension Database {
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw NotSQLDatabase() }
            return sql
        }
    }
}

/// A database driver without SQL: a programming error, named.
struct NotSQLDatabase: Error, CustomStringConvertible {
    var description: String { "the database driver does not speak SQL; Knigonosha needs SQLite or PostgreSQL" }
}
