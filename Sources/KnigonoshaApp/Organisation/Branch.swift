import Fluent
import Vapor

/// A branch of the library system.
final class Branch: Model, @unchecked Sendable {
    static let schema = "branches"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "code") var code: String
    @Field(key: "name_ru") var nameRu: String
    @Field(key: "name_kk") var nameKk: String
    @Field(key: "address") var address: String
    @Field(key: "phone") var phone: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?

    init() {}

    init(id: UUID? = nil, code: String, nameRu: String, nameKk: String, address: String, phone: String) {
        self.id = id
        self.code = code
        self.nameRu = nameRu
        self.nameKk = nameKk
        self.address = address
        self.phone = phone
    }

    /// The branch name in the interface language; English uses the Russian name.
    func name(_ lang: Lang) -> String { lang == .kk ? nameKk : nameRu }
}
