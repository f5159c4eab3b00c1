import Foundation
import Vapor

/// Typed configuration read once from the environment; bad values stop start-up with a clear message.
public struct AppConfig: Sendable {
    /// Where the data lives.
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: Database
    /// bcrypt cost; 12 in production, lowered by the tests to keep them fast.
    public var bcryptCost: Int
    /// Adds `Secure` to cookies; turn on behind HTTPS.
    public var secureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    public var trustForwardedFor: Bool
    /// The library's time zone, used for "today" and for displayed times.
    public var timeZone: TimeZone
    /// How long an idle web session lasts.
    public var sessionIdleLifetime: TimeInterval
    /// Where uploaded import files wait for their job.
    public var uploadDirectory = "data/uploads"
    /// Where events' photos and slides are kept (shared storage when several servers run).
    public var attachmentDirectory = "data/attachments"
    /// The largest attachment accepted, in bytes.
    public var attachmentMaxBytes = 20 * 1024 * 1024
    /// The address people reach the service at («https://kitap.example.kz»), for links that leave
    /// the browser, such as calendar feeds; the request's Host is used when it is not set.
    public var publicURL: String?
    /// The bearer token that opens `/metrics` to a scraper that is not on the loopback.
    public var metricsToken: String?
    /// PostgreSQL connections per event loop (one loop per core). The driver's default of one
    /// left a two-core instance with two connections, and fifty signed-in pages queued for them
    /// (issue 17, §4). SQLite keeps one connection per loop: it writes one at a time anyway.
    public var databasePoolSize = 4
    /// SQLite's statements logged at this level (never from the environment): the tests that count
    /// a page's statements turn it on; a server keeps it off (issue 17, §2).
    var sqliteQueryLogLevel: Logger.Level?

    public init(
        database: Database,
        bcryptCost: Int = 12,
        secureCookies: Bool = false,
        trustForwardedFor: Bool = false,
        timeZone: TimeZone = AppConfig.defaultTimeZone,
        sessionIdleLifetime: TimeInterval = 12 * 3600
    ) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.timeZone = timeZone
        self.sessionIdleLifetime = sessionIdleLifetime
    }

    /// Kazakhstan has used UTC+5 across the country since 2024.
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Almaty") ?? TimeZone(secondsFromGMT: 5 * 3600)!

    /// The default SQLite file, relative to the working directory.
    public static let defaultSQLitePath = "data/knigonosha.sqlite"

    /// Reads the configuration from environment variables.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        var config = AppConfig(database: try parseDatabaseURL(env["DATABASE_URL"]))
        if let raw = env["BCRYPT_COST"], !raw.isEmpty {
            guard let cost = Int(raw), (4...31).contains(cost) else {
                throw ConfigError("BCRYPT_COST must be a whole number from 4 to 31, got \"\(raw)\"")
            }
            config.bcryptCost = cost
        }
        let secureSetting = env["COOKIE_SECURE"].flatMap { $0.isEmpty ? nil : $0 }
        config.secureCookies = try flag(env, "COOKIE_SECURE")
        config.trustForwardedFor = try flag(env, "TRUST_FORWARDED_FOR")
        if let raw = env["KNIGONOSHA_TIMEZONE"], !raw.isEmpty {
            guard let zone = TimeZone(identifier: raw) else {
                throw ConfigError("KNIGONOSHA_TIMEZONE is not a known time zone: \"\(raw)\"")
            }
            config.timeZone = zone
        }
        if let raw = env["DATABASE_POOL_SIZE"], !raw.isEmpty {
            guard let size = Int(raw), (1...64).contains(size) else {
                throw ConfigError("DATABASE_POOL_SIZE must be a whole number of connections per core from 1 to 64, got \"\(raw)\"")
            }
            config.databasePoolSize = size
        }
        if let raw = env["UPLOAD_DIR"], !raw.isEmpty { config.uploadDirectory = raw }
        if let raw = env["ATTACHMENT_DIR"], !raw.isEmpty { config.attachmentDirectory = raw }
        if let raw = env["ATTACHMENT_MAX_MB"], !raw.isEmpty {
            guard let mb = Int(raw), (1...100).contains(mb) else {
                throw ConfigError("ATTACHMENT_MAX_MB must be a whole number of megabytes from 1 to 100, got \"\(raw)\"")
            }
            config.attachmentMaxBytes = mb * 1024 * 1024
        }
        if let raw = env["PUBLIC_URL"], !raw.isEmpty {
            guard let url = URL(string: raw), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigError("PUBLIC_URL must be an http(s) address such as https://kitap.example.kz, got \"\(raw)\"")
            }
            config.publicURL = raw.hasSuffix("/") ? String(raw.dropLast()) : raw
        }
        // A site served over https gets Secure cookies (and with them the __Host- names) unless
        // COOKIE_SECURE says otherwise.
        if secureSetting == nil, config.publicURL?.lowercased().hasPrefix("https://") == true { config.secureCookies = true }
        if let raw = env["METRICS_TOKEN"], !raw.isEmpty {
            guard raw.count >= 24, raw.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw ConfigError("METRICS_TOKEN must be at least 24 characters without spaces (for example from `openssl rand -hex 24`)")
            }
            config.metricsToken = raw
        }
        if let raw = env["SESSION_IDLE_HOURS"], !raw.isEmpty {
            guard let hours = Double(raw), hours > 0, hours <= 24 * 30 else {
                throw ConfigError("SESSION_IDLE_HOURS must be a number of hours from 0 to 720, got \"\(raw)\"")
            }
            config.sessionIdleLifetime = hours * 3600
        }
        return config
    }

    /// `postgres://…` or `postgresql://…` selects PostgreSQL; `sqlite:///abs/path` or
    /// `sqlite://relative/path` selects an SQLite file; nothing selects the default file.
    public static func parseDatabaseURL(_ raw: String?) throws -> Database {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .sqlite(path: defaultSQLitePath)
        }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            guard let url = URL(string: raw), url.host != nil, !(url.host ?? "").isEmpty else {
                throw ConfigError("DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:port/database)")
            }
            return .postgres(url: raw)
        }
        if raw.hasPrefix("sqlite://") {
            let path = String(raw.dropFirst("sqlite://".count))
            guard !path.isEmpty, path != "/" else {
                throw ConfigError("DATABASE_URL sqlite:// needs a file path, for example sqlite:///var/lib/knigonosha/db.sqlite")
            }
            return .sqlite(path: path)
        }
        throw ConfigError("DATABASE_URL must start with postgres://, postgresql:// or sqlite://")
    }

    private static func flag(_ env: [String: String], _ name: String) throws -> Bool {
        switch env[name]?.lowercased() {
        case nil, "", "0", "false", "no", "off": return false
        case "1", "true", "yes", "on": return true
        case let other?: throw ConfigError("\(name) must be 1 or 0 (true or false), got \"\(other)\"")
        }
    }
}

/// A configuration mistake, reported before anything starts.
public struct ConfigError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = "Configuration error: " + message }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The configuration the app was built with.
    public var config: AppConfig {
        get {
            guard let value = storage[ConfigKey.self] else { fatalError("configure(_:config:) was not called") }
            return value
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
