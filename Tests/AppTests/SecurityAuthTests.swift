import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 19: the authentication findings, each with the request that reproduced it.
@Suite struct SecurityAuthTests {
    private func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    /// Finding 6: after login, only a same-site path is followed; browsers drop tabs and line
    /// breaks and read `\` as `/`, so those would lead to another host.
    @Test(arguments: TestDatabase.all)
    func test_login_follows_only_same_site_paths(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let refused = [
                "/\t/evil.example", "/\u{0B}/evil.example", "/\u{00}/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example",
                "https://evil.example/", "/ /evil.example", "/\u{2028}/evil.example", "javascript:alert(1)", "/.//evil.example",
                "/x/..//evil.example", "/\u{3002}evil",
            ]
            for next in refused {
                let web = WebClient(app)
                let res = try await web.post("/login", [("email", "coord@test.kz"), ("password", Seed.password), ("next", next)])
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/", "next=\(next.debugDescription)")
            }
            let web = WebClient(app)
            let res = try await web.post("/login", [("email", "coord@test.kz"), ("password", Seed.password), ("next", "/readers?q=%D0%B0")])
            #expect(res.headers.first(name: .location) == "/readers?q=%D0%B0")
            // The same check guards the preference forms.
            let pref = try await web.post("/preferences/language", [("lang", "kk"), ("return_to", "/\t/evil.example")])
            #expect(pref.headers.first(name: .location) == "/")
        }
    }

    /// Finding 7: tokens and calendar feeds end with the password and with the account.
    @Test(arguments: TestDatabase.all)
    func test_tokens_and_feeds_end_with_the_password_and_the_account(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            // The person changes their own password.
            var token = try await Seed.token(app, for: seed.coordinator)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .ok)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let changed = try await web.post(
                "/profile/password",
                [("current_password", Seed.password), ("new_password", "a much longer pass 2026"), ("confirm_password", "a much longer pass 2026")])
            #expect(changed.status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .unauthorized)
            #expect(try await APIToken.query(on: app.db).filter(\.$user.$id == seed.coordinator.id!).count() == 0)
            // An administrator resets a carrier's password: the token and the feed end.
            token = try await Seed.token(app, for: seed.carrier)
            _ = try await CalendarFeed.renew(for: seed.carrier.id!, on: app.db)
            let admin = WebClient(app)
            try await admin.login("admin@test.kz")
            let reset = try await admin.post("/admin/users/\(seed.carrier.id!)/password", [("password", "another long pass 2026")])
            #expect(reset.status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .unauthorized)
            #expect(try await CalendarFeed.query(on: app.db).count() == 0)
            // Deactivated, then reactivated: the old token stays dead.
            token = try await Seed.token(app, for: seed.otherCoordinator)
            let edit: (Bool) -> [(String, String)] = { active in
                [("full_name", "Coord2"), ("role", "coordinator"), ("branch_id", seed.south.id!.uuidString)] + (active ? [("is_active", "on")] : [])
            }
            #expect(try await admin.post("/admin/users/\(seed.otherCoordinator.id!)", edit(false)).status == .seeOther)
            #expect(try await admin.post("/admin/users/\(seed.otherCoordinator.id!)", edit(true)).status == .seeOther)
            #expect(try await User.find(seed.otherCoordinator.id, on: app.db)?.isActive == true)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token)).status == .unauthorized)
        }
    }

    /// Finding 7: a token may be given an end; past it, it no longer works.
    @Test(arguments: TestDatabase.all)
    func test_a_token_with_an_end_stops_working_after_it(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let refused = try await web.post("/profile/tokens", [("token_name", "script"), ("token_days", "7")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await APIToken.query(on: app.db).count() == 0)
            let made = try await web.post("/profile/tokens", [("token_name", "script"), ("token_days", "30")])
            #expect(made.status == .ok)
            let stored = try #require(try await APIToken.query(on: app.db).first())
            let days = try #require(stored.expiresAt).timeIntervalSinceNow / 86400
            #expect(days > 29.9 && days <= 30)
            let secret = APIToken.generate()
            try await APIToken(userID: seed.coordinator.id!, name: "old", token: secret, expiresAt: Date().addingTimeInterval(-1)).create(on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(secret)).status == .unauthorized)
        }
    }

    /// Finding 5: twelve parallel attempts, eleven wrong and one right, from one address. At most
    /// five passwords are ever checked; the others are refused as locked.
    @Test(arguments: TestDatabase.all)
    func test_parallel_attempts_cannot_beat_the_lockout(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            var clients: [WebClient] = []
            for _ in 0..<12 {
                let c = WebClient(app)
                try await c.get("/login")
                clients.append(c)
            }
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for (i, c) in clients.enumerated() {
                    group.addTask { try await c.login("coord@test.kz", password: i == 11 ? Seed.password : "wrong-\(i)").status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            let checked = statuses.filter { $0 == 303 || $0 == 422 }.count
            #expect(Set<UInt>([303, 422, 429]).isSuperset(of: statuses), "\(statuses)")
            #expect(checked <= LoginThrottle.maxFailures, "\(statuses)")
            #expect(statuses.filter { $0 == 429 }.count >= 12 - LoginThrottle.maxFailures, "\(statuses)")
            let row = try #require(try await LoginAttempt.query(on: app.db).filter(\.$email == "coord@test.kz").first())
            #expect(row.lockedUntil != nil)
            // Even the right password is refused now.
            #expect(try await WebClient(app).login("coord@test.kz").status == .tooManyRequests)
        }
    }

    /// Review of finding 4: every unknown address tried leaves a row; rows no longer counted are
    /// swept at the next successful login, and rows still counting stay.
    @Test(arguments: TestDatabase.all)
    func test_old_login_attempts_are_swept(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let old = Date().addingTimeInterval(-3600)
            for i in 0..<5 { try await LoginAttempt(email: "nobody\(i)@x.kz", address: "10.9.9.9", now: old).create(on: app.db) }
            let fresh = LoginAttempt(email: "recent@x.kz", address: "10.9.9.9", now: Date())
            fresh.failures = 2
            try await fresh.create(on: app.db)
            #expect(try await WebClient(app).login("coord@test.kz").status == .seeOther)
            #expect(try await LoginAttempt.query(on: app.db).all().map(\.email) == ["recent@x.kz"])
        }
    }

    /// Finding 4: bcrypt runs on its own threads; when too many checks wait, the answer is 503
    /// at once, and the attempt does not count as a failure.
    @Test func test_a_full_password_gate_answers_at_once() async throws {
        let gate = try PasswordGate(threads: 1, capacity: 1, cost: 4)
        let slow = try Bcrypt.hash("x", cost: 12)
        async let first = gate.verify("x", hash: slow)
        while gate.inFlightCount == 0 { try await Task.sleep(for: .milliseconds(2)) }
        let clock = ContinuousClock()
        let start = clock.now
        let second = try await gate.verify("x", hash: slow)
        #expect(second == nil)
        #expect(clock.now - start < .milliseconds(50))
        #expect(try await first == true)
        #expect(try await gate.verify("y", hash: nil) == false)
        await gate.shutdown()
    }

    /// Finding 13: a form token is bound to its session; the cookie's secret alone, or a token
    /// from before login, is refused.
    @Test(arguments: TestDatabase.all)
    func test_form_tokens_are_bound_to_the_session(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.get("/login")
            let beforeLogin = web.formToken
            try await web.login("coord@test.kz")
            let form = ReaderFormFields.valid(branch: seed.north, card: "N-777")
            let secret = try #require(web.cookies[CSRFMiddleware.cookieName])
            for token in [secret, beforeLogin] {
                let res = try await web.post("/readers", form + [(CSRFMiddleware.fieldName, token)], csrf: false)
                #expect(res.status == .badRequest)
            }
            #expect(try await Reader.query(on: app.db).count() == 0)
            // The page's own token works.
            let page = try await web.get("/readers/new").text
            let token = try #require(HTMLScan.tags(page).first { $0.attribute("name") == CSRFMiddleware.fieldName }?.attribute("value"))
            #expect(token == web.formToken)
            let accepted = try await web.post("/readers", form)
            #expect(accepted.status == .seeOther, "\(accepted.status): \(accepted.text.prefix(3000))")
            #expect(try await Reader.query(on: app.db).count() == 1)
            // A form from a session that has ended leads to the login page, not to an error.
            try await UserSession.query(on: app.db).delete()
            let late = try await web.post("/readers", form)
            #expect(late.status == .seeOther)
            #expect(late.headers.first(name: .location) == "/login")
            #expect(try await Reader.query(on: app.db).count() == 1)
        }
    }

    /// Finding 13: with https the cookies are Secure and carry the `__Host-` prefix.
    @Test func test_https_sites_get_secure_host_cookies() throws {
        #expect(try AppConfig.fromEnvironment(["PUBLIC_URL": "https://kitap.example.kz"]).secureCookies)
        #expect(!(try AppConfig.fromEnvironment(["PUBLIC_URL": "https://kitap.example.kz", "COOKIE_SECURE": "0"]).secureCookies))
        #expect(!(try AppConfig.fromEnvironment(["PUBLIC_URL": "http://localhost:8080"]).secureCookies))
    }

    @Test(arguments: TestDatabase.all)
    func test_secure_cookies_are_named_with_the_host_prefix(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            app.config.secureCookies = true
            let res = try await app.testing().sendRequest(.GET, "/login")
            let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("__Host-kn_csrf=") })
            #expect(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"))
        }
    }
}
