import Foundation
import Logging
import ServiceLifecycle
import Vapor

/// Runs queued imports in the background, as a swift-service-lifecycle `Service`. Each job is
/// claimed with a conditional UPDATE, so when several app instances share one database each job
/// runs once; a job whose runner died is taken up again when its lease runs out.
///
/// On a graceful shutdown the loop ends and a job in progress goes back to the queue at its next
/// progress report (`ImportJobRun`), so a restart does not wait out the lease.
struct ImportJobService: Service {
    let app: Application
    /// How long the runner rests when the queue is empty, or after an error.
    var idle: Duration = .seconds(1)
    /// Uploads nobody will read again are swept this often.
    var sweepEvery: TimeInterval = 600

    func run() async throws {
        var lastSweep = Date.distantPast
        var failures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var worked = false
            do {
                worked = try await ImportJobs.runNext(app)
                if Date().timeIntervalSince(lastSweep) > sweepEvery {
                    lastSweep = Date()
                    try await ImportJobs.sweepUploads(app)
                }
                failures = 0
            } catch {
                // A database that is down or busy: said once, then the runner waits longer and
                // longer (up to a minute) instead of filling the log every second.
                failures += 1
                if failures == 1 || failures % 60 == 0 {
                    app.logger.error("import runner cannot reach the database", metadata: ["type": "\(type(of: error))", "failures": "\(failures)"])
                }
            }
            if !worked {
                let pause = failures == 0 ? idle : min(.seconds(60), idle * failures)
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            }
        }
    }
}

/// Starts the app's background services with the server and stops them gracefully with it.
/// Vapor keeps its own signal handling: the group is told to shut down from Vapor's shutdown.
struct BackgroundServices: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: ImportJobService(app: app)), .init(service: RetentionService(app: app))], gracefulShutdownSignals: [],
                logger: app.logger)
        )
        let task = Task { try await group.run() }
        app.storage[Key.self] = Running(group: group, task: task)
    }

    func shutdownAsync(_ app: Application) async {
        guard let running = app.storage[Key.self] else { return }
        await running.group.triggerGracefulShutdown()
        _ = await running.task.result
    }

    struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, any Error>
    }
    struct Key: StorageKey { typealias Value = Running }
}
