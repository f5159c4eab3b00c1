import Fluent
import NIOCore
import SQLKit
import Vapor

/// `/healthz` (the process answers), `/readyz` (the database answers and every migration has run:
/// a proxy sends traffic only then), and `/metrics` in Prometheus' text format. None of them names
/// a reader or an account.
struct ObservabilityController {
    func register(_ app: Application) {
        app.get("healthz", use: health)
        app.get("readyz", use: ready)
        app.get("metrics", use: metrics)
    }

    func health(req: Request) async throws -> Response {
        Self.plain("ok\n")
    }

    struct Readiness: Content {
        var database: String
        var migrations_pending: Int
    }

    func ready(req: Request) async throws -> Response {
        var state = Readiness(database: "ok", migrations_pending: 0)
        do {
            let applied = Set(try await MigrationLog.query(on: req.db).all().map(\.name))
            state.migrations_pending = Migrations.all.filter { !applied.contains(Self.name(of: $0)) }.count
        } catch {
            state.database = "unreachable"
        }
        let response = Response(status: state.database == "ok" && state.migrations_pending == 0 ? .ok : .serviceUnavailable)
        try response.content.encode(state, as: .json)
        return response
    }

    /// Fluent records a migration under its type's full name.
    static func name(of migration: any Migration) -> String { migration.name }

    /// For the loopback (a Prometheus beside the server) unless the request came through a proxy,
    /// or for anyone with `METRICS_TOKEN` as a bearer token.
    func metrics(req: Request) async throws -> Response {
        guard Self.allowed(req, token: req.application.config.metricsToken) else { throw AppError.notFound }
        var counts: [String: Int] = [:]
        let start = ContinuousClock.now
        for job in try await ImportJob.query(on: req.db).field(\.$status).all() { counts[job.status, default: 0] += 1 }
        let metrics = req.application.metrics
        metrics.jobs(counts)
        let app = req.application
        let perLoop = DatabaseSetup.isSQLite(req.db) ? 1 : app.config.databasePoolSize
        metrics.database(poolConnections: perLoop * app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }, probe: ContinuousClock.now - start)
        let response = Response(status: .ok, body: .init(string: metrics.registry.emitToString()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func allowed(_ req: Request, token: String?) -> Bool {
        if let token, let sent = req.headers.bearerAuthorization?.token {
            return Array(sent.utf8).count == Array(token.utf8).count && zip(sent.utf8, token.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
        let proxied = req.headers.first(name: "X-Forwarded-For") != nil || req.headers.first(name: "Forwarded") != nil
        return !proxied && Self.isLoopback(req.remoteAddress)
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress else { return false }
        return ip == "::1" || ip.hasPrefix("127.") || ip.hasPrefix("::ffff:127.")
    }

    static func plain(_ text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
