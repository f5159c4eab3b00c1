import Fluent
import Vapor

/// `knigonosha user create --role ROLE --email E [--name N] [--branch CODE]`.
struct UserCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["create": UserCreateCommand()] }
    var help: String { "Manages accounts." }
}

struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "role", help: "admin, coordinator or carrier") var role: String?
        @Option(name: "email", help: "The login email") var email: String?
        @Option(name: "name", help: "Full name (defaults to the email)") var name: String?
        @Option(name: "branch", help: "Branch code; required for coordinators and carriers") var branch: String?
    }

    var help: String {
        "Creates an account. The password is asked for, or read from standard input when it is not a terminal."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Migrations.run(on: app)
        var branchID = ""
        if let code = signature.branch, !code.isEmpty {
            guard let branch = try await Branch.query(on: app.db).filter(\.$code == code).first() else {
                throw CommandFailure("no branch with code \"\(code)\"")
            }
            branchID = branch.id!.uuidString
        }
        let password = try Self.readPassword(context)
        let input = AccountService.NewAccount(
            email: signature.email ?? "", fullName: signature.name ?? signature.email ?? "", role: signature.role ?? "",
            branchID: branchID, password: password
        )
        let errors = try await AccountService.validate(input, on: app.db)
        guard errors.isEmpty else {
            let text = errors.items.map { "\($0.field): \(app.l10n.t($0.message.key, .en, $0.message.args))" }.joined(separator: "; ")
            throw CommandFailure(text)
        }
        let user = try await AccountService.create(input, hasher: app.password.async, on: app.db)
        context.console.print("Created \(user.role.rawValue) account \(user.email).")
    }

    static func readPassword(_ context: CommandContext) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = context.console.ask("Password: ", isSecure: true)
            let again = context.console.ask("Repeat password: ", isSecure: true)
            guard first == again else { throw CommandFailure("the passwords do not match") }
            return first
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password on standard input") }
        return line
    }
}

/// `knigonosha token create --email E --name N`: prints a new API token for an account.
struct TokenCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["create": TokenCreateCommand()] }
    var help: String { "Manages API tokens." }
}

struct TokenCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account's email") var email: String?
        @Option(name: "name", help: "What the token is for") var name: String?
        @Option(name: "days", help: "Days until the token stops working (default: until revoked)") var days: Int?
    }

    var help: String { "Creates an API token and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let email = User.normalize(email: signature.email ?? "")
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            throw CommandFailure("no account with email \"\(email)\"")
        }
        if let days = signature.days, !(1...3650).contains(days) { throw CommandFailure("--days must be from 1 to 3650") }
        let expiresAt = signature.days.map { Date().addingTimeInterval(Double($0) * 86400) }
        let secret = APIToken.generate()
        try await APIToken(userID: user.id!, name: signature.name ?? "command line", token: secret, expiresAt: expiresAt).create(on: app.db)
        context.console.print(secret)
    }
}

/// A command-line failure with a message for the person at the terminal.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "Error: " + message }
}
