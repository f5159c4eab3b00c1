import Foundation
import NIOHTTP1
import Vapor
import VaporTesting

/// One request of a race: what `race` sends for each runner.
struct RaceRequest: Sendable {
    var method: HTTPMethod
    var path: String
    var token: String
    var body: String = ""
}

/// Sends `count` requests at once through the real routes, each with its bearer token, and returns
/// the status code of each, by runner index. Used to prove that of many staff doing the same
/// thing at the same moment exactly one wins.
func race(_ app: Application, _ count: Int, _ request: @escaping @Sendable (Int) -> RaceRequest) async throws -> [Int: UInt] {
    try await withThrowingTaskGroup(of: (Int, UInt).self) { group in
        for i in 0..<count {
            group.addTask {
                let r = request(i)
                let headers: HTTPHeaders = ["Authorization": "Bearer \(r.token)", "Content-Type": "application/json"]
                let response = try await app.testing().sendRequest(r.method, r.path, headers: headers, body: ByteBuffer(string: r.body))
                return (i, response.status.code)
            }
        }
        return try await group.reduce(into: [Int: UInt]()) { $0[$1.0] = $1.1 }
    }
}
