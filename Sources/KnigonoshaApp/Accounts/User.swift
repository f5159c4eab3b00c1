import Fluent
import Vapor

/// A staff or volunteer account.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "branch_id") var branch: Branch?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    /// Bumped on password change, reset and deactivation; sessions from an older epoch end.
    @Field(key: "session_epoch") var sessionEpoch: Int
    /// The day the account was deactivated; its personal data may go some months later.
    @OptionalField(key: "deactivated_on") var deactivatedOn: String?
    /// The day its name and e-mail were replaced by a pseudonym (issue 16, §6).
    @OptionalField(key: "anonymised_on") var anonymisedOn: String?

    // a carrier's checks, training and travel (issue 15, §1)
    /// The certificate of no criminal record: issued on, valid until.
    @OptionalField(key: "certificate_on") var certificateOn: String?
    @OptionalField(key: "certificate_until") var certificateUntil: String?
    @OptionalField(key: "trained_on") var trainedOn: String?
    /// A volunteer's identity card number: personal data, gone when the account is anonymised.
    @OptionalField(key: "id_card_number") var idCardNumber: String?
    @OptionalField(key: "travel_mode") var travelMode: String?
    /// Where the carrier's day starts (home, say) when not at the branch.
    @OptionalField(key: "start_latitude") var startLatitude: Double?
    @OptionalField(key: "start_longitude") var startLongitude: Double?
    /// How many items the carrier's bag holds, for the week's plan; nil: no limit.
    @OptionalField(key: "bag_capacity") var bagCapacity: Int?

    init() {}

    init(id: UUID? = nil, email: String, fullName: String, role: Role, branchID: UUID?, passwordHash: String) {
        self.id = id
        self.email = User.normalize(email: email)
        self.fullName = fullName
        self.role = role
        self.$branch.id = branchID
        self.passwordHash = passwordHash
        self.isActive = true
        self.sessionEpoch = 0
    }

    static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    var current: CurrentUser {
        CurrentUser(id: id!, email: email, fullName: fullName, role: role, branchID: $branch.id)
    }
}

/// The signed-in account, as the rest of the request sees it.
public struct CurrentUser: Authenticatable, Sendable, Equatable {
    public let id: UUID
    public let email: String
    public let fullName: String
    public let role: Role
    public let branchID: UUID?

    var isAdmin: Bool { role == .admin }
    /// Whether the account adds and changes records (management and carriers do not, here).
    var isStaff: Bool { Role.readerStaff.contains(role) }

    /// Whether this account may work with readers of `branchID`.
    func canAccess(branchID other: UUID?) -> Bool {
        switch role {
        case .admin: true
        case .coordinator: branchID != nil && branchID == other
        case .carrier, .management: false
        }
    }
}
