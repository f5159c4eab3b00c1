/// Rules for new passwords, shared by the profile, the admin pages and the command line.
enum PasswordPolicy {
    static let minLength = 8
    static let maxLength = 128

    /// The catalog key of the first problem with `password`, if any.
    static func problem(_ password: String) -> String? {
        if password.isEmpty { return "validation.required" }
        if password.count < minLength { return "password.too_short" }
        if password.count > maxLength { return "password.too_long" }
        return nil
    }
}
