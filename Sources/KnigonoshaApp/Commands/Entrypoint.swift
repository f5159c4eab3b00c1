import Fluent
import Vapor

/// The command line: `serve [--demo]`, `migrate`, `user create`, `token create`.
public enum Knigonosha {
    public static func main() async throws {
        var env = try Environment.detect()
        let config: AppConfig
        do {
            try LoggingSystem.bootstrapRedacting(from: &env)
            config = try AppConfig.fromEnvironment()
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(2)
        }
        // `--demo` belongs to us, not to Vapor's serve command.
        let command = env.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        // Help touches nothing: no migrations, no data folder, no background jobs.
        let help = env.arguments.contains("--help") || env.arguments.contains("-h")
        let demo = env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }

        let app = try await Application.make(env)
        do {
            try await configure(app, config: config)
            app.asyncCommands.use(MigrateNowCommand(), as: "migrate")
            app.asyncCommands.use(UserCommands(), as: "user")
            app.asyncCommands.use(TokenCommands(), as: "token")
            app.asyncCommands.use(CatalogCommands(), as: "catalog")
            app.asyncCommands.use(BackupCommand(), as: "backup")
            app.asyncCommands.use(RestoreCommand(), as: "restore")
            app.asyncCommands.use(BenchCommands(), as: "bench")
            // Commands that read no data (the route list, the routing solver) leave no folder
            // behind in whatever directory they were run from (issue 12, item 15).
            if !help && !["routes", "vrptw"].contains(command) { try DatabaseSetup.ensureDirectory(config.database) }
            if command == "serve" && !help {
                if case .sqlite(let path) = config.database {
                    guard let lock = DatabaseLock.shared(for: path) else {
                        throw CommandFailure("a restore is running on \(path); start the service when it has finished")
                    }
                    app.storage[DatabaseLockKey.self] = lock
                }
                try await Migrations.run(on: app)
                if demo { try await DemoData.loadIfEmpty(app, arguments: env.arguments) }
                // Queued imports run in the server only, never under `migrate` or `user create`.
                app.lifecycle.use(BackgroundServices())
            }
            try await app.execute()
            // On SIGTERM the server stops taking requests and lets those in flight finish (up to
            // its 10 s) before anything else stops: Vapor's own shutdown closes the databases
            // first, and a request still running then crashed the process (issue 17, §6).
            if command == "serve" && !help { await app.server.shutdown() }
        } catch let error as StartupFailure {
            // Like a configuration mistake: nothing started, and the message says what to do.
            try? await app.asyncShutdown()
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(2)
        } catch {
            // A failed command ends with its message and exit status 1, never a crash report.
            try? await app.asyncShutdown()
            let message = (error as? CommandFailure)?.description ?? "Error: \(error)"
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(1)
        }
        try await app.asyncShutdown()
    }
}

/// `knigonosha migrate`: applies pending migrations without asking.
struct MigrateNowCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Runs pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Migrations.run(on: context.application)
        context.console.print("Migrations are up to date.")
    }
}
