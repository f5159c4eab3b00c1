import Fluent
import Vapor

/// Creating and changing accounts, shared by the admin pages, the API and `knigonosha user create`.
enum AccountService {
    struct NewAccount {
        var email: String
        var fullName: String
        var role: String
        var branchID: String
        var password: String
    }

    /// Checks a new account; returns the problems by field.
    static func validate(_ input: NewAccount, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        let email = User.normalize(email: input.email)
        _ = errors.text(input.fullName, "full_name", required: true, max: 200)
        if email.isEmpty {
            errors.add("email", "validation.required")
        } else if !isEmail(email) {
            errors.add("email", "validation.email")
        } else if try await User.query(on: db).filter(\.$email == email).count() > 0 {
            errors.add("email", "user.email_taken")
        }
        errors.merge(try await validateRoleAndBranch(role: input.role, branchID: input.branchID, on: db))
        if let problem = PasswordPolicy.problem(input.password) { errors.add("password", problem) }
        return errors
    }

    static func validateRoleAndBranch(role: String, branchID: String, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        guard let role = Role(rawValue: role) else {
            errors.add("role", role.isEmpty ? "validation.required" : "validation.choice")
            return errors
        }
        if branchID.isEmpty {
            // Administrators and management work across the branches.
            if role != .admin && role != .management { errors.add("branch_id", "user.branch_required") }
        } else if try await UUID(uuidString: branchID).asyncFlatMap({ try await Branch.find($0, on: db) }) == nil {
            errors.add("branch_id", "validation.choice")
        }
        return errors
    }

    /// Creates the account; call `validate` first.
    static func create(_ input: NewAccount, hasher: AsyncPasswordHasher, on db: any Database) async throws -> User {
        let user = User(
            email: input.email, fullName: input.fullName.trimmingCharacters(in: .whitespaces),
            role: Role(rawValue: input.role) ?? .carrier, branchID: UUID(uuidString: input.branchID),
            passwordHash: try await hasher.hash(input.password)
        )
        try await user.create(on: db)
        return user
    }

    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            s.count <= 254, !s.contains(where: { $0.isWhitespace }), !TextRules.hasControlCharacters(s)
        else { return false }
        return true
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
