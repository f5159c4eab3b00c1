import Fluent
import Foundation
import Vapor

@testable import KnigonoshaApp

/// A small library for tests: two branches and one account of each role.
struct Seed {
    static let password = "correct horse"

    let north: Branch
    let south: Branch
    let admin: User
    let coordinator: User
    let otherCoordinator: User
    let carrier: User

    static func make(_ app: Application) async throws -> Seed {
        let north = Branch(code: "N", nameRu: "Северный", nameKk: "Солтүстік", address: "Семей, ул. Абая, 1", phone: "+77222000001")
        let south = Branch(code: "S", nameRu: "Южный", nameKk: "Оңтүстік", address: "Усть-Каменогорск, ул. Казахстан, 2", phone: "+77232000002")
        try await north.create(on: app.db)
        try await south.create(on: app.db)
        let hash = try await app.password.async.hash(password)
        func user(_ email: String, _ role: Role, _ branch: Branch?) async throws -> User {
            let u = User(
                email: email, fullName: email.components(separatedBy: "@")[0].capitalized, role: role, branchID: branch?.id, passwordHash: hash)
            try await u.create(on: app.db)
            return u
        }
        return Seed(
            north: north, south: south, admin: try await user("admin@test.kz", .admin, nil),
            coordinator: try await user("coord@test.kz", .coordinator, north),
            otherCoordinator: try await user("coord2@test.kz", .coordinator, south),
            carrier: try await user("carrier@test.kz", .carrier, north)
        )
    }

    /// A valid reader payload for a branch; tests change one field at a time.
    static func reader(branch: Branch, card: String = "N-001", family: String = "Ковалёв") -> ReaderPayload {
        var p = ReaderPayload()
        p.family_name = family
        p.given_name = "Николай"
        p.patronymic = "Иванович"
        p.birth_date = "1948-05-09"
        p.card_number = card
        p.branch_id = branch.id
        p.phones = [PhoneEntry(label: "mobile", number: "8 (701) 234-56-78")]
        p.settlement = "Семей"
        p.street = "ул. Абая"
        p.building = "10"
        p.apartment = "5"
        p.floor = 5
        p.has_lift = false
        p.latitude = 50.41
        p.longitude = 80.23
        p.disability_group = "group1"
        p.needs = ["low_vision"]
        p.formats = ["large_print", "audiobook"]
        p.languages = ["ru", "kk"]
        p.subjects = ["История"]
        p.status = "active"
        p.consent_date = "2024-01-10"
        p.consent_signed_by = "reader"
        // A reader of long standing: one registered today is first visited on the next working day.
        p.registered_on = "2024-01-10"
        return p
    }

    /// Stores a reader directly, as the registry would.
    @discardableResult
    static func storeReader(_ app: Application, _ payload: ReaderPayload, by user: User) async throws -> Reader {
        let today = LocalDate.today(in: app.config.timeZone)
        let (record, errors) = try await ReaderValidator(user: user.current, today: today, db: app.db, readerID: nil).validate(payload)
        guard let record, errors.isEmpty else { throw TestSetupError("seed reader invalid: \(errors.items.map { $0.field })") }
        return try await ReaderStore.create(record, by: user.current, on: app.db)
    }

    static func token(_ app: Application, for user: User) async throws -> String {
        let secret = APIToken.generate()
        try await APIToken(userID: user.id!, name: "test", token: secret).create(on: app.db)
        return secret
    }
}
