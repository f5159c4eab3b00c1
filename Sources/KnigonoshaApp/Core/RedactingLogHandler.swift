import Logging
import Vapor

/// Keeps bound query values out of the logs at every level (issue 19, finding 10).
///
/// SQLKit's drivers log each query with its bound values ("binds") at the level the database was
/// configured with; at `LOG_LEVEL=debug` that wrote addresses, notes and password hashes. The
/// SQLite driver is configured not to log queries at all, but the PostgreSQL driver cannot be told
/// so, and a later driver may log elsewhere: this handler, wrapped around every logger, replaces
/// any such metadata before it is written. The SQL text itself holds only placeholders.
struct RedactingLogHandler: LogHandler {
    static let redactedKeys: Set<String> = ["binds", "bindings", "parameters", "psql_binds"]
    var inner: any LogHandler

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { inner.metadataProvider }
        set { inner.metadataProvider = newValue }
    }

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        if let metadata = event.metadata { event.metadata = Self.redact(metadata) }
        inner.log(event: event)
    }

    static func redact(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var out = metadata
        for key in metadata.keys where redactedKeys.contains(key.lowercased()) { out[key] = "[redacted]" }
        return out
    }
}

extension LoggingSystem {
    /// Vapor's console logger at the level `--log` or `LOG_LEVEL` asks for, with bound values
    /// redacted.
    static func bootstrapRedacting(from environment: inout Environment) throws {
        try bootstrap(from: &environment) { level in
            let console = Terminal()
            return { label in RedactingLogHandler(inner: ConsoleLogger(label: label, console: console, level: level)) }
        }
    }
}
