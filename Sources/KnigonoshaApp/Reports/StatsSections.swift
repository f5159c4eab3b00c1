import Foundation

/// The delivery figures as the page, the exports and the annual report show them: sections of
/// labelled lines, each with the drill-down list behind it.
struct StatsSection: Sendable {
    var key: String
    var lines: [StatsLine]
}

struct StatsLine: Sendable {
    /// The label's catalog key; with `arg`, the key is a pattern and `arg` the key of its reason.
    var key: String
    var arg: String? = nil
    var value: Int
    /// The drill-down: `list` is readers, visits or loans, `subset` picks the rows.
    var list: String? = nil
    var subset: String? = nil
    /// The library's total for the same period, for the share.
    var total: Int? = nil

    /// Percent of the library's total, to one decimal, in tenths.
    var shareTenths: Int? {
        guard let total, total > 0 else { return nil }
        return (value * 1000 + total / 2) / total
    }
}

extension DeliveryStats {
    func sections(totals: LibraryTotal? = nil) -> [StatsSection] {
        func lines(_ counts: [Count], prefix: String, list: String, subset: String) -> [StatsLine] {
            counts.map { StatsLine(key: prefix + "." + $0.code, value: $0.value, list: list, subset: subset + "." + $0.code) }
        }
        var out = [
            StatsSection(
                key: "stats.readers",
                lines: [
                    StatsLine(key: "stats.readers_served", value: readersServed, list: "readers", subset: "all"),
                    StatsLine(key: "stats.readers_new", value: readersNew, list: "readers", subset: "new"),
                ]),
            StatsSection(key: "stats.by_disability", lines: lines(byDisability, prefix: "disability", list: "readers", subset: "disability")),
            StatsSection(key: "stats.by_age", lines: lines(byAge, prefix: "age_band", list: "readers", subset: "age")),
            StatsSection(
                key: "stats.visits",
                lines: [
                    StatsLine(key: "stats.visits_planned", value: visitsPlanned, list: "visits", subset: "all"),
                    StatsLine(key: "stats.visits_done", value: visitsDone, list: "visits", subset: "done"),
                    StatsLine(key: "stats.visits_failed", value: visitsFailed, list: "visits", subset: "failed"),
                    StatsLine(key: "stats.visits_open", value: visitsOpen, list: "visits", subset: "open"),
                ]),
            StatsSection(
                key: "stats.failures",
                lines: failures.map { c in
                    c.code.hasPrefix("cancelled_")
                        ? StatsLine(
                            key: "stats.cancelled_because", arg: "cancel_reason." + c.code.dropFirst("cancelled_".count), value: c.value,
                            list: "visits",
                            subset: c.code)
                        : StatsLine(key: "visit_status." + c.code, value: c.value, list: "visits", subset: c.code)
                }),
            StatsSection(
                key: "stats.items",
                lines: [
                    StatsLine(key: "stats.issued", value: issued, list: "loans", subset: "issued"),
                    StatsLine(key: "stats.returned", value: returned, list: "loans", subset: "returned"),
                    StatsLine(key: "stats.overdue", value: overdue, list: "loans", subset: "overdue"),
                ]),
            StatsSection(key: "stats.by_format", lines: lines(byFormat, prefix: "material", list: "loans", subset: "form")),
            StatsSection(key: "stats.by_language", lines: lines(byLanguage, prefix: "language", list: "loans", subset: "language")),
        ]
        if let totals {
            var share: [StatsLine] = []
            if let t = totals.users {
                share.append(StatsLine(key: "stats.share_users", value: readersServed, list: "readers", subset: "all", total: t))
            }
            if let t = totals.visits {
                share.append(StatsLine(key: "stats.share_visits", value: visitsDone, list: "visits", subset: "done", total: t))
            }
            if let t = totals.issued { share.append(StatsLine(key: "stats.share_issued", value: issued, list: "loans", subset: "issued", total: t)) }
            if !share.isEmpty { out.append(StatsSection(key: "stats.share", lines: share)) }
        }
        return out
    }
}
