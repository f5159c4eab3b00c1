import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 16, §4: anonymising and erasing a reader. Anonymising a tenth of the readers changes no
/// figure of `/reports` or `/reports/annual` for any period; erasing keeps counts only; both are
/// refused without a reason or with books on loan, and change nothing then.
@Suite struct ReaderRemovalTests {
    /// Every figure the reports give, per period and branch: months, quarters and years of
    /// 2024–2026, odd ranges, and the annual reports; the lists' totals by age band and group.
    static func figures(_ app: Application, token: String, seed: Seed) async throws -> [String] {
        var periods: [(String, String)] = []
        for year in 2024...2026 {
            periods.append(("\(year)-01-01", "\(year)-12-31"))
            for m in 1...12 {
                periods.append(
                    (String(format: "%04d-%02d-01", year, m), LocalDate(year: year, month: m, day: LocalDate.daysIn(month: m, year: year)).iso))
            }
        }
        periods += [("2024-02-29", "2025-02-28"), ("2025-03-01", "2026-03-14"), ("2026-03-15", "2026-06-09"), ("2024-05-17", "2026-12-31")]
        var out: [String] = []
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        for branch in ["", seed.north.id!.uuidString, seed.south.id!.uuidString] {
            let b = branch.isEmpty ? "" : "&branch_id=\(branch)"
            for (from, to) in periods {
                let res = try await app.testing().sendRequest(.GET, "/api/v1/reports/delivery?from=\(from)&to=\(to)\(b)", headers: headers)
                #expect(res.status == .ok)
                out.append("\(from)…\(to)\(b): " + (try Self.normalised(res)))
            }
            for year in 2024...2026 {
                let res = try await app.testing().sendRequest(.GET, "/api/v1/reports/annual?year=\(year)\(b)", headers: headers)
                #expect(res.status == .ok)
                out.append("annual \(year)\(b): " + (try Self.normalised(res)))
            }
            for subset in ["all", "new", "age.60_plus", "age.0_14", "age.15_30", "age.31_59", "age.unknown", "disability.group1", "disability.none"] {
                let res = try await app.testing().sendRequest(
                    .GET, "/api/v1/reports/delivery/rows?from=2025-01-01&to=2026-12-31&list=readers&subset=\(subset)\(b)", headers: headers)
                let total = try JSONDecoder().decode(StatsRowsDTO.self, from: res.body).total
                out.append("rows \(subset)\(b): \(total)")
            }
        }
        return out
    }

    /// The JSON with its keys sorted: the encoder's key order differs from run to run.
    static func normalised(_ res: TestingHTTPResponse) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: res.body))
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(arguments: TestDatabase.all)
    func test_anonymising_a_tenth_of_the_readers_changes_no_figure_of_any_report(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await PrivacyFixtures.make(app)
            let token = try await Seed.token(app, for: f.seed.admin)
            let before = try await Self.figures(app, token: token, seed: f.seed)
            let chosen = f.readers.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
            #expect(chosen.count * 10 >= f.readers.count)
            let reasons = ["died", "consent_withdrawn", "service_ended", "subject_request"]
            for (n, reader) in chosen.enumerated() {
                let res = try await app.testing().sendRequest(
                    .POST, "/api/v1/readers/\(reader.id!.uuidString)/anonymise", headers: ["Authorization": "Bearer \(token)"],
                    beforeRequest: { try $0.content.encode(["reason": reasons[n % reasons.count]]) })
                #expect(res.status == .ok, "\(res.body.string)")
            }
            let after = try await Self.figures(app, token: token, seed: f.seed)
            #expect(before.count == after.count)
            for (b, a) in zip(before, after) where b != a { Issue.record("a figure changed:\n\(b)\n\(a)") }

            // What is left of them: a pseudonym, the counted codes, no contacts, no history, no comments.
            for reader in chosen {
                let stored = try #require(try await Reader.find(reader.id, on: app.db))
                #expect(stored.removedAs == "anonymised" && stored.familyName.hasPrefix("ANON-") && stored.givenName.isEmpty)
                #expect(stored.cardNumber == stored.familyName && stored.street.isEmpty && stored.latitude == nil && stored.notes == nil)
                #expect(stored.disabilityGroup == reader.disabilityGroup && stored.status == "ended")
                #expect(stored.birthDate == nil || stored.birthDate == reader.birthDate || stored.birthDate!.hasSuffix("-01-01"))
                #expect(try await ReaderPhone.query(on: app.db).filter(\.$reader.$id == reader.id!).count() == 0)
                #expect(try await ReaderTag.query(on: app.db).filter(\.$reader.$id == reader.id!).count() == 0)
                #expect(try await ReaderChange.query(on: app.db).filter(\.$reader.$id == reader.id!).count() == 0)
                #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).filter(\.$comment != nil).count() == 0)
                #expect(try await Loan.query(on: app.db).filter(\.$reader.$id == reader.id!).filter(\.$comment != nil).count() == 0)
                let entries = try await AuditEntry.query(on: app.db).filter(\.$entityID == reader.id!).filter(\.$action == "anonymise").all()
                #expect(entries.count == 1 && entries[0].$user.id == f.seed.admin.id && entries[0].route == "POST /api/v1/readers/:id/anonymise")
            }
            // Most of the edge births keep only 1 January of a year; those crossing a band inside
            // their service keep the day, which the figures need.
            let generalised = try await Reader.query(on: app.db).filter(\.$removedAs == "anonymised").all().compactMap(\.birthDate)
            #expect(generalised.contains { $0.hasSuffix("-01-01") })
            // The others are untouched.
            let untouched = try #require(try await Reader.find(f.readers[1].id, on: app.db))
            #expect(untouched.familyName == "Фамилия1" && untouched.removedAs == nil)
        }
    }

    @Test func test_a_birth_date_is_kept_only_where_an_age_band_changes_inside_the_service() {
        func d(_ s: String) -> LocalDate { LocalDate(s)! }
        // Turns 60 inside the window: the day decides which reports count the reader as 60+.
        #expect(StatisticalBirthDate.generalise(d("1966-03-15"), from: d("2025-01-01"), through: d("2026-12-31")) == d("1966-03-15"))
        // 74 to 76 across the window: any 1 January in the band will do, and the year is kept.
        #expect(StatisticalBirthDate.generalise(d("1950-07-20"), from: d("2025-01-01"), through: d("2026-12-31")) == d("1950-01-01"))
        // 29 February: the birthday in a common year is 1 March, as the reports count it.
        #expect(StatisticalBirthDate.birthday(d("1964-02-29"), year: 2025) == d("2025-03-01"))
        #expect(StatisticalBirthDate.generalise(d("1964-02-29"), from: d("2024-03-01"), through: d("2026-12-31")) == d("1964-01-01"))
        // 39 to 41 across the window, crossing no edge: whatever is kept gives the same band every day.
        let born = d("1985-11-30")
        let g = StatisticalBirthDate.generalise(born, from: d("2025-01-01"), through: d("2026-12-31"))!
        for day in [d("2025-01-01"), d("2025-12-01"), d("2026-06-30"), d("2026-12-31")] {
            #expect(AgeBand(birthDate: g.iso, on: day) == AgeBand(birthDate: born.iso, on: day))
        }
        #expect(StatisticalBirthDate.generalise(nil, from: d("2025-01-01"), through: d("2026-12-31")) == nil)
    }
}
