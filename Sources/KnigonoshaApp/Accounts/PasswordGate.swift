import Synchronization
import Vapor

/// Checks passwords on threads of their own, a few at a time.
///
/// bcrypt is slow on purpose. On the app's shared thread pool a flood of logins starved the
/// database (SQLite runs there too): 40 parallel logins gave 22 × 500 and a signed-in page took
/// 13 s (issue 19, finding 4). Here bcrypt has its own small pool, and when more checks are waiting
/// than the pool can finish in a moment, the login is answered 503 at once instead of queueing.
final class PasswordGate: Sendable {
    let pool: NIOThreadPool
    let capacity: Int
    private let inFlight = Mutex(0)
    /// A hash of the configured cost, checked when the account is unknown, so that an unknown
    /// address costs the same time as a known one and timing does not reveal which exist.
    let decoyHash: String

    init(threads: Int, capacity: Int, cost: Int) throws {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        self.capacity = capacity
        decoyHash = try Bcrypt.hash(UUID().uuidString, cost: cost)
    }

    /// Whether `password` matches `hash`, or nil when the gate is full and the caller should
    /// answer 503.
    func verify(_ password: String, hash: String?) async throws -> Bool? {
        let admitted = inFlight.withLock { n -> Bool in
            guard n < capacity else { return false }
            n += 1
            return true
        }
        guard admitted else { return nil }
        defer { inFlight.withLock { $0 -= 1 } }
        let target = hash ?? decoyHash
        let matches = try await pool.runIfActive { (try? Bcrypt.verify(password, created: target)) ?? false }
        return matches && hash != nil
    }

    /// Checks running or waiting now.
    var inFlightCount: Int { inFlight.withLock { $0 } }

    func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}

struct PasswordGateKey: StorageKey { typealias Value = PasswordGate }

/// Stops the gate's threads with the app.
struct PasswordGateLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.storage[PasswordGateKey.self]?.shutdown()
    }
}

extension Application {
    var passwordGate: PasswordGate {
        guard let gate = storage[PasswordGateKey.self] else { fatalError("configure() sets up the password gate") }
        return gate
    }

    /// Two threads (the machine's cores are shared with the event loops and the database) and up to
    /// 16 checks admitted at once: about two seconds of work at cost 12.
    func usePasswordGate(cost: Int) throws {
        storage[PasswordGateKey.self] = try PasswordGate(threads: 2, capacity: 16, cost: cost)
        lifecycle.use(PasswordGateLifecycle())
    }
}
