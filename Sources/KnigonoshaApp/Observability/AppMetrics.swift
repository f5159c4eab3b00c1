import Prometheus
import Vapor

/// The app's Prometheus registry, one per `Application` (no process-wide metrics system), so that
/// tests and several apps in one process each count their own.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Request latency buckets, in the range a page should take (issue 17: p99 < 50 ms).
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "Requests by method, route pattern and status")
    }
    static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: "http_request_duration", unitName: "seconds", helpText: "Time to answer, by method and route pattern")
    }
    static var jobs: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "knigonosha", metricName: "import_jobs", unitName: "", helpText: "Import jobs by state")
    }
    static var poolConnections: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "knigonosha", metricName: "database_pool_connections", unitName: "",
            helpText: "Database connections this instance may open (per core times cores)")
    }
    static var databaseWait: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "knigonosha", metricName: "database_probe", unitName: "seconds",
            helpText: "Time the last scrape waited for a pooled connection and its query's answer; it grows when every connection is busy")
    }
    static let buckets: [Duration] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000].map { .milliseconds($0) }

    /// One request, labelled by the route's pattern (`/readers/:id`), never its path or query:
    /// an id or a search can name a reader, and patterns keep the series few.
    func record(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))])
            .increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.buckets)
            .record(duration)
    }

    /// The database pool, read at each scrape: its size and how long the scrape's own query took.
    func database(poolConnections: Int, probe: Duration) {
        registry.makeGauge(descriptor: Self.poolConnections).set(Double(poolConnections))
        let seconds = Double(probe.components.seconds) + Double(probe.components.attoseconds) / 1e18
        registry.makeGauge(descriptor: Self.databaseWait).set(seconds)
    }

    /// Import jobs by state, read at each scrape.
    func jobs(_ counts: [String: Int]) {
        for state in ImportStatus.allCases.map(\.rawValue) {
            registry.makeGauge(descriptor: Self.jobs, labels: [("state", state)]).set(Double(counts[state] ?? 0))
        }
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = AppMetrics }

    var metrics: AppMetrics {
        if let existing = storage[MetricsKey.self] { return existing }
        let made = AppMetrics()
        storage[MetricsKey.self] = made
        return made
    }
}

/// Times every request, outermost, so that errors are counted with the status they were answered with.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: AppMetrics

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: req)
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(unmatched)"
        metrics.record(method: req.method.rawValue, route: route, status: response.status.code, duration: ContinuousClock.now - start)
        return response
    }
}
