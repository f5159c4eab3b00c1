import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct AccessTests {
    @Test(arguments: TestDatabase.all)
    func test_carrier_gets_403_on_reader_pages_and_readers_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north), by: seed.admin)
            let web = WebClient(app)
            try await web.login("carrier@test.kz")
            for path in ["/readers", "/readers/new", "/readers/\(reader.id!)", "/readers/\(reader.id!)/edit"] {
                let res = try await web.get(path)
                #expect(res.status == .forbidden, "\(path)")
                #expect(res.text.contains("Доступ запрещён"))
                #expect(!res.text.contains("Ковалёв"))
            }
            let token = try await Seed.token(app, for: seed.carrier)
            for path in ["/api/v1/readers", "/api/v1/readers/\(reader.id!)", "/api/v1/readers/\(reader.id!)/history"] {
                try await app.testing().test(.GET, path, headers: ["Authorization": "Bearer \(token)"]) { res in
                    #expect(res.status == .forbidden, "\(path)")
                    #expect(!res.body.string.contains("Ковалёв"))
                }
            }
            try await app.testing().test(
                .POST, "/api/v1/readers", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: "{}")
            ) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_coordinator_sees_only_their_branch(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-1", family: "Северова"), by: seed.admin)
            let southern = try await Seed.storeReader(app, Seed.reader(branch: seed.south, card: "S-1", family: "Южанина"), by: seed.admin)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let list = try await web.get("/readers")
            #expect(list.text.contains("Северова"))
            #expect(!list.text.contains("Южанина"))
            #expect(try await web.get("/readers/\(southern.id!)").status == .forbidden)
            // Registering a reader in another branch is refused on the server.
            var fields = ReaderFormFields.valid(branch: seed.south)
            fields.append(("card_number", "S-2"))
            let res = try await web.post("/readers", fields)
            #expect(res.status == .unprocessableEntity)
            #expect(try await Reader.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_anonymous_visitors_are_sent_to_login_and_api_gets_401(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.testing().test(.GET, "/readers") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/login?next=/readers")
            }
            try await app.testing().test(.GET, "/api/v1/readers") { res in
                #expect(res.status == .unauthorized)
                #expect(res.headers.contentType == .json)
            }
            try await app.testing().test(.GET, "/api/v1/readers", headers: ["Authorization": "Bearer kn_not_a_token"]) { res in
                #expect(res.status == .unauthorized)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_viewing_and_changing_a_reader_is_audited_without_personal_data(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north), by: seed.admin)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            try await web.get("/readers/\(reader.id!)")
            let views = try await AuditEntry.query(on: app.db).filter(\.$action == "view").all()
            #expect(views.count == 1)
            #expect(views.first?.entityID == reader.id)
            #expect(views.first?.$user.id == seed.coordinator.id)
        }
    }
}
