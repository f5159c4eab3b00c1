import Fluent
import Vapor

/// One changed field of a reader: who changed it, when, and from what to what.
final class ReaderChange: Model, @unchecked Sendable {
    static let schema = "reader_changes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "reader_id") var reader: Reader
    /// Kept when the account is later removed: history outlives accounts.
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "changed_at") var changedAt: Date
    @Field(key: "field") var field: String
    @OptionalField(key: "old_value") var oldValue: String?
    @OptionalField(key: "new_value") var newValue: String?

    init() {}

    init(readerID: UUID, userID: UUID?, at: Date, field: String, old: String?, new: String?) {
        self.$reader.id = readerID
        self.$user.id = userID
        self.changedAt = at
        self.field = field
        self.oldValue = old
        self.newValue = new
    }
}
