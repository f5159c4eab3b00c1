import Fluent
import SQLKit
import Vapor

/// The drill-down lists: the readers, visits or loans behind one figure, a page at a time.
enum StatsLists {
    static let pageSize = 100

    struct Row: Sendable {
        var cells: [String]
        var link: SiteRoute?
    }

    struct Page: Sendable {
        var total: Int
        var rows: [Row]
        var headings: [String]
    }

    /// What the audit log records a list as: each row is a reader, a visit or a loan.
    static func auditEntity(_ list: String) -> String { list == "loans" ? "loan" : list == "visits" ? "visit" : "reader" }

    /// The page of rows behind `list`/`subset`, or nil when the pair names no figure.
    static func page(
        list: String, subset: String, scope: StatsScope, page: Int, today: LocalDate, ctx: PageContext, on db: any Database
    ) async throws -> Page? {
        let sql = try db.sql
        switch list {
        case "readers": return try await readers(subset, scope, page, ctx, sql)
        case "visits": return try await visits(subset, scope, page, ctx, sql)
        case "loans": return try await loans(subset, scope, page, today, ctx, sql)
        default: return nil
        }
    }

    private static func readers(_ subset: String, _ scope: StatsScope, _ page: Int, _ ctx: PageContext, _ sql: any SQLDatabase) async throws -> Page?
    {
        let all = try await StatsRows.servedReaders(scope, on: sql)
        let parts = subset.split(separator: ".", maxSplits: 1).map(String.init)
        let chosen: [StatsRows.ServedReader]
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("all", nil): chosen = all
        case ("new", nil): chosen = all.filter(\.isNew)
        case ("disability", let code?) where DisabilityGroup(rawValue: code) != nil: chosen = all.filter { $0.disability == code }
        case ("disability", DisabilityGroup.unknownStored?): chosen = all.filter { DisabilityGroup(rawValue: $0.disability) == nil }
        case ("age", let code?) where AgeBand(rawValue: code) != nil: chosen = all.filter { $0.age.rawValue == code }
        default: return nil
        }
        let rows = chosen.dropFirst((page - 1) * pageSize).prefix(pageSize).map { r in
            Row(cells: [r.name, r.cardNumber, ctx.t("disability." + r.disability), ctx.t(r.age.labelKey)], link: .reader(r.id))
        }
        return Page(
            total: chosen.count, rows: Array(rows),
            headings: [ctx.t("stats.col_reader"), ctx.t("stats.col_card"), ctx.t("stats.col_disability"), ctx.t("stats.col_age")])
    }

    /// The status condition of a visits subset, appended to `q`; false when the subset is unknown.
    static func visitCondition(_ subset: String, into q: inout SQLQueryString) -> Bool {
        func statuses(_ list: [VisitStatus]) {
            q.appendInterpolation(unsafeRaw: " AND v.status IN (")
            for (i, s) in list.enumerated() {
                if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
                q.appendInterpolation(bind: s.rawValue)
            }
            q.appendInterpolation(unsafeRaw: ")")
        }
        switch subset {
        case "all": break
        case "done": statuses([.done])
        case "open": statuses([.planned, .inProgress])
        case "failed": statuses([.noAnswer, .cancelled, .rescheduled])
        case "no_answer": statuses([.noAnswer])
        case "rescheduled": statuses([.rescheduled])
        default:
            guard subset.hasPrefix("cancelled_"), let reason = CancelReason(rawValue: String(subset.dropFirst("cancelled_".count))) else {
                return false
            }
            statuses([.cancelled])
            q.appendInterpolation(unsafeRaw: " AND (v.reason = ")
            q.appendInterpolation(bind: reason.rawValue)
            // A cancellation without a known reason is counted as «other».
            if reason == .other {
                q.appendInterpolation(unsafeRaw: " OR v.reason IS NULL OR v.reason NOT IN (")
                for (i, r) in CancelReason.allCases.enumerated() {
                    if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
                    q.appendInterpolation(bind: r.rawValue)
                }
                q.appendInterpolation(unsafeRaw: ")")
            }
            q.appendInterpolation(unsafeRaw: ")")
        }
        return true
    }

    private static func visits(_ subset: String, _ scope: StatsScope, _ page: Int, _ ctx: PageContext, _ sql: any SQLDatabase) async throws -> Page? {
        var count: SQLQueryString = "SELECT COUNT(*) AS n FROM visits v WHERE "
        StatsRows.visitsIn(scope, into: &count)
        guard visitCondition(subset, into: &count) else { return nil }
        var q: SQLQueryString = """
            SELECT v.id, v.scheduled_on, v.status, v.reason, r.family_name, r.given_name, r.card_number \
            FROM visits v JOIN readers r ON r.id = v.reader_id WHERE 
            """
        StatsRows.visitsIn(scope, into: &q)
        _ = visitCondition(subset, into: &q)
        q.appendInterpolation(unsafeRaw: " ORDER BY v.scheduled_on, r.family_name, v.id LIMIT \(pageSize) OFFSET \((page - 1) * pageSize)")
        let total = try await sql.raw(count).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(q).all().map { row in
            let status = try row.decode(column: "status", as: String.self)
            let reason = try row.decode(column: "reason", as: String?.self)
            return Row(
                cells: [
                    ctx.date(try row.decode(column: "scheduled_on", as: String.self)),
                    try row.decode(column: "family_name", as: String.self) + " " + row.decode(column: "given_name", as: String.self),
                    try row.decode(column: "card_number", as: String.self),
                    ctx.t("visit_status." + status) + (reason.map { " — " + ctx.t("cancel_reason." + $0) } ?? ""),
                ], link: .visit(try row.decode(column: "id", as: UUID.self)))
        }
        return Page(
            total: total, rows: rows,
            headings: [ctx.t("stats.col_date"), ctx.t("stats.col_reader"), ctx.t("stats.col_card"), ctx.t("stats.col_outcome")])
    }

    /// The loan kind and the extra condition of a loans subset; nil when the subset is unknown.
    static func loanCondition(_ subset: String, into q: inout SQLQueryString) -> Bool {
        let parts = subset.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return StatsRows.LoanKind(rawValue: subset) != nil }
        switch parts[0] {
        case "form":
            guard StatsRows.formCodes.contains(parts[1]) else { return false }
            q.appendInterpolation(unsafeRaw: " AND b.form = ")
            q.appendInterpolation(bind: parts[1])
        case "language":
            guard let code = MaterialLanguage(rawValue: parts[1]) else { return false }
            if let marc = StatsLanguage.marc.first(where: { $0.value == code.rawValue })?.key {
                q.appendInterpolation(unsafeRaw: " AND b.languages LIKE ")
                q.appendInterpolation(bind: " \(marc) %")
            } else {
                for marc in StatsLanguage.marc.keys.sorted() {
                    q.appendInterpolation(unsafeRaw: " AND b.languages NOT LIKE ")
                    q.appendInterpolation(bind: " \(marc) %")
                }
            }
        default: return false
        }
        return true
    }

    private static func loans(
        _ subset: String, _ scope: StatsScope, _ page: Int, _ today: LocalDate, _ ctx: PageContext, _ sql: any SQLDatabase
    ) async throws -> Page? {
        let kind = StatsRows.LoanKind(rawValue: subset) ?? .issued
        var total = 0
        var q: SQLQueryString = "SELECT * FROM ("
        for half in StatsRows.halves(kind) {
            var count: SQLQueryString = "SELECT COUNT(*) AS n FROM loans l JOIN bib_records b ON b.id = l.bib_id"
            StatsRows.loansIn(scope, kind, today: today, half: half, into: &count)
            guard loanCondition(subset, into: &count) else { return nil }
            total += try await sql.raw(count).first()?.decode(column: "n", as: Int.self) ?? 0
            if half > 0 { q.appendInterpolation(unsafeRaw: " UNION ALL ") }
            q.appendInterpolation(
                unsafeRaw: "SELECT l.id, l.issued_on, l.due_on, l.returned_on, b.id AS bib, b.title, r.family_name, r.given_name, r.card_number "
                    + "FROM loans l JOIN bib_records b ON b.id = l.bib_id JOIN readers r ON r.id = l.reader_id")
            StatsRows.loansIn(scope, kind, today: today, half: half, into: &q)
            _ = loanCondition(subset, into: &q)
        }
        q.appendInterpolation(unsafeRaw: ") x ORDER BY x.issued_on, x.title, x.id LIMIT \(pageSize) OFFSET \((page - 1) * pageSize)")
        let rows = try await sql.raw(q).all().map { row in
            Row(
                cells: [
                    try row.decode(column: "title", as: String.self),
                    try row.decode(column: "family_name", as: String.self) + " " + row.decode(column: "given_name", as: String.self),
                    try row.decode(column: "card_number", as: String.self),
                    ctx.date(try row.decode(column: "issued_on", as: String.self)), ctx.date(try row.decode(column: "due_on", as: String.self)),
                    ctx.date(try row.decode(column: "returned_on", as: String?.self)),
                ], link: .catalogRecord(try row.decode(column: "bib", as: Int.self)))
        }
        return Page(
            total: total, rows: rows,
            headings: [
                ctx.t("stats.col_title"), ctx.t("stats.col_reader"), ctx.t("stats.col_card"), ctx.t("stats.col_issued"), ctx.t("stats.col_due"),
                ctx.t("stats.col_returned"),
            ])
    }
}
