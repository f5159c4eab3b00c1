import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct PlatformTests {
    @Test(arguments: TestDatabase.all)
    func test_unknown_page_gets_localised_404_without_internals(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let missing = try await web.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Страница не найдена"))
            web.acceptLanguage = "kk"
            web.cookies[LocaleMiddleware.langCookie] = nil
            let reader = try await web.get("/readers/\(UUID())")
            #expect(reader.status == .notFound)
            #expect(reader.text.contains("Бет табылмады"))
            for text in [missing.text, reader.text] {
                #expect(!text.contains("Fluent"))
                #expect(!text.contains("SELECT"))
                #expect(!text.contains(".swift"))
            }
        }
    }

    /// Each feature adds its paths and schemas to the document; a name used twice (a second
    /// «CarrierHours») silently replaced the first, and responses no longer matched it.
    @Test func test_no_openapi_schema_or_path_is_named_twice() {
        func keys(_ v: JSONValue, _ path: [String]) -> [String] {
            var at = v
            for key in path {
                guard case .object(let pairs) = at, let next = pairs.first(where: { $0.0 == key })?.1 else { return [] }
                at = next
            }
            guard case .object(let pairs) = at else { return [] }
            return pairs.map(\.0)
        }
        let doc = OpenAPIDocument.build()
        for path in [["components", "schemas"], ["paths"]] {
            let names = keys(doc, path)
            #expect(!names.isEmpty)
            let twice = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(twice.isEmpty, "\(path): \(twice)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_openapi_document_matches_the_registered_routes(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            var documented = Set<String>()
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let doc = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any]
                #expect(doc?["openapi"] as? String == "3.1.0")
                let paths = doc?["paths"] as? [String: [String: Any]] ?? [:]
                for (path, ops) in paths {
                    for method in ops.keys where method != "parameters" { documented.insert("\(method.uppercased()) /api/v1\(path)") }
                }
            }
            let registered = Set(
                app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                    "\(route.method.rawValue) /"
                        + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }
                        .joined(separator: "/")
                }
            )
            #expect(registered.count >= 10)
            #expect(registered.subtracting(documented).sorted() == [])
            #expect(documented.subtracting(registered).sorted() == [])
        }
    }

    /// The demo's banner names the address the server will really listen on (it always said 8080).
    @Test func test_demo_banner_follows_the_serve_options() {
        #expect(DemoData.loginURL(arguments: ["knigonosha", "serve"]) == "http://127.0.0.1:8080/login")
        #expect(DemoData.loginURL(arguments: ["knigonosha", "serve", "--port", "9000"]) == "http://127.0.0.1:9000/login")
        #expect(DemoData.loginURL(arguments: ["knigonosha", "serve", "-H", "0.0.0.0", "-p", "81"]) == "http://0.0.0.0:81/login")
        #expect(DemoData.loginURL(arguments: ["knigonosha", "serve", "--bind", "10.0.0.5:8443"]) == "http://10.0.0.5:8443/login")
        #expect(DemoData.loginURL(arguments: ["knigonosha", "serve", "--port=7000"]) == "http://127.0.0.1:7000/login")
    }

    @Test(arguments: TestDatabase.all)
    func test_demo_data_loads_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            #expect(try await DemoData.loadIfEmpty(app))
            #expect(try await Branch.query(on: app.db).count() == 3)
            #expect(try await Reader.query(on: app.db).count() == 40)
            #expect(try await BibRecord.query(on: app.db).count() == DemoCatalog.books.count)
            #expect(Set(try await BibRecord.query(on: app.db).all().map(\.form)) == Set(MaterialFormatCode.codes).subtracting(["ebook"]))
            let roles = Set(try await User.query(on: app.db).all().map(\.role))
            #expect(roles == Set(Role.allCases))
            let settlements = Set(try await Reader.query(on: app.db).all().map(\.settlement))
            #expect(settlements == ["Семей", "Усть-Каменогорск"])
            #expect(try await DemoData.loadIfEmpty(app) == false)
            #expect(try await Reader.query(on: app.db).count() == 40)
            #expect(try await WebClient(app).login("coordinator@demo.kz", password: DemoData.password).status == .seeOther)
        }
    }

    @Test func test_bad_configuration_fails_with_a_clear_message() throws {
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://x"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["BCRYPT_COST": "99"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["COOKIE_SECURE": "maybe"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["ATTACHMENT_MAX_MB": "0"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["DATABASE_POOL_SIZE": "0"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["DATABASE_POOL_SIZE": "many"]) }
        #expect(try AppConfig.fromEnvironment(["DATABASE_POOL_SIZE": "12"]).databasePoolSize == 12)
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["ATTACHMENT_MAX_MB": "ten"]) }
        #expect(try AppConfig.fromEnvironment(["ATTACHMENT_MAX_MB": "5"]).attachmentMaxBytes == 5 * 1024 * 1024)
        #expect(try AppConfig.fromEnvironment([:]).database == .sqlite(path: "data/knigonosha.sqlite"))
        #expect(try AppConfig.fromEnvironment(["DATABASE_URL": "sqlite:///tmp/x.sqlite"]).database == .sqlite(path: "/tmp/x.sqlite"))
    }

    @Test(arguments: TestDatabase.all)
    func test_data_survives_a_restart(db: TestDatabase) async throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-restart-\(suffix).sqlite").path
        let schema = db == .postgres ? "t_restart_\(suffix)" : nil
        let database: AppConfig.Database = db == .postgres ? .postgres(url: TestDatabase.postgresURL ?? "") : .sqlite(path: path)
        for round in 0..<2 {
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            try await configure(app, config: AppConfig(database: database, bcryptCost: 4), postgresSchema: schema)
            if let schema, round == 0, let sql = app.db as? any SQLDatabase { try await sql.raw("CREATE SCHEMA \(ident: schema)").run() }
            try await Migrations.run(on: app)
            if round == 0 { #expect(try await DemoData.loadIfEmpty(app)) }
            #expect(try await Reader.query(on: app.db).count() == 40)
            #expect(try await WebClient(app).login("admin@demo.kz", password: DemoData.password).status == .seeOther)
            if db == .sqlite, let sql = app.db as? any SQLDatabase {
                let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                #expect(mode == "wal")
                let keys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
                #expect(keys == 1)
            }
            if round == 1, let schema, let sql = app.db as? any SQLDatabase { try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
            try await app.asyncShutdown()
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
