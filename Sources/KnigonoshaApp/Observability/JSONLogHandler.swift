import Foundation
import Logging
import NIOConcurrencyHelpers

/// One JSON object a line on standard error, for a log collector (`LOG_FORMAT=json`, issue 17 §5):
/// time, level, label, message, source and the metadata, with the request id where Vapor gives
/// one. It sits inside `RedactingLogHandler`, so bound values never reach it.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Lines from many threads are written whole, one at a time.
    private static let lock = NIOLock()

    init(label: String, level: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let line = Self.line(
            time: Date(), level: event.level, label: label, message: event.message.description, source: event.source, metadata: all)
        Self.lock.withLock { FileHandle.standardError.write(line) }
    }

    static func line(
        time: Date, level: Logger.Level, label: String, message: String, source: String, metadata: Logger.Metadata
    ) -> Data {
        var object: [String: Any] = [
            "time": time.formatted(
                .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeZone(separator: .omitted)),
            "level": level.rawValue, "label": label, "message": message, "source": source,
        ]
        if !metadata.isEmpty { object["metadata"] = metadata.mapValues(json) }
        var data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        data.append(0x0A)
        return data
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let s): s
        case .stringConvertible(let c): c.description
        case .array(let a): a.map(json)
        case .dictionary(let d): d.mapValues(json)
        }
    }
}
