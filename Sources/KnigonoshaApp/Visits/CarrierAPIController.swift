import Fluent
import Vapor

/// `/api/v1/carriers/{id}/hours` (a carrier's working days and hours) and
/// `/api/v1/profile/calendar-feed` (a carrier's private iCalendar address): the same services as
/// the settings and profile pages.
struct CarrierAPIController {
    struct HoursDTO: Content {
        var weekday: Int
        var from: String
        var to: String
    }

    struct HoursInput: Content {
        var hours: [HoursInputRow]?
    }

    struct HoursInputRow: Content {
        var weekday: Int?
        var from: String?
        var to: String?
    }

    struct FeedDTO: Content {
        /// The feed's address; shown once, only its hash is kept.
        var url: String
    }

    func register(staff: any RoutesBuilder, admin: any RoutesBuilder, anyone: any RoutesBuilder) {
        staff.get("carriers", ":id", "hours", use: hours)
        admin.put("carriers", ":id", "hours", use: saveHours)
        anyone.post("profile", "calendar-feed", use: createFeed)
        anyone.delete("profile", "calendar-feed", use: revokeFeed)
    }

    func hours(req: Request) async throws -> [HoursDTO] {
        let carrier = try await CarrierHours.carrier(req)
        return try await CarrierHours.query(on: req.db).filter(\.$user.$id == carrier.id!).sort(\.$weekday).all()
            .map { HoursDTO(weekday: $0.weekday, from: $0.timeFrom, to: $0.timeTo) }
    }

    /// Replaces the carrier's working days; days not listed are days off.
    func saveHours(req: Request) async throws -> [HoursDTO] {
        let carrier = try await CarrierHours.carrier(req)
        let input = try req.content.decode(HoursInput.self, using: JSONDecoder())
        var e = FieldErrors()
        guard let list = input.hours else {
            e.add("hours", "validation.required")
            throw AppError.validation(e)
        }
        var rows: [(Int, String, String)] = []
        for (i, row) in list.enumerated() {
            guard let day = row.weekday, (1...7).contains(day) else {
                e.add("hours[\(i)].weekday", "validation.weekday")
                continue
            }
            if rows.contains(where: { $0.0 == day }) { e.add("hours[\(i)].weekday", "validation.duplicate_weekday") }
            // A working day has both ends: a row without one was dropped, and with it the day
            // (schemathesis: `[{"weekday": 1, "from": "00:00"}]` left the carrier no days at all).
            if (row.from ?? "").isEmpty { e.add("hours[\(i)].from", "validation.required") }
            if (row.to ?? "").isEmpty { e.add("hours[\(i)].to", "validation.required") }
            let (from, to) = VisitRequests.checkTimes(row.from, row.to, fields: ("hours[\(i)].from", "hours[\(i)].to"), into: &e)
            if let from, let to { rows.append((day, from, to)) }
        }
        guard e.isEmpty else { throw AppError.validation(e) }
        try await CarrierHours.replace(carrier: carrier.id!, with: rows, on: req.db)
        return rows.sorted { $0.0 < $1.0 }.map { HoursDTO(weekday: $0.0, from: $0.1, to: $0.2) }
    }

    func createFeed(req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.role == .carrier else { throw AppError.forbidden }
        let secret = try await CalendarFeed.renew(for: user.id, on: req.db)
        try await req.audit(.tokenCreate, "calendar_feed")
        let base = req.application.config.publicURL ?? ""
        let response = Response(status: .created)
        try response.content.encode(FeedDTO(url: base + SiteRoute.calendar(secret).path), as: .json)
        return response
    }

    func revokeFeed(req: Request) async throws -> Response {
        let user = try req.currentUser()
        try await CalendarFeed.query(on: req.db).filter(\.$user.$id == user.id).delete()
        try await req.audit(.tokenRevoke, "calendar_feed")
        return Response(status: .noContent)
    }
}

extension CarrierHours {
    /// The carrier named by the `id` path parameter; any other account, and a carrier of a branch
    /// the caller may not work with, is not found (issue 19, finding 15).
    static func carrier(_ req: Request) async throws -> User {
        guard let user = try await User.find(req.idParameter(), on: req.db), user.role == .carrier,
            try req.currentUser().canAccess(branchID: user.$branch.id)
        else { throw AppError.notFound }
        return user
    }

    /// Replaces a carrier's working days in one transaction.
    static func replace(carrier: UUID, with rows: [(Int, String, String)], on db: any Database) async throws {
        try await db.transaction { tx in
            try await CarrierHours.query(on: tx).filter(\.$user.$id == carrier).delete()
            for (day, from, to) in rows {
                let h = CarrierHours()
                h.$user.id = carrier
                h.weekday = day
                h.timeFrom = from
                h.timeTo = to
                try await h.create(on: tx)
            }
        }
    }
}

extension CalendarFeed {
    /// A new secret address for the user, ending any earlier one; returns the secret.
    static func renew(for userID: UUID, on db: any Database) async throws -> String {
        let secret = APIToken.generate()
        try await db.transaction { tx in
            try await CalendarFeed.query(on: tx).filter(\.$user.$id == userID).delete()
            let feed = CalendarFeed()
            feed.$user.id = userID
            feed.tokenHash = APIToken.hash(secret)
            feed.createdAt = Date()
            try await feed.create(on: tx)
        }
        return secret
    }
}
