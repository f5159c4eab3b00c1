import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct APITests {
    private func json(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }

    @Test(arguments: TestDatabase.all)
    func test_create_read_update_and_history(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.coordinator)
            var created: ReaderRecord?
            try await app.testing().test(
                .POST, "/api/v1/readers", headers: json(token),
                beforeRequest: { req in
                    try req.content.encode(Seed.reader(branch: seed.north), as: .json)
                }
            ) { res in
                #expect(res.status == .created)
                created = try res.content.decode(ReaderRecord.self)
            }
            let reader = try #require(created)
            #expect(reader.phones.first?.number == "+77012345678")
            var change = Seed.reader(branch: seed.north)
            change.floor = 1
            try await app.testing().test(
                .PUT, "/api/v1/readers/\(reader.id!)", headers: json(token),
                beforeRequest: { req in
                    try req.content.encode(change, as: .json)
                }
            ) { res in
                #expect(res.status == .ok)
                let saved = try res.content.decode(ReaderRecord.self)
                #expect(saved.floor == 1)
            }
            try await app.testing().test(.GET, "/api/v1/readers/\(reader.id!)/history", headers: json(token)) { res in
                let changes = try res.content.decode([ReadersAPIController.ChangeDTO].self)
                #expect(changes.map(\.field).contains("floor"))
                #expect(changes.first { $0.field == "floor" }?.old_value == "5")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_error_statuses(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.admin)
            try await app.testing().test(.POST, "/api/v1/readers", headers: json(token), body: ByteBuffer(string: "{not json")) { res in
                #expect(res.status == .badRequest)
                let body = try res.content.decode(APIErrorBody.self)
                #expect(!body.error.isEmpty)
            }
            try await app.testing().test(.POST, "/api/v1/readers", headers: json(token), body: ByteBuffer(string: #"{"floor": "high"}"#)) { res in
                #expect(res.status == .unprocessableEntity)
                let body = try res.content.decode(APIErrorBody.self)
                #expect(body.fields?["floor"] != nil)
            }
            var bad = Seed.reader(branch: seed.north)
            bad.phones = [PhoneEntry(label: "mobile", number: "12345")]
            bad.latitude = 91
            try await app.testing().test(
                .POST, "/api/v1/readers", headers: json(token),
                beforeRequest: { req in
                    try req.content.encode(bad, as: .json)
                }
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let body = try res.content.decode(APIErrorBody.self)
                #expect(body.fields?["phones[0].number"]?.contains("Казахстана") == true)
                #expect(body.fields?["latitude"] != nil)
            }
            let big = String(repeating: "x", count: 1_100_000)
            try await app.testing().test(.POST, "/api/v1/readers", headers: json(token), body: ByteBuffer(string: #"{"notes":"\#(big)"}"#)) { res in
                #expect(res.status == .payloadTooLarge)
            }
            try await app.testing().test(.GET, "/api/v1/readers/\(UUID())", headers: json(token)) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/api/v1/readers/not-a-uuid", headers: json(token)) { res in
                #expect(res.status == .notFound)
            }
            #expect(try await Reader.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_branches_api_is_read_for_all_and_written_by_admins(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let carrier = try await Seed.token(app, for: seed.carrier)
            let admin = try await Seed.token(app, for: seed.admin)
            try await app.testing().test(.GET, "/api/v1/branches", headers: json(carrier)) { res in
                let branches = try res.content.decode([BranchDTO].self)
                #expect(branches.map(\.code) == ["N", "S"])
            }
            let body = BranchPayload(code: "E", name_ru: "Восточный", name_kk: "Шығыс", address: "Семей", phone: "8 722 111 22 33")
            try await app.testing().test(.POST, "/api/v1/branches", headers: json(carrier), beforeRequest: { try $0.content.encode(body, as: .json) })
            { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.POST, "/api/v1/branches", headers: json(admin), beforeRequest: { try $0.content.encode(body, as: .json) }) {
                res in
                #expect(res.status == .created)
                let branch = try res.content.decode(BranchDTO.self)
                #expect(branch.phone == "+77221112233")
            }
        }
    }
}

/// PostgreSQL refuses NUL in text; such input must be a field error, never a server error.
@Suite struct ControlCharacterTests {
    @Test(arguments: TestDatabase.all)
    func test_nul_in_input_is_refused_before_the_database(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.admin)
            let json: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            try await app.testing().test(.GET, "/api/v1/catalog?audience=a%00b", headers: json) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, "/api/v1/catalog?q=a%00b", headers: json) { res in
                #expect(res.status == .unprocessableEntity)
            }
            let body = #"{"code": "X\u0000", "name_ru": "a", "name_kk": "b", "address": "c", "phone": "87011234567"}"#
            try await app.testing().test(.POST, "/api/v1/branches", headers: json, body: ByteBuffer(string: body)) { res in
                #expect(res.status == .unprocessableEntity)
            }
            let web = WebClient(app)
            let login = try await web.post("/login", [("email", "admin\u{0}@test.kz"), ("password", "whatever1")])
            #expect(login.status == .unprocessableEntity)
            #expect(try await Branch.query(on: app.db).count() == 2)
        }
    }
}
