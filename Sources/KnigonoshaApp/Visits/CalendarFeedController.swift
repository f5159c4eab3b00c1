import Fluent
import Vapor

/// A carrier's private iCalendar feed, so that runs appear in the phone's calendar. The address
/// holds a secret shown once; only its hash is kept, and revoking it (or making a new one) ends
/// the old address. Events carry the number of stops and a link to the run, never a reader's name
/// or address: calendar apps copy feeds to outside servers.
struct CalendarFeedController {
    func register(signedIn: any RoutesBuilder, app: Application) {
        signedIn.get(SiteRoute.calendarFeed.pattern, use: page)
        signedIn.post(SiteRoute.calendarFeed.pattern, use: create)
        signedIn.post(SiteRoute.calendarFeedRevoke.pattern, use: revoke)
        app.get("calendar", ":file", use: feed)
    }

    func page(req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.role == .carrier else { throw AppError.forbidden }
        let feed = try await CalendarFeed.query(on: req.db).filter(\.$user.$id == user.id).first()
        return CalendarFeedView.page(req.page, feed: feed, newURL: nil)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.role == .carrier else { throw AppError.forbidden }
        let secret = try await CalendarFeed.renew(for: user.id, on: req.db)
        try await req.audit(.tokenCreate, "calendar_feed")
        let feed = try await CalendarFeed.query(on: req.db).filter(\.$user.$id == user.id).first()
        // The whole address, to paste into a phone's calendar app (PUBLIC_URL; never the Host header).
        return CalendarFeedView.page(req.page, feed: feed, newURL: (req.application.config.publicURL ?? "") + SiteRoute.calendar(secret).path)
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.currentUser()
        try await CalendarFeed.query(on: req.db).filter(\.$user.$id == user.id).delete()
        try await req.audit(.tokenRevoke, "calendar_feed")
        return req.seeOther(.calendarFeed, flash: "calendar.revoked")
    }

    func feed(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file"), file.hasSuffix(".ics") else { throw AppError.notFound }
        let hash = APIToken.hash(String(file.dropLast(4)))
        guard let feed = try await CalendarFeed.query(on: req.db).filter(\.$tokenHash == hash).with(\.$user).first(), feed.user.isActive,
            feed.user.role == .carrier
        else { throw AppError.notFound }
        let from = req.today.adding(days: -7)
        let visits = try await Visit.query(on: req.db).filter(\.$carrier.$id == feed.$user.id).filter(\.$scheduledOn >= from.iso)
            .filter(\.$scheduledOn <= req.today.adding(days: 90).iso).filter(
                \.$status !~ [VisitStatus.cancelled.rawValue, VisitStatus.rescheduled.rawValue]
            )
            .all()
        let byDay = Dictionary(grouping: visits, by: \.scheduledOn)
        let l10n = req.application.l10n
        let lang = req.lang
        // Links come from PUBLIC_URL only: the Host header is the sender's to choose, and a feed
        // is read by outside servers that would follow a link to any host (issue 19, finding 15).
        let base = req.application.config.publicURL
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Knigonosha//Runs//RU", "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + l10n.t("app.name", lang),
        ]
        for day in byDay.keys.sorted() {
            let stops = byDay[day]!
            let compact = day.replacingOccurrences(of: "-", with: "")
            let start = stops.compactMap(\.timeFrom).min()
            let end = stops.compactMap(\.timeTo).max()
            lines += ["BEGIN:VEVENT", "UID:run-\(feed.$user.id.uuidString.lowercased())-\(compact)@knigonosha", "DTSTAMP:" + Self.stamp(Date())]
            if let start, let end, end > start {
                lines += [
                    "DTSTART:\(compact)T\(start.replacingOccurrences(of: ":", with: ""))00",
                    "DTEND:\(compact)T\(end.replacingOccurrences(of: ":", with: ""))00",
                ]
            } else {
                lines += ["DTSTART;VALUE=DATE:\(compact)"]
            }
            lines += [
                "SUMMARY:" + Self.escape(l10n.t("app.name", lang) + ": " + l10n.plural("run.stops", count: stops.count, lang))
            ]
            if let base { lines.append("URL:" + base + SiteRoute.run.path(query: [("date", day)])) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return response
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    /// RFC 5545 text escaping.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
