import Vapor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who is using an SQLite database file: every `serve` holds a shared lock on `FILE.lock` while it
/// runs, and `restore` needs the exclusive one. A restore under a running service reported success
/// while the service kept writing to the file it had replaced, and those edits were lost (review of
/// issue 13, section 5). The operating system releases the lock when a process ends, crash or not.
final class DatabaseLock: @unchecked Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// The shared lock of a running service; nil when a restore holds the file.
    static func shared(for path: String) -> DatabaseLock? { take(path, LOCK_SH) }

    /// The exclusive lock of a restore; nil while a service runs on the file.
    static func exclusive(for path: String) -> DatabaseLock? { take(path, LOCK_EX) }

    private static func take(_ path: String, _ mode: Int32) -> DatabaseLock? {
        let fd = open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, mode | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return DatabaseLock(fd: fd)
    }
}

struct DatabaseLockKey: StorageKey { typealias Value = DatabaseLock }
