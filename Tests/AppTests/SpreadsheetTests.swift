import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp
@testable import Spreadsheet

/// The XLSX export is real Office Open XML: LibreOffice opens it and gives back the figures.
@Suite(.serialized) struct SpreadsheetTests {
    /// LibreOffice's command, when installed (CI installs it; without it locally the round trip is skipped).
    static let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test func test_columns_and_escaping() {
        #expect(Workbook.column(0) == "A")
        #expect(Workbook.column(25) == "Z")
        #expect(Workbook.column(26) == "AA")
        #expect(Workbook.column(701) == "ZZ")
        #expect(Workbook.escape("a<b & \"c\"\u{0001}") == "a&lt;b &amp; &quot;c&quot;")
    }

    @Test(.enabled(if: soffice != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func test_the_events_report_opens_in_libreoffice_with_the_same_figures() async throws {
        let soffice = try #require(Self.soffice, "CI must install libreoffice-calc-nogui")
        try await withTestApp(.sqlite) { app in
            let seed = try await Seed.make(app)
            let token = try await Seed.token(app, for: seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            for b in [
                #"{"title":"Урок","type":"lesson","starts_on":"2026-10-29","place":"Зал","participants_total":36,"target_groups":["specialists"]}"#,
                #"{"title":"Урок 2","type":"lesson","starts_on":"2026-11-12","place":"Зал","participants_total":20,"disabled":4}"#,
                #"{"title":"Клуб","type":"club","starts_on":"2026-08-10","place":"Зал","participants_total":14,"disabled":9}"#,
            ] {
                #expect(try await app.testing().sendRequest(.POST, "/api/v1/events", headers: headers, body: .init(string: b)).status == .created)
            }
            let web = WebClient(app)
            _ = try await web.login("coord@test.kz")
            let response = try await web.get("/reports/events.xlsx?from=2026-01-01&to=2026-12-31")
            #expect(response.status == .ok)
            let all = try Self.firstSheet(response, soffice: soffice)
            // The file says whose and which period it is before its table (issue 12, finding 12).
            #expect(
                Self.heading(all) == ["Библиотека (название не указано в настройках)", "Филиал: Вся библиотека", "Период: 01.01.2026 — 31.12.2026"])
            let lines = Array(all.dropFirst(4))
            // By hand: two lessons (36 + 20 participants, 4 with disabilities), one club (14, 9).
            #expect(lines.first == "Вид мероприятия,Мероприятий,Участников,Люди с инвалидностью")
            #expect(lines.contains("Библиотечный урок,2,56,4"))
            #expect(lines.contains("Заседание клуба,1,14,9"))
            #expect(lines.contains("Встреча,0,0,0"))
            #expect(lines.last == "Всего,3,70,13")
        }
    }

    @Test(.enabled(if: soffice != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func test_the_delivery_statistics_open_in_libreoffice_with_the_same_figures() async throws {
        let soffice = try #require(Self.soffice, "CI must install libreoffice-calc-nogui")
        try await withTestApp(.sqlite) { app in
            let f = try await StatsFixtures.make(app)
            try await LibraryName(ru: "Областная библиотека имени Абая", kk: "Абай атындағы облыстық кітапхана").save(on: app.db)
            let web = WebClient(app)
            _ = try await web.login("admin@test.kz")
            let response = try await web.get("/reports/delivery.xlsx?from=2026-01-01&to=2026-06-30")
            #expect(response.status == .ok)
            let all = try Self.firstSheet(response, soffice: soffice)
            #expect(Self.heading(all) == ["Областная библиотека имени Абая", "Филиал: Вся библиотека", "Период: 01.01.2026 — 30.06.2026"])
            let lines = Array(all.dropFirst(4))
            // A branch's file names the branch, in the language of the page that asked for it.
            _ = try await web.post("/preferences/language", [("lang", "kk"), ("return_to", "/reports")])
            let branch = try await web.get(
                "/reports/delivery.xlsx?from=2026-01-01&to=2026-06-30&branch_id=\(f.seed.north.id!.uuidString.lowercased())")
            let kk = try Self.firstSheet(branch, soffice: soffice)
            #expect(Self.heading(kk) == ["Абай атындағы облыстық кітапхана", "Филиал: Солтүстік", "Кезең: 01.01.2026 — 30.06.2026"])
            // The hand count of `StatsFixtures` for the whole library (see `StatsTests`).
            #expect(lines.first == #"Раздел,Показатель,Значение,Всего по библиотеке,"Доля, %""#)
            #expect(lines.contains(#""Читатели, обслуженные на дому",Обслужено читателей,3,,"#))
            #expect(lines.contains("Визиты,Выполнено визитов,4,,"))
            #expect(lines.contains("Книговыдача,Выдано изданий,5,,"))
            #expect(lines.contains("Книговыдача,Просрочено на конец периода,2,,"))
            #expect(lines.contains("Выдача по формату,Обычная печать,2,,"))
        }
    }

    /// The three heading lines of a sheet, without the empty cells LibreOffice writes after them;
    /// an empty line follows them, then the table.
    static func heading(_ lines: [String]) -> [String] {
        lines.prefix(3).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            + (lines.count > 3 && lines[3].allSatisfy { $0 == "," } ? [] : ["?"])
    }

    /// The workbook's first sheet as CSV lines, converted by LibreOffice.
    static func firstSheet(_ response: TestingHTTPResponse, soffice: String) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kn-xlsx-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.xlsx")
        try Data(response.body.readableBytesView).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir", dir.path, file.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let csv = try String(contentsOf: dir.appendingPathComponent("report.csv"), encoding: .utf8)
        return csv.split(whereSeparator: \.isNewline).map(String.init)
    }
}
