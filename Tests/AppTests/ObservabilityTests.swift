import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 17, §5 (part): liveness, readiness and Prometheus metrics, with no personal data in them
/// and metrics closed to all but the loopback or a token.
@Suite struct ObservabilityTests {
    @Test(arguments: TestDatabase.all)
    func test_health_readiness_and_metrics_by_route_pattern(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-MET", family: "Метрикова"), by: seed.admin)
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(health.status == .ok && health.body.string == "ok\n")
            let ready = try await app.testing().sendRequest(.GET, "/readyz")
            #expect(
                ready.status == .ok && ready.body.string.contains("\"migrations_pending\":0") && ready.body.string.contains("\"database\":\"ok\""))
            // A migration not yet run makes the instance not ready.
            try await MigrationLog.query(on: app.db).filter(\.$name == M069ReaderRemoval().name).delete()
            let pending = try await app.testing().sendRequest(.GET, "/readyz")
            #expect(pending.status == .serviceUnavailable && pending.body.string.contains("\"migrations_pending\":1"))

            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.get("/readers/\(reader.id!.uuidString.lowercased())").status == .ok)
            #expect(try await web.get("/readers?q=Метрикова").status == .ok)
            // Closed without a token (the in-memory client has no loopback address) and with a wrong one.
            #expect(try await app.testing().sendRequest(.GET, "/metrics").status == .notFound)
            app.config.metricsToken = String(repeating: "k", count: 32)
            #expect(try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer wrong"]).status == .notFound)
            let metrics = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer " + app.config.metricsToken!])
            #expect(metrics.status == .ok && metrics.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = metrics.body.string
            #expect(text.contains("http_requests_total{method=\"GET\",route=\"/readers/:id\",status=\"200\"} 1"))
            #expect(text.contains("http_requests_total{method=\"GET\",route=\"/readers\",status=\"200\"} 1"))
            #expect(text.contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/readers/:id\",le=\"0.05\"}"))
            #expect(text.contains("knigonosha_import_jobs{state=\"queued\"} 0"))
            // The pool: SQLite one connection a loop, PostgreSQL DATABASE_POOL_SIZE (4) a loop.
            let loops = app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }
            #expect(text.contains("knigonosha_database_pool_connections \(db == .sqlite ? loops : 4 * loops).0\n"))
            #expect(text.contains("knigonosha_database_probe_seconds "))
            // Patterns, never ids, queries or names.
            #expect(!text.contains(reader.id!.uuidString.lowercased()) && !text.contains("Метрикова") && !text.contains("q="))
        }
    }

    @Test func test_metrics_are_open_to_the_loopback_only_when_not_proxied() async throws {
        let app = try await Application.make(.testing)
        func request(from ip: String, headers: HTTPHeaders = [:]) throws -> Request {
            Request(
                application: app, method: .GET, url: "/metrics", headers: headers, collectedBody: nil,
                remoteAddress: try SocketAddress(ipAddress: ip, port: 5000), on: app.eventLoopGroup.next())
        }
        #expect(ObservabilityController.allowed(try request(from: "127.0.0.1"), token: nil))
        #expect(ObservabilityController.allowed(try request(from: "::1"), token: nil))
        #expect(!ObservabilityController.allowed(try request(from: "10.0.0.7"), token: nil))
        #expect(!ObservabilityController.allowed(try request(from: "127.0.0.1", headers: ["X-Forwarded-For": "203.0.113.9"]), token: nil))
        let token = String(repeating: "t", count: 30)
        #expect(ObservabilityController.allowed(try request(from: "10.0.0.7", headers: ["Authorization": "Bearer " + token]), token: token))
        #expect(!ObservabilityController.allowed(try request(from: "10.0.0.7", headers: ["Authorization": "Bearer x" + token]), token: token))
        try await app.asyncShutdown()
    }
}
