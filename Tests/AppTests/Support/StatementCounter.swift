import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

@testable import KnigonoshaApp

/// Counts the SQL statements one request runs, on either database: the drivers log each one as
/// "Executing query" through the request's logger, which here is a counting one at trace level.
enum StatementCounter {
    struct Handler: LogHandler {
        let box: NIOLockedValueBox<[String]>
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message.description == "Executing query" else { return }
            let sql = event.metadata?["sql"].map { "\($0)" } ?? "?"
            box.withLockedValue { $0.append(sql) }
        }
    }

    /// The status and the statements of `GET path`, sent with `web`'s cookies as its browser would.
    static func get(_ app: Application, _ web: WebClient, _ path: String) async throws -> (status: HTTPStatus, statements: [String]) {
        let box = NIOLockedValueBox<[String]>([])
        let logger = Logger(label: "statements") { _ in Handler(box: box) }
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: web.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        headers.add(name: .xForwardedFor, value: web.address)
        let request = Request(
            application: app, method: .GET, url: URI(path: path), headers: headers, collectedBody: nil, remoteAddress: nil, logger: logger,
            on: app.eventLoopGroup.any())
        let response = try await app.responder.respond(to: request).get()
        return (response.status, box.withLockedValue { $0 })
    }
}
