import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// CI of stop 24: schemathesis's two workers saved the delivery settings at the same moment and one
/// got 500. Each setting was read and then written: on PostgreSQL both inserted a key not saved
/// before; on SQLite the reading transaction's snapshot went stale before its write.
@Suite(.serialized) struct ConcurrentSettingsTests {
    @Test(arguments: TestDatabase.all)
    func test_settings_saved_at_once_by_many_all_succeed_and_one_wins(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.admin)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let weeks = Array(1...16)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for w in weeks {
                    group.addTask {
                        let body =
                            #"{"horizon_weeks":\#(w),"resend_after_months":\#(w),"library_name_ru":"Библиотека \#(w)","library_name_kk":"Кітапхана \#(w)"}"#
                        return try await app.testing().sendRequest(.PUT, "/api/v1/settings/delivery", headers: headers, body: .init(string: body))
                            .status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == weeks.count, "statuses: \(statuses.sorted())")
            // One request's values, whole: never the weeks of one and the name of another.
            let saved = try await DeliverySettings.load(on: app.db)
            let name = try await LibraryName.load(on: app.db)
            #expect(weeks.contains(saved.horizonWeeks))
            #expect(saved.resendAfterMonths == saved.horizonWeeks)
            #expect(name == LibraryName(ru: "Библиотека \(saved.horizonWeeks)", kk: "Кітапхана \(saved.horizonWeeks)"))
            // resend, horizon, the check rule, the plan's two weights and the two names
            #expect(try await LibrarySetting.query(on: app.db).count() == 7)
        }
    }
}
