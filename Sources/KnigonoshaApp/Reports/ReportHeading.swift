import Fluent
import Spreadsheet
import Vapor

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
