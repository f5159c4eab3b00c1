import Plot
import Vapor

/// A month of events as a table: a row per week, a column per weekday, each day's events as
/// links. A table, not a grid of boxes, so that a screen reader announces the day and weekday of
/// every cell; it works without JavaScript.
enum EventCalendarView {
    static func page(_ ctx: PageContext, month first: LocalDate, events: [Event]) -> Response {
        let start = first.schedulingDay
        let days = LocalDate.daysIn(month: first.month, year: first.year)
        var byDay: [Int: [Event]] = [:]
        for e in events {
            let from = max(LocalDate(e.startsOn) ?? first, first)
            let to = min(LocalDate(e.endsOn ?? e.startsOn) ?? from, LocalDate(year: first.year, month: first.month, day: days))
            guard from <= to else { continue }
            for d in from.day...to.day { byDay[d, default: []].append(e) }
        }
        // Monday-first weeks; blank cells before the 1st and after the last day.
        let lead = start.weekday - 1
        let cells: [Int?] = Array(repeating: nil, count: lead) + (1...days).map { Optional($0) }
        let weeks = stride(from: 0, to: cells.count, by: 7).map { i in (0..<7).map { i + $0 < cells.count ? cells[i + $0] : nil } }
        let title = ctx.t("month.\(first.month)") + " " + String(first.year)
        let prev = LocalDate(start.adding(months: -1))
        let next = LocalDate(start.adding(months: 1))
        func link(_ d: LocalDate) -> String { SiteRoute.eventsCalendar.path + "?month=" + String(d.iso.prefix(7)) }
        let header: Node<HTML.TableContext> = .thead(
            .tr(.forEach(Weekday.allCases) { .th(.attribute(named: "scope", value: "col"), .text(ctx.t($0.labelKey))) }))
        let body: Node<HTML.TableContext> = .tbody(
            .forEach(weeks) { week in
                .tr(
                    .forEach(week) { day in
                        guard let day else { return .td(.class("empty")) }
                        let list = byDay[day] ?? []
                        return .td(
                            .class(list.isEmpty ? "day" : "day has-events"),
                            .span(.class("day-number"), .text(String(day))),
                            .if(
                                !list.isEmpty,
                                .ul(
                                    .forEach(list) { e in
                                        .li(.a(.href(SiteRoute.event(e.id!).path), .text((e.timeFrom.map { $0 + " " } ?? "") + e.title)))
                                    })
                            )
                        )
                    })
            })
        return Layout.page(
            ctx, title: ctx.t("event.calendar_title") + ": " + title, wide: true,
            .nav(
                .class("month-nav no-print"), .ariaLabel(ctx.t("event.calendar_nav")),
                .a(.href(link(prev)), .text("← " + ctx.t("month.\(prev.month)") + " " + String(prev.year))),
                .a(
                    .href(SiteRoute.events.path + "?from=\(first.iso)&to=\(LocalDate(year: first.year, month: first.month, day: days).iso)"),
                    .text(ctx.t("event.as_list"))),
                .a(.href(link(next)), .text(ctx.t("month.\(next.month)") + " " + String(next.year) + " →"))),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(.class("calendar"), .caption(.text(title + ": " + ctx.plural("event.count", events.count))), header, body))
        )
    }
}
