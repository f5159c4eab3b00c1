import Vapor

/// The delivery statistics as the API returns them: the same figures as the page.
struct DeliveryStatsDTO: Content {
    struct Count: Content {
        var code: String
        var value: Int
    }

    struct Month: Content {
        var month: String
        var readers: Int
        var visits_done: Int
        var issued: Int
    }

    struct Share: Content {
        var figure: String
        var value: Int
        var library_total: Int
        /// Percent, to one decimal.
        var percent: Double
    }

    var from: String
    var to: String
    var branch_id: UUID?
    var readers_served: Int
    var readers_new: Int
    var readers_by_disability: [Count]
    var readers_by_age: [Count]
    var visits_planned: Int
    var visits_done: Int
    var visits_failed: Int
    var visits_open: Int
    var visits_failed_by_reason: [Count]
    var items_issued: Int
    var items_by_format: [Count]
    var items_by_language: [Count]
    var items_returned: Int
    var items_overdue: Int
    var by_month: [Month]
    var shares: [Share]

    init(_ s: DeliveryStats, totals: LibraryTotal?) {
        func counts(_ list: [DeliveryStats.Count]) -> [Count] { list.map { Count(code: $0.code, value: $0.value) } }
        from = s.scope.from.iso
        to = s.scope.to.iso
        branch_id = s.scope.branchID
        readers_served = s.readersServed
        readers_new = s.readersNew
        readers_by_disability = counts(s.byDisability)
        readers_by_age = counts(s.byAge)
        visits_planned = s.visitsPlanned
        visits_done = s.visitsDone
        visits_failed = s.visitsFailed
        visits_open = s.visitsOpen
        visits_failed_by_reason = counts(s.failures)
        items_issued = s.issued
        items_by_format = counts(s.byFormat)
        items_by_language = counts(s.byLanguage)
        items_returned = s.returned
        items_overdue = s.overdue
        by_month = s.byMonth.map { Month(month: $0.month, readers: $0.readers, visits_done: $0.visitsDone, issued: $0.issued) }
        shares = (s.sections(totals: totals).first { $0.key == "stats.share" }?.lines ?? []).compactMap { line in
            guard let total = line.total, let tenths = line.shareTenths else { return nil }
            return Share(
                figure: String(line.key.dropFirst("stats.share_".count)), value: line.value, library_total: total, percent: Double(tenths) / 10)
        }
    }
}

/// One page of a drill-down list in the API.
struct StatsRowsDTO: Content {
    struct Row: Content {
        var link: String?
        var cells: [String]
    }

    var total: Int
    var page: Int
    var page_size: Int
    var columns: [String]
    var rows: [Row]
}

/// The annual report's data.
struct AnnualReportDTO: Content {
    var year: Int
    var branch_id: UUID?
    var delivery: DeliveryStatsDTO
    var events: EventsReportDTO
    var projects: [ProjectDTO]
}
