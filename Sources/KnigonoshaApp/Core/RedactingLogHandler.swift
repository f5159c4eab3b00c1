import Logging
import Vapor

/// Keeps bound query values out of the logs at every level (issue 19, finding 10).
///
/// SQLKit's drivers log each query with its bound values ("binds"), and FluentKit logs each query
/// it builds with its filter values and its input, at debug; at `LOG_LEVEL=debug` that wrote
/// addresses, notes and password hashes. The SQLite driver is configured not to log queries, but
/// the PostgreSQL driver and FluentKit cannot be told so: this handler, wrapped around every
/// logger, replaces such values, at any depth of the metadata, before anything is written. What
/// stays is the shape of the query: schema, action, fields, placeholders.
struct RedactingLogHandler: LogHandler {
    static let redactedKeys: Set<String> = ["binds", "bindings", "parameters", "input", "value", "values"]
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
        metadata.reduce(into: Logger.Metadata()) { out, pair in
            out[pair.key] = redactedKeys.contains(pair.key.lowercased()) ? "[redacted]" : redact(pair.value)
        }
    }

    static func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .dictionary(let d): .dictionary(redact(d))
        case .array(let a): .array(a.map(redact))
        default: value
        }
    }
}

extension LoggingSystem {
    /// Vapor's console logger at the level `--log` or `LOG_LEVEL` asks for, or one JSON object a
    /// line with `LOG_FORMAT=json`; bound values redacted either way.
    static func bootstrapRedacting(from environment: inout Environment) throws {
        let json = try logFormatIsJSON(Environment.get("LOG_FORMAT"))
        try bootstrap(from: &environment) { level in
            let console = Terminal()
            return { label in
                RedactingLogHandler(
                    inner: json ? JSONLogHandler(label: label, level: level) : ConsoleLogger(label: label, console: console, level: level))
            }
        }
    }

    /// `LOG_FORMAT`: `console` (the default) or `json`; anything else is a configuration mistake.
    static func logFormatIsJSON(_ raw: String?) throws -> Bool {
        switch raw?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "console": return false
        case "json": return true
        default: throw ConfigError("LOG_FORMAT must be console or json")
        }
    }
}
