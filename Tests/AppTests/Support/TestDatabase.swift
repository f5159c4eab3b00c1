import Foundation
import Testing

/// The databases every database test runs on: SQLite always, and PostgreSQL when
/// `KNIGONOSHA_TEST_POSTGRES_URL` (or a `postgres://` `DATABASE_URL`) names a local server.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        let env = ProcessInfo.processInfo.environment
        if let url = env["KNIGONOSHA_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        if let url = env["DATABASE_URL"], url.hasPrefix("postgres") { return url }
        return nil
    }

    static var all: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
}
