import Vapor

// Vapor's plaintext ceiling on this machine, for `Benchmarks/load.sh`: one route answering
// "Hello, World!" with nothing else in the stack (no sessions, database or middleware of ours),
// served as the app is (same Vapor, release build, all cores). The load script measures it in the
// same run as the app's pages, so that the pages' throughput is read as a share of it.
// Usage: plaintext-bench PORT
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
// Our own arguments are not Vapor commands: the app is given none, and so serves.
let app = try await Application.make(Environment(name: "production", arguments: ["plaintext-bench"]))
app.logger.logLevel = .warning
app.http.server.configuration.hostname = "127.0.0.1"
app.http.server.configuration.port = port
app.get("plaintext") { _ in "Hello, World!" }
try await app.execute()
try await app.asyncShutdown()
