import Fluent
import SQLKit
import Vapor

/// The coordinator's date for a reader's next visit. Planning uses it once instead of the date
/// computed from the last visit done (moved off a holiday like any other), then goes back to the
/// rhythm. An empty date removes the override.
enum NextVisitOverride {
    struct Payload: Content {
        var next_visit_on: String?
    }

    static func apply(_ p: Payload, to reader: Reader, today: LocalDate, on db: any Database) async throws -> FieldErrors {
        var e = FieldErrors()
        var value: String?
        if let raw = e.text(p.next_visit_on, "next_visit_on", max: 10) {
            guard let d = LocalDate(raw) else {
                e.add("next_visit_on", "validation.date")
                return e
            }
            if d < today { e.add("next_visit_on", "validation.not_past") }
            if reader.status != ReaderStatus.active.rawValue { e.add("next_visit_on", "visit.reader_not_active") }
            value = d.iso
        }
        guard e.isEmpty else { return e }
        // A date is stored only while the reader is still served: one conditional update, so a
        // coordinator ending the service at this moment does not leave a date behind.
        let sql = try db.sqlDatabase()
        let readerID = try reader.requireID()
        let chosen = value
        let stored = try await BusyRetry.run {
            let update = sql.update(Reader.schema).set("next_visit_on", to: SQLBind(chosen)).set("updated_at", to: Date())
            update.where("id", .equal, readerID)
            if chosen != nil { update.where("status", .equal, ReaderStatus.active.rawValue) }
            return try await update.returning("id").all()
        }
        guard !stored.isEmpty else {
            e.add("next_visit_on", "visit.reader_not_active")
            return e
        }
        reader.nextVisitOn = value
        return e
    }

    static func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.post(SiteRoute.readerNextVisit(SiteRoute.anyID).pattern) { req async throws -> Response in
            let (reader, _) = try await req.loadReader()
            let payload = try req.content.decode(Payload.self)
            let errors = try await apply(payload, to: reader, today: req.today, on: req.db)
            guard errors.isEmpty else {
                return try await ReadersController.page(req, reader, nextVisit: (payload.next_visit_on ?? "", errors))
            }
            try await req.audit(.update, "reader", reader.id)
            return req.seeOther(SiteRoute.reader(reader.id!).path + "#service-history-h", flash: "visits.next_saved")
        }
        api.put("readers", ":id", "next-visit") { req async throws -> Payload in
            let (reader, _) = try await req.loadReader()
            let payload = try req.content.decode(Payload.self, using: JSONDecoder())
            // In JSON, null clears the date; an empty string is not a date (the web form's empty
            // field is the form's way of saying the same, and is read there).
            if let raw = payload.next_visit_on, raw.trimmingCharacters(in: .whitespaces).isEmpty {
                var e = FieldErrors()
                e.add("next_visit_on", "validation.date")
                throw AppError.validation(e)
            }
            let errors = try await apply(payload, to: reader, today: req.today, on: req.db)
            guard errors.isEmpty else { throw AppError.validation(errors) }
            try await req.audit(.update, "reader", reader.id)
            return Payload(next_visit_on: reader.nextVisitOn)
        }
    }
}
