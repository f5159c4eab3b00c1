import AsyncKit
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 17, bad input: a database that does not answer, or one migrated by a newer build, stops
/// the start with a message that says what to do (exit status 2 in `Knigonosha.main`).
@Suite struct StartupChecksTests {
    @Test(arguments: TestDatabase.all)
    func test_a_database_migrated_by_a_newer_build_stops_the_start(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // Up to date: nothing to say.
            try await StartupChecks.schemaNotNewer(app)
            try await MigrationLog(name: "KnigonoshaApp.M999FromTheFuture", batch: 99).create(on: app.db)
            do {
                try await StartupChecks.schemaNotNewer(app)
                Issue.record("a newer schema was accepted")
            } catch let failure as StartupFailure {
                #expect(failure.description.contains("newer Knigonosha") && failure.description.contains("M999FromTheFuture"))
            }
            // The migration runner refuses it too, before touching anything.
            await #expect(throws: StartupFailure.self) { try await Migrations.run(on: app) }
        }
    }

    @Test func test_an_unreachable_postgresql_is_named_without_its_password() async throws {
        let url = "postgres://kn:s3cret-pw@127.0.0.1:1/knigonosha"
        let app = try await Application.make(.testing)
        var config = AppConfig(database: .postgres(url: url), bcryptCost: 4)
        config.uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-up-\(UUID())").path
        do {
            try await configure(app, config: config)
            try await StartupChecks.reachable(app, config.database)
            Issue.record("port 1 answered")
        } catch let failure as StartupFailure {
            #expect(failure.description.contains("PostgreSQL at 127.0.0.1:1/knigonosha does not answer"))
            #expect(!failure.description.contains("s3cret"))
        }
        try await app.asyncShutdown()
    }
}

/// Issue 17, bad input: an overloaded instance answers 503 with `Retry-After`, on the API and on
/// the pages, rather than timing out silently or answering 500.
@Suite struct OverloadTests {
    @Test func test_a_database_wait_that_timed_out_is_503_with_retry_after() async throws {
        try await withTestApp(.sqlite) { app in
            app.get("api", "v1", "test-busy") { _ async throws -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
            app.get("test-busy") { _ async throws -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
            for path in ["/api/v1/test-busy", "/test-busy"] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .serviceUnavailable, "\(path)")
                #expect(response.headers.first(name: .retryAfter) == "5", "\(path)")
            }
        }
    }
}

/// Issue 17, §5: optional JSON logs, one object a line, with bound values redacted before them.
@Suite struct JSONLogTests {
    @Test func test_a_json_log_line_is_one_object_with_its_metadata() throws {
        let data = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 0), level: .info, label: "kn", message: "GET /readers/:id 200 \"quoted\"", source: "KnigonoshaApp",
            metadata: ["request-id": "abc", "nested": ["n": .stringConvertible(3)]])
        #expect(data.last == 0x0A && data.filter { $0 == 0x0A }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["message"] as? String == "GET /readers/:id 200 \"quoted\"" && object["level"] as? String == "info")
        #expect((object["time"] as? String)?.hasPrefix("1970-01-01T00:00:00") == true)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["request-id"] as? String == "abc" && (metadata["nested"] as? [String: Any])?["n"] as? String == "3")
    }

    @Test func test_the_log_format_is_console_or_json_and_nothing_else() throws {
        #expect(try LoggingSystem.logFormatIsJSON(nil) == false)
        #expect(try LoggingSystem.logFormatIsJSON("console") == false)
        #expect(try LoggingSystem.logFormatIsJSON(" JSON ") == true)
        #expect(throws: ConfigError.self) { try LoggingSystem.logFormatIsJSON("xml") }
    }

    @Test func test_bound_values_are_redacted_before_the_json_handler() {
        let redacted = RedactingLogHandler.redact(["binds": ["Сейтказина", "+77012345678"], "sql": "SELECT …"])
        let line = String(
            decoding: JSONLogHandler.line(time: Date(), level: .debug, label: "sql", message: "query", source: "x", metadata: redacted), as: UTF8.self
        )
        #expect(!line.contains("Сейтказина") && !line.contains("+7701") && line.contains("[redacted]"))
    }
}

/// The review of the deployment: a backup's or restore's PostgreSQL password never goes on the
/// tool's command line, where `ps` shows it to every user of the machine.
@Suite struct BackupToolArgumentsTests {
    @Test func test_the_password_leaves_the_command_line_for_the_environment() {
        let (safe, password) = Backup.hidingPassword(["--file", "x.sql", "postgres://kn:s3cret@127.0.0.1:5432/knigonosha"])
        #expect(password == "s3cret")
        #expect(safe == ["--file", "x.sql", "postgres://kn@127.0.0.1:5432/knigonosha"])
        #expect(!safe.joined().contains("s3cret"))
        let (plain, none) = Backup.hidingPassword(["-c", "postgres://kn@127.0.0.1/db"])
        #expect(plain == ["-c", "postgres://kn@127.0.0.1/db"] && none == nil)
    }
}

/// The review of the deployment: behind a proxy that appends to `X-Forwarded-For`, a client that
/// sends its own header must not choose the address the sign-in throttle counts.
@Suite struct ForwardedAddressTests {
    @Test func test_the_throttle_takes_the_address_our_proxy_wrote() async throws {
        try await withTestApp(.sqlite) { app in
            func address(_ values: [String]) -> String {
                var headers = HTTPHeaders()
                for v in values { headers.add(name: .xForwardedFor, value: v) }
                return Request(application: app, method: .POST, url: "/login", headers: headers, on: app.eventLoopGroup.any()).clientAddress
            }
            #expect(address(["6.6.6.6, 10.1.2.3"]) == "10.1.2.3")
            #expect(address(["7.7.7.7", "10.1.2.3"]) == "10.1.2.3")
            #expect(address(["10.1.2.3"]) == "10.1.2.3")
        }
    }
}
