import Fluent
import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// The run page's offline queue on the server side: outcomes sent with the web session and its
/// CSRF header, under an idempotency key, answered in JSON (never with a redirect).
@Suite(.serialized) struct RunQueueTests {
    /// A visit today for the seed's carrier, with two accepted items to deliver.
    private func stop(_ app: Application, _ seed: Seed) async throws -> Visit {
        try await DeliveryFixtures.stopWithBooks(app, seed: seed, card: "Q-1")
    }

    /// The seed's carrier signed in on the phone, with today's stop and the page's CSRF header.
    private func signedInStop(_ app: Application) async throws -> (Seed, Visit, WebClient, String) {
        let seed = try await Seed.make(app)
        let visit = try await stop(app, seed)
        let carrier = WebClient(app)
        _ = try await carrier.login("carrier@test.kz")
        return (seed, visit, carrier, try await carrier.apiCSRF())
    }

    private func status(_ app: Application, _ visit: Visit) async throws -> String? {
        try await Visit.find(visit.id, on: app.db)?.status
    }

    @Test(arguments: TestDatabase.all)
    func test_the_same_key_twice_records_once_and_answers_the_same(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let visit = try await stop(app, seed)
            let accepted = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).filter(\.$state == "accepted").count()
            #expect(accepted == 2)
            let carrier = WebClient(app)
            _ = try await carrier.login("carrier@test.kz")
            let csrf = try await carrier.apiCSRF()
            let body = #"{"outcome":"done","minutes_spent":20,"key":"phone-key-1"}"#
            let first = try await carrier.api(.POST, "/api/v1/visits/\(visit.id!)/outcome", body: body, csrf: csrf, key: "phone-key-1")
            // The lost answer: the phone sends the same outcome again under the same key.
            let again = try await carrier.api(.POST, "/api/v1/visits/\(visit.id!)/outcome", body: body, csrf: csrf, key: "phone-key-1")
            #expect(first.status == .ok)
            #expect(again.status == first.status)
            #expect(first.headers.first(name: VisitsAPIController.replayedHeader) == nil)
            #expect(again.headers.first(name: VisitsAPIController.replayedHeader) == "true")
            let a = try first.content.decode(RunStop.self)
            let b = try again.content.decode(RunStop.self)
            #expect(a.visit_id == visit.id && b.visit_id == visit.id)
            #expect(a.status == "done" && b.status == "done")
            // One outcome: one key, one status change, one loan per item, the row done.
            let keys = try await OutcomeKey.query(on: app.db).all()
            #expect(keys.count == 1)
            #expect(keys.first?.recordedStatus == "done" && keys.first?.answerCode == 200)
            #expect(try await VisitEvent.query(on: app.db).filter(\.$visit.$id == visit.id!).filter(\.$kind == "status").count() == 1)
            #expect(try await Loan.query(on: app.db).count() == 2)
            #expect(try await status(app, visit) == "done")
            #expect(try await Visit.find(visit.id, on: app.db)?.minutesSpent == 20)
            // The same key with another outcome is not the lost answer's resend: refused, not confirmed.
            let changed = try await carrier.api(
                .POST, "/api/v1/visits/\(visit.id!)/outcome", body: #"{"outcome":"no_answer","key":"phone-key-1"}"#, csrf: csrf, key: "phone-key-1")
            #expect(changed.status == .conflict)
            #expect(changed.headers.first(name: VisitsAPIController.replayedHeader) == nil)
            #expect(try await status(app, visit) == "done")
            // A new key for a visit already recorded is a real conflict, not a confirmation.
            let other = try await carrier.api(
                .POST, "/api/v1/visits/\(visit.id!)/outcome", body: #"{"outcome":"no_answer"}"#, csrf: csrf, key: "phone-key-2")
            #expect(other.status == .conflict)
            #expect(try await status(app, visit) == "done")
            #expect(try await OutcomeKey.query(on: app.db).count() == 1)
        }
    }

    /// A phone that resends while the first attempt is still running: one outcome, every answer 200.
    @Test(arguments: TestDatabase.all)
    func test_parallel_resends_under_one_key_record_once(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, visit, carrier, csrf) = try await signedInStop(app)
            let path = "/api/v1/visits/\(visit.id!)/outcome"
            let codes = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await carrier.api(.POST, path, body: #"{"outcome":"done"}"#, csrf: csrf, key: "race-key").status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(codes == Array(repeating: 200, count: 8))
            #expect(try await OutcomeKey.query(on: app.db).count() == 1)
            #expect(try await VisitEvent.query(on: app.db).filter(\.$visit.$id == visit.id!).filter(\.$kind == "status").count() == 1)
            #expect(try await Loan.query(on: app.db).count() == 2)
            #expect(try await status(app, visit) == "done")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_an_expired_session_gets_401_json_and_the_outcome_waits(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, visit, carrier, csrf) = try await signedInStop(app)
            // The session ends while the phone is offline.
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date(timeIntervalSinceNow: -60)).update()
            let body = #"{"outcome":"no_answer"}"#
            let refused = try await carrier.api(.POST, "/api/v1/visits/\(visit.id!)/outcome", body: body, csrf: csrf, key: "k-exp")
            #expect(refused.status == .unauthorized)
            #expect(refused.headers.contentType == .json)
            #expect(refused.headers.first(name: .location) == nil)
            #expect(refused.body.string.contains("\"error\""))
            let token = try await carrier.api(.GET, "/api/v1/session/csrf")
            #expect(token.status == .unauthorized)
            #expect(token.headers.contentType == .json)
            #expect(try await status(app, visit) == "planned")
            #expect(try await OutcomeKey.query(on: app.db).count() == 0)

            // Signed in again: the old page's token is refused, the new session's token sends it.
            _ = try await carrier.login("carrier@test.kz")
            let stale = try await carrier.api(.POST, "/api/v1/visits/\(visit.id!)/outcome", body: body, csrf: csrf, key: "k-exp")
            #expect(stale.status == .badRequest)
            #expect(try await status(app, visit) == "planned")
            let fresh = try await carrier.apiCSRF()
            #expect(fresh != csrf)
            let sent = try await carrier.api(.POST, "/api/v1/visits/\(visit.id!)/outcome", body: body, csrf: fresh, key: "k-exp")
            #expect(sent.status == .ok)
            #expect(try sent.content.decode(RunStop.self).status == "no_answer")
            #expect(try await status(app, visit) == "no_answer")
            #expect(try await OutcomeKey.query(on: app.db).filter(\.$key == "k-exp").count() == 1)
            // Nothing accepted went out: the copies are back on the shelf.
            #expect(try await Loan.query(on: app.db).count() == 0)
            #expect(try await Copy.query(on: app.db).filter(\.$status == "reserved").count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_session_path_demands_its_csrf_header(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let visit = try await stop(app, seed)
            let carrier = WebClient(app)
            _ = try await carrier.login("carrier@test.kz")
            let body = #"{"outcome":"done"}"#
            let path = "/api/v1/visits/\(visit.id!)/outcome"
            // No header, the form's cookie token, and another session's token: all refused.
            #expect(try await carrier.api(.POST, path, body: body).status == .badRequest)
            let formToken = carrier.cookies[CSRFMiddleware.cookieName] ?? ""
            #expect(try await carrier.api(.POST, path, body: body, csrf: formToken).status == .badRequest)
            let other = WebClient(app)
            _ = try await other.login("carrier@test.kz")
            let theirs = try await other.apiCSRF()
            #expect(try await carrier.api(.POST, path, body: body, csrf: theirs).status == .badRequest)
            #expect(try await status(app, visit) == "planned")
            // Another carrier's session is refused the visit, with the reason in JSON.
            let hash = try await app.password.async.hash(Seed.password)
            let second = User(email: "carrier2@test.kz", fullName: "Carrier2", role: .carrier, branchID: seed.north.id, passwordHash: hash)
            try await second.create(on: app.db)
            let outsider = WebClient(app)
            _ = try await outsider.login("carrier2@test.kz")
            let forbidden = try await outsider.api(.POST, path, body: body, csrf: try await outsider.apiCSRF())
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.headers.contentType == .json)
            #expect(try await status(app, visit) == "planned")
            // The bearer API is unchanged.
            let token = try await Seed.token(app, for: seed.carrier)
            var headers = HTTPHeaders()
            headers.add(name: .authorization, value: "Bearer \(token)")
            headers.contentType = .json
            let bearer = try await app.testing().sendRequest(.POST, path, headers: headers, body: .init(string: body))
            #expect(bearer.status == .ok)
            #expect(try await status(app, visit) == "done")
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_run_page_offers_the_way_back_in(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await stop(app, seed)
            let carrier = WebClient(app)
            carrier.acceptLanguage = "en"
            _ = try await carrier.login("carrier@test.kz")
            let page = try await carrier.get("/run")
            let html = page.body.string
            #expect(html.contains(#"id="offline-status""#) && html.contains(#"aria-live="polite""#))
            #expect(html.contains(#"href="/login?next=/run""#) || html.contains(#"href="/login?next=%2Frun""#))
            #expect(html.contains(#"data-m="signin""#))
            #expect(html.contains("Sign in again and send") && html.contains("Outcomes waiting to be sent: {count}"))
            for (_, key) in RunView.messageKeys {
                for lang in Lang.allCases { #expect(!app.l10n.t(key, lang).hasPrefix("⟦"), "\(key) in \(lang)") }
            }
        }
    }
}

extension WebClient {
    /// The run page's CSRF header token for this client's session.
    func apiCSRF() async throws -> String {
        let response = try await api(.GET, "/api/v1/session/csrf")
        guard response.status == .ok else { throw TestSetupError("no CSRF token: \(response.status)") }
        return try response.content.decode(SessionAPIController.CSRFDTO.self).csrf_token
    }

    /// A JSON request as run.js sends it: the session cookie, and the CSRF header when given.
    func api(
        _ method: HTTPMethod, _ path: String, body: String? = nil, csrf: String? = nil, key: String? = nil
    ) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        headers.add(name: .xForwardedFor, value: address)
        headers.add(name: .accept, value: "application/json")
        if body != nil { headers.contentType = .json }
        if let csrf { headers.add(name: SessionAPIAuthMiddleware.header, value: csrf) }
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { result = $0 }
        guard let response = result else { throw TestSetupError("no response") }
        return response
    }
}

/// Review of issue 13: the minutes a carrier gave with "no answer" were accepted (200) and dropped.
@Suite struct NoAnswerMinutesTests {
    @Test(arguments: TestDatabase.all)
    func test_minutes_given_with_no_answer_are_kept(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let (_, visit) = try await DeliveryFixtures.stopToday(app, seed: seed, card: "NA-1")
            let token = try await Seed.token(app, for: seed.carrier)
            try await app.testing().test(
                .POST, "/api/v1/visits/\(visit.id!)/outcome",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json", "Idempotency-Key": UUID().uuidString],
                body: ByteBuffer(string: #"{"outcome":"no_answer","minutes_spent":40}"#)
            ) { res in
                #expect(res.status == .ok)
            }
            let stored = try #require(try await Visit.find(visit.id, on: app.db))
            #expect(stored.status == "no_answer" && stored.minutesSpent == 40)
        }
    }
}
