import Fluent
import Spreadsheet
import Vapor

/// The library's official name in Russian and Kazakh, which heads printed reports and
/// spreadsheets. Kept in `library_settings` beside the delivery settings.
struct LibraryName: Sendable, Equatable {
    var ru: String?
    var kk: String?

    static let keys = (ru: "library_name_ru", kk: "library_name_kk")

    static func load(on db: any Database) async throws -> LibraryName {
        var n = LibraryName()
        for row in try await LibrarySetting.query(on: db).filter(\.$id ~~ [keys.ru, keys.kk]).all() {
            if row.id == keys.ru { n.ru = row.value.isEmpty ? nil : row.value }
            if row.id == keys.kk { n.kk = row.value.isEmpty ? nil : row.value }
        }
        return n
    }

    func save(on db: any Database) async throws {
        for (key, value) in [(Self.keys.ru, ru ?? ""), (Self.keys.kk, kk ?? "")] {
            if let row = try await LibrarySetting.find(key, on: db) {
                row.value = value
                try await row.save(on: db)
            } else {
                try await LibrarySetting(key: key, value: value).create(on: db)
            }
        }
    }

    /// The name in `lang`; English reports use the Russian name. A missing Kazakh name falls back
    /// to the Russian one, marked, so that nobody takes it for the state-language version.
    func name(_ ctx: PageContext) -> String {
        switch ctx.lang {
        case .kk: kk ?? ru.map { $0 + " " + ctx.t("content.not_in_kazakh") } ?? ctx.t("report.library_unnamed")
        case .ru, .en: ru ?? kk ?? ctx.t("report.library_unnamed")
        }
    }
}

/// The head of a printed report or spreadsheet: the library, the branch (or the whole library)
/// and the period.
struct ReportHeading: Sendable {
    let library: String
    let branch: String
    let period: String

    static func load(_ ctx: PageContext, branchID: UUID?, from: LocalDate, to: LocalDate, on db: any Database) async throws -> ReportHeading {
        var branch: Branch?
        if let branchID { branch = try await Branch.find(branchID, on: db) }
        return ReportHeading(
            library: try await LibraryName.load(on: db).name(ctx), branch: branch?.name(ctx.lang) ?? ctx.t("stats.whole_library"),
            period: ctx.date(from.iso) + " — " + ctx.date(to.iso))
    }

    /// Three lines above the table of each sheet, so the file says what it covers when it is
    /// opened on its own or printed.
    func rows(_ ctx: PageContext) -> [[String]] {
        [[library], [ctx.t("report.branch_line", ["branch": branch])], [ctx.t("report.period_line", ["period": period])], []]
    }
}

extension Workbook {
    /// Puts the same heading lines above the table of every sheet.
    mutating func headed(_ lines: [[String]]) {
        let rows = lines.map { $0.map { Workbook.Cell.text($0) } }
        for i in sheets.indices { sheets[i].rows = rows + sheets[i].rows }
    }
}
