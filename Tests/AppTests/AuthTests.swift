import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct AuthTests {
    @Test(arguments: TestDatabase.all)
    func test_login_with_right_password_opens_readers_and_sets_safe_cookies(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            _ = try await Seed.make(app)
            let web = WebClient(app)
            // MUT
            let res = try await web.login("COORD@test.kz")
            // validate
            #expect(res.status == .seeOther)
            let setCookies = res.headers[.setCookie].filter { $0.hasPrefix(SessionAuthMiddleware.cookie) }
            #expect(setCookies.count == 1)
            #expect(setCookies[0].contains("HttpOnly"))
            #expect(setCookies[0].contains("SameSite=Lax"))
            #expect(try await web.get("/readers").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_wrong_password_is_refused_with_a_field_error(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            let res = try await web.login("coord@test.kz", password: "wrong password")
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Неверный адрес почты или пароль."))
            #expect(res.text.contains(#"aria-describedby="f-password-error""#))
            #expect(try await web.get("/readers").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_five_failures_lock_the_account_from_that_address_for_15_minutes(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            for _ in 1...4 { #expect(try await web.login("coord@test.kz", password: "nope-nope").status == .unprocessableEntity) }
            let fifth = try await web.login("coord@test.kz", password: "nope-nope")
            #expect(fifth.status == .tooManyRequests)
            // Even the right password is refused while locked, with a clear message.
            let locked = try await web.login("coord@test.kz")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("заблокирован на 15 минут"))
            // Another address is not locked.
            let other = WebClient(app)
            other.address = "10.9.9.9"
            #expect(try await other.login("coord@test.kz").status == .seeOther)
            let attempt = try await LoginAttempt.query(on: app.db).filter(\.$address == "10.0.0.1").first()
            let until = try #require(attempt?.lockedUntil)
            #expect(abs(until.timeIntervalSinceNow - 15 * 60) < 60)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_post_without_csrf_token_is_refused_and_stores_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let form = ReaderFormFields.valid(branch: seed.north)
            let res = try await web.post("/readers", form, csrf: false)
            #expect(res.status == .badRequest)
            #expect(try await Reader.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_logout_ends_the_session_in_the_database(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            #expect(try await UserSession.query(on: app.db).count() == 1)
            try await web.post("/logout", [])
            #expect(try await UserSession.query(on: app.db).count() == 0)
            #expect(try await web.get("/readers").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_password_change_signs_out_other_browsers(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let phone = WebClient(app)
            let desk = WebClient(app)
            try await phone.login("coord@test.kz")
            try await desk.login("coord@test.kz")
            let short = try await desk.post(
                "/profile/password", [("current_password", Seed.password), ("new_password", "short"), ("confirm_password", "short")])
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("слишком короткий"))
            let ok = try await desk.post(
                "/profile/password", [("current_password", Seed.password), ("new_password", "new secret 42"), ("confirm_password", "new secret 42")]
            )
            #expect(ok.status == .seeOther)
            #expect(try await desk.get("/profile").status == .ok)
            #expect(try await phone.get("/profile").status == .seeOther)
            #expect(try await WebClient(app).login("coord@test.kz", password: "new secret 42").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_admin_creates_deactivates_and_resets_accounts(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            let missingBranch = try await admin.post(
                "/admin/users/new", [("full_name", "Ерлан"), ("email", "erlan@test.kz"), ("role", "carrier"), ("password", "long enough")]
            )
            #expect(missingBranch.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$email == "erlan@test.kz").count() == 0)
            let created = try await admin.post(
                "/admin/users/new",
                [
                    ("full_name", "Ерлан"), ("email", "erlan@test.kz"), ("role", "carrier"), ("branch_id", seed.north.id!.uuidString),
                    ("password", "long enough"),
                ]
            )
            #expect(created.status == .seeOther)
            let erlan = try #require(try await User.query(on: app.db).filter(\.$email == "erlan@test.kz").first())
            let carrier = WebClient(app)
            #expect(try await carrier.login("erlan@test.kz", password: "long enough").status == .seeOther)
            // Deactivation ends the running session at once.
            let off = try await admin.post(
                "/admin/users/\(erlan.id!)", [("full_name", "Ерлан"), ("role", "carrier"), ("branch_id", seed.north.id!.uuidString)])
            #expect(off.status == .seeOther)
            #expect(try await carrier.get("/profile").status == .seeOther)
            let refused = try await carrier.login("erlan@test.kz", password: "long enough")
            #expect(refused.status == .unprocessableEntity, "\(refused.status) \(refused.headers) \(carrier.cookies)")
            // A reset password works for the next login.
            #expect(try await admin.post("/admin/users/\(seed.coordinator.id!)/password", [("password", "fresh password")]).status == .seeOther)
            #expect(try await WebClient(app).login("coord@test.kz", password: "fresh password").status == .seeOther)
        }
    }
}
