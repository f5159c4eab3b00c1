import Fluent
import Scheduling
import Vapor

/// An on-request visit or a change of plan, as a form or the API sends it.
struct VisitPayload: Content {
    var reader_id: String?
    var scheduled_on: String?
    var time_from: String?
    var time_to: String?
    var carrier_id: String?
    var requested_by: String?
    var request_channel: String?
    var request_text: String?
}

/// Creating on-request visits and changing a visit's date, time or carrier.
enum VisitRequests {
    /// Logs a request and plans the visit it asks for. A reader who is paused (on that date) or
    /// whose service has ended cannot get one.
    static func create(_ p: VisitPayload, by user: CurrentUser, today: LocalDate, on db: any Database) async throws -> (Visit?, FieldErrors) {
        var e = FieldErrors()
        var reader: Reader?
        if let raw = e.text(p.reader_id, "reader_id", required: true, max: 40) {
            if let id = UUID(uuidString: raw), let r = try await Reader.find(id, on: db), user.canAccess(branchID: r.$branch.id) {
                reader = r
            } else {
                e.add("reader_id", "validation.choice")
            }
        }
        let date = checkDate(p.scheduled_on, today: today, into: &e)
        if let reader, let date { checkActive(reader, on: date, into: &e) }
        let (from, to) = checkTimes(p.time_from, p.time_to, into: &e)
        let requester = code(p.requested_by, Requester.self, "requested_by", required: true, into: &e)
        let channel = code(p.request_channel, RequestChannel.self, "request_channel", required: true, into: &e)
        let text = e.text(p.request_text, "request_text", required: true, max: 1000)
        var carrierID: UUID?
        if let reader, let raw = e.text(p.carrier_id, "carrier_id", max: 40) {
            carrierID = try await checkCarrier(raw, branchID: reader.$branch.id, into: &e, on: db)
        }
        if let carrierID, let date { try await checkPresent(carrierID, on: date, into: &e, db: db) }
        guard e.isEmpty, let reader, let date else { return (nil, e) }
        let chosen = carrierID
        let visit = try await BusyRetry.run {
            try await db.transaction { tx in
                let visit = Visit()
                visit.$reader.id = reader.id!
                visit.$branch.id = reader.$branch.id
                visit.scheduledOn = date.iso
                visit.timeFrom = from ?? reader.timeFrom
                visit.timeTo = to ?? reader.timeTo
                visit.kind = VisitKind.request.rawValue
                visit.status = VisitStatus.planned.rawValue
                visit.requestedBy = requester
                visit.requestChannel = channel
                visit.requestText = text
                visit.requestedAt = Date()
                if let chosen {
                    visit.$carrier.id = chosen
                } else {
                    visit.$carrier.id = try await CarrierPool.load(on: tx).pick(
                        branchID: reader.$branch.id, day: date.schedulingDay, preferred: reader.carrierID, on: tx)
                }
                try await visit.create(on: tx)
                try await VisitEvent(visitID: visit.id!, user: user, kind: "created", from: nil, to: date.iso).create(on: tx)
                return visit
            }
        }
        return (visit, e)
    }

    /// Moves an open visit to another date or time, or hands it to another carrier; each change is
    /// logged.
    static func update(_ visit: Visit, _ p: VisitPayload, by user: CurrentUser, today: LocalDate, on db: any Database) async throws -> FieldErrors {
        var e = FieldErrors()
        guard visit.visitStatus.isOpen else {
            e.add("scheduled_on", "visit.not_open")
            return e
        }
        var date: LocalDate?
        if p.scheduled_on != nil {
            date = checkDate(p.scheduled_on, today: today, into: &e)
            if let date { checkActive(visit.reader, on: date, into: &e) }
        }
        let (from, to) = checkTimes(p.time_from, p.time_to, into: &e)
        var carrier: UUID??
        if let raw = p.carrier_id {
            carrier = raw.isEmpty ? .some(nil) : .some(try await checkCarrier(raw, branchID: visit.$branch.id, into: &e, on: db))
        }
        // The carrier the visit will have, on the day it will have: away then, or out of
        // certificate, is refused. Only a new carrier or a new day is checked: moving the time of
        // a visit the carrier already has is not a new visit (found by a new user).
        let changedCarrier = carrier.flatMap { $0 }.flatMap { $0 != visit.$carrier.id ? $0 : nil }
        let newDay = date.flatMap { $0.iso != visit.scheduledOn ? $0 : nil }
        if e.isEmpty, let who = changedCarrier ?? (newDay != nil ? visit.$carrier.id : nil) {
            try await checkPresent(who, on: newDay ?? visit.day, into: &e, db: db)
        }
        guard e.isEmpty else { return e }
        let newDate = date
        let newCarrier = carrier
        try await BusyRetry.run {
            try await db.transaction { tx in
                // The visit was open when read; held open from here, or an outcome recorded
                // meanwhile would see its date or carrier change after the fact.
                try await VisitState.holdOpen(visit.id!, on: tx)
                if let date = newDate, date.iso != visit.scheduledOn {
                    try await VisitEvent(visitID: visit.id!, user: user, kind: "date", from: visit.scheduledOn, to: date.iso).create(on: tx)
                    visit.scheduledOn = date.iso
                }
                if p.time_from != nil || p.time_to != nil {
                    visit.timeFrom = from
                    visit.timeTo = to
                }
                if let carrier = newCarrier, carrier != visit.$carrier.id {
                    let names = try await User.query(on: tx).filter(\.$id ~~ [carrier, visit.$carrier.id].compactMap { $0 }).all()
                    func name(_ id: UUID?) -> String? { names.first { $0.id == id }?.fullName }
                    try await VisitEvent(visitID: visit.id!, user: user, kind: "assigned", from: name(visit.$carrier.id), to: name(carrier)).create(
                        on: tx)
                    visit.$carrier.id = carrier
                }
                try await visit.save(on: tx)
            }
        }
        return e
    }

    static func checkDate(_ raw: String?, today: LocalDate, into e: inout FieldErrors) -> LocalDate? {
        guard let raw = e.text(raw, "scheduled_on", required: true, max: 10) else { return nil }
        guard let d = LocalDate(raw) else {
            e.add("scheduled_on", "validation.date")
            return nil
        }
        if d < today { e.add("scheduled_on", "validation.not_past") }
        return d
    }

    static func checkActive(_ reader: Reader, on date: LocalDate, into e: inout FieldErrors) {
        switch ReaderStatus(rawValue: reader.status) {
        case .ended?: e.add("reader_id", "visit.reader_ended")
        case .paused?: e.add("reader_id", "visit.reader_paused")
        case .pending?: e.add("reader_id", "visit.reader_pending")
        default:
            if let from = reader.pauseFrom, from <= date.iso, date.iso <= (reader.pauseUntil ?? "9999-12-31") {
                e.add("scheduled_on", "visit.reader_paused_on_date")
            } else if !reader.hasConsent(on: date.iso) {
                // No consent to process the reader's data on that day: no visit (law 94-V).
                e.add("scheduled_on", "visit.consent_expired_on_date")
            }
        }
    }

    static func checkTimes(
        _ from: String?, _ to: String?, fields: (String, String) = ("time_from", "time_to"), into e: inout FieldErrors
    ) -> (String?, String?) {
        func time(_ v: String?, _ field: String) -> String? {
            guard let v = e.text(v, field, max: 5) else { return nil }
            let parts = v.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m), parts[1].count == 2
            else {
                e.add(field, "validation.time")
                return nil
            }
            return String(format: "%02d:%02d", h, m)
        }
        let f = time(from, fields.0)
        let t = time(to, fields.1)
        if let f, let t, t <= f { e.add(fields.1, "validation.time_order") }
        return (f, t)
    }

    static func code<C: LabeledCode>(_ raw: String?, _ type: C.Type, _ field: String, required: Bool, into e: inout FieldErrors) -> String? {
        guard let v = e.text(raw, field, required: required, max: 40) else { return nil }
        guard C(rawValue: v) != nil else {
            e.add(field, "validation.choice")
            return nil
        }
        return v
    }

    /// A carrier away on `day` (leave, illness) is not given a visit that day (issue 15, §1).
    static func checkPresent(_ carrierID: UUID, on day: LocalDate, into e: inout FieldErrors, db: any Database) async throws {
        // A certificate that has run out stops new visits too, while the library's setting says so.
        if let until = try await User.find(carrierID, on: db)?.certificateUntil, until < day.iso,
            try await DeliverySettings.load(on: db).expiredCheckBlocks
        {
            e.add("carrier_id", "visit.carrier_certificate_expired", ["date": until])
            return
        }
        guard
            let away = try await CarrierAbsence.query(on: db).filter(\.$user.$id == carrierID).filter(\.$startsOn <= day.iso)
                .filter(\.$endsOn >= day.iso).first()
        else { return }
        e.add("carrier_id", "visit.carrier_absent", ["from": away.startsOn, "to": away.endsOn])
    }

    static func checkCarrier(_ raw: String, branchID: UUID, into e: inout FieldErrors, on db: any Database) async throws -> UUID? {
        guard let id = UUID(uuidString: raw), let u = try await User.find(id, on: db), u.role == .carrier, u.isActive, u.$branch.id == branchID
        else {
            e.add("carrier_id", "visit.carrier_invalid")
            return nil
        }
        return id
    }
}
