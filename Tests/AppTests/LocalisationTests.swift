import Foundation
import Scheduling
import Testing

@testable import KnigonoshaApp

@Suite struct LocalisationTests {
    let l10n = try! Localizer.bundled()

    @Test func test_every_language_has_every_key() {
        let ru = l10n.keys(.ru)
        #expect(ru.count > 200)
        for lang in [Lang.kk, .en] {
            #expect(ru.subtracting(l10n.keys(lang)).sorted() == [], "missing in \(lang)")
            #expect(l10n.keys(lang).subtracting(ru).sorted() == [], "extra in \(lang)")
        }
    }

    @Test func test_plural_entries_have_the_forms_each_language_needs() {
        let needed: [Lang: Set<String>] = [.ru: ["one", "few", "many"], .kk: ["one", "other"], .en: ["one", "other"]]
        for (lang, forms) in needed {
            for (key, present) in l10n.pluralForms(lang) {
                #expect(forms.isSubset(of: present), "\(key) in \(lang)")
            }
        }
    }

    @Test func test_russian_plurals_read_naturally() {
        #expect(l10n.plural("unit.items", count: 1, .ru) == "1 книга")
        #expect(l10n.plural("unit.items", count: 2, .ru) == "2 книги")
        #expect(l10n.plural("unit.items", count: 5, .ru) == "5 книг")
        #expect(l10n.plural("unit.items", count: 21, .ru) == "21 книга")
        #expect(l10n.plural("unit.items", count: 1, .en) == "1 book")
        #expect(l10n.plural("unit.items", count: 3, .kk) == "3 кітап")
    }

    @Test func test_dates_and_numbers_follow_the_language() {
        #expect(Formats.date("2024-03-05", .ru) == "05.03.2024")
        #expect(Formats.date("2024-03-05", .en) == "5 Mar 2024")
        #expect(Formats.number(12345, .ru) == "12\u{202F}345")
        #expect(Formats.number(12345, .en) == "12,345")
    }

    /// Every key written literally in the sources, and every key built from a code list, exists.
    @Test func test_keys_used_in_code_exist() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KnigonoshaApp")
        let pattern = try NSRegularExpression(pattern: #"(?:\.t|\.plural|Message|errors?\.add|e\.add|"validation)\(?"([a-z_]+(?:\.[a-z0-9_]+)+)""#)
        var used = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let r = Range(match.range(at: 1), in: text) { used.insert(String(text[r])) }
            }
        }
        let literalKeys = used.filter { !$0.hasSuffix(".json") && !$0.hasSuffix(".css") }
        #expect(literalKeys.count > 50)
        #expect(literalKeys.subtracting(l10n.keys(.ru)).sorted() == [])
        var built: [String] = []
        built += DisabilityGroup.allCases.map(\.labelKey) + Need.allCases.map(\.labelKey) + MaterialFormat.allCases.map(\.labelKey)
        built += MaterialLanguage.allCases.map(\.labelKey) + Weekday.allCases.map(\.labelKey) + VisitFrequency.allCases.map(\.labelKey)
        built += ReaderStatus.allCases.map(\.labelKey) + EndReason.allCases.map(\.labelKey) + ContactChannel.allCases.map(\.labelKey)
        built += PhoneLabel.allCases.map(\.labelKey) + ReferralSource.allCases.map(\.labelKey) + ConsentSigner.allCases.map(\.labelKey)
        built += Role.allCases.map { "role." + $0.rawValue } + ReaderQuery.sorts.map { "sort." + $0 }
        built += ReaderRecord.sampleSnapshotFields.map { "reader." + $0 }
        built += MaterialFormatCode.allCases.map(\.labelKey) + CopyStatus.allCases.map(\.labelKey) + ImportStatus.allCases.map(\.labelKey)
        built += CatalogQuery.languages.map { "lang639." + $0 } + ["juvenile", "adolescent", "adult", "specialized"].map { "audience." + $0 }
        built += ["code", "name_ru", "name_kk", "address", "phone", "latitude", "longitude"].map { "branch." + $0 }
        built += VisitStatus.allCases.map(\.labelKey) + VisitKind.allCases.map(\.labelKey) + CancelReason.allCases.map(\.labelKey)
        built += Requester.allCases.map(\.labelKey) + RequestChannel.allCases.map(\.labelKey) + ItemState.allCases.map(\.labelKey)
        built += LoanStatus.allCases.map(\.labelKey) + Outcome.allCases.map(\.labelKey)
        built += EventType.allCases.map(\.labelKey) + TargetGroup.allCases.map(\.labelKey) + (1...12).map { "month.\($0)" }
        built += ProjectStatus.allCases.map(\.labelKey) + VenueKind.allCases.map(\.labelKey) + PresentationMaterial.allCases.map(\.labelKey)
        built += IndicatorMetric.allCases.map(\.labelKey) + AgeBand.allCases.map(\.labelKey) + StatsRows.formCodes.map { "material." + $0 }
        built += ProjectPart.allCases.map { "project.add_" + $0.rawValue } + ["readers", "visits", "loans"].map { "stats.list_" + $0 }
        built += ["users", "visits", "issued"].map { "stats.share_" + $0 }
        built += ["from", "to", "branch_id", "users", "visits", "issued"].map { "totals." + $0 }
        built += ["name", "status", "starts_on", "ends_on", "branch_id", "organisation", "target_groups", "goal", "description"].map {
            "project." + $0
        }
        built += ["author_ids", "other_authors"].map { "project." + $0 }
        built += VisitFailure.codes.filter { !$0.hasPrefix("cancelled_") }.map { "visit_status." + $0 }
        built += KazakhstanHolidays.fixed.map { "holiday." + $0.key }
        built += ["subject", "genre", "author", "series", "rating", "manual", "fit"].map { "reason." + $0 }
        built += ["created", "status", "assigned", "date"].map { "visit_event." + $0 }
        #expect(Set(built).subtracting(l10n.keys(.ru)).sorted() == [])
    }
}

extension ReaderRecord {
    /// The field names the history can show.
    static var sampleSnapshotFields: [String] {
        let r = ReaderRecord(
            id: nil, family_name: "", given_name: "", card_number: "", branch_id: UUID(), phones: [], settlement: "", street: "",
            building: "", disability_group: "none", needs: [], formats: [], languages: [], subjects: [], genres: [], authors: [],
            excluded_topics: [], excluded_authors: [], series: [], items_per_visit: 1, weekdays: [], frequency: "weekly", status: "active",
            registered_on: "2024-01-01", consent_third_party: false, consent_publication: false
        )
        return r.snapshot.map(\.0)
    }
}
