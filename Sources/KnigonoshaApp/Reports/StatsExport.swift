import Spreadsheet
import Vapor

/// The delivery statistics as CSV and as an .xlsx workbook, with the page's localised labels.
enum StatsExport {
    static func name(_ s: DeliveryStats, _ ext: String) -> String { "delivery-statistics-\(s.scope.from.iso)-\(s.scope.to.iso).\(ext)" }

    /// Rows of section, figure, value, library total and share (percent); then the months.
    static func rows(_ s: DeliveryStats, totals: LibraryTotal?, ctx: PageContext) -> [[Workbook.Cell]] {
        var out: [[Workbook.Cell]] = [
            [
                .text(ctx.t("stats.section")), .text(ctx.t("stats.indicator")), .text(ctx.t("stats.value")), .text(ctx.t("stats.library_total")),
                .text(ctx.t("stats.share_col")),
            ]
        ]
        for section in s.sections(totals: totals) {
            for line in section.lines {
                out.append([
                    .text(ctx.t(section.key)), .text(StatsTables.label(ctx, line)), .number(line.value), line.total.map { .number($0) } ?? .text(""),
                    .text(StatsTables.share(ctx, line)),
                ])
            }
        }
        return out
    }

    static func monthRows(_ s: DeliveryStats, ctx: PageContext) -> [[Workbook.Cell]] {
        [[.text(ctx.t("report.month")), .text(ctx.t("stats.readers_served")), .text(ctx.t("stats.visits_done")), .text(ctx.t("stats.issued"))]]
            + s.byMonth.map { [.text($0.month), .number($0.readers), .number($0.visitsDone), .number($0.issued)] }
    }

    static func csv(_ s: DeliveryStats, totals: LibraryTotal?, ctx: PageContext, separator: Character = ",") -> Response {
        func text(_ c: Workbook.Cell) -> String {
            switch c {
            case .text(let t): t
            case .number(let n): String(n)
            }
        }
        let lines = (rows(s, totals: totals, ctx: ctx) + [[]] + monthRows(s, ctx: ctx)).map { CSV.line($0.map(text), separator: separator) }
        let response = Response(status: .ok, body: .init(string: "\u{FEFF}" + lines.joined()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name(s, "csv"))\"")
        return response
    }

    /// Sheets: the figures, the months, and the events by type and by target group.
    /// Each sheet starts with the library, the branch and the period (issue 12, finding 12).
    static func xlsx(_ s: DeliveryStats, totals: LibraryTotal?, events: EventsReport, heading: ReportHeading, ctx: PageContext) throws -> Response {
        var book = events.workbook(ctx)
        book.sheets.insert(Workbook.Sheet(name: ctx.t("stats.sheet_months"), rows: monthRows(s, ctx: ctx)), at: 0)
        book.sheets.insert(Workbook.Sheet(name: ctx.t("stats.sheet_figures"), rows: rows(s, totals: totals, ctx: ctx)), at: 0)
        book.headed(heading.rows(ctx))
        let response = Response(status: .ok, body: .init(data: try book.data()))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name(s, "xlsx"))\"")
        return response
    }
}
